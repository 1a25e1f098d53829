"""News items and events, with their pictures, as the upload tests need them."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from comunicacion.models import Noticia
from eventos.models import Evento


def noticia_con_imagen(titulo: str, imagen, *, publicada_en=None, **campos) -> Noticia:
    """A news item with a picture: a draft, or published at publicada_en (perhaps in the future).
    Its slug and the picture's alt text are the title's unless campos says otherwise."""
    if publicada_en is not None:
        campos.update(estado=Noticia.Estado.PUBLICADA, publicada_en=publicada_en)
    campos = {
        "slug": slugify(titulo),
        "resumen": "Resumen",
        "cuerpo": "Texto",
        "imagen_alt": titulo,
        **campos,
    }
    return Noticia.objects.create(titulo=titulo, imagen=imagen, **campos)


def evento_proximo(
    titulo: str,
    *,
    dentro_de: datetime.timedelta,
    duracion=datetime.timedelta(hours=3),
    **campos,
) -> Evento:
    """An event (a draft unless campos says publicado=True) that starts dentro_de from now."""
    inicio = timezone.now() + dentro_de
    campos = {
        "slug": slugify(titulo),
        "institucion_organizadora": "Gobierno Provincial",
        **campos,
    }
    return Evento.objects.create(titulo=titulo, inicio=inicio, fin=inicio + duracion, **campos)
