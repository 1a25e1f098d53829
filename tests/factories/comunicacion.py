"""News of the portal."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from comunicacion.models import Noticia


class NoticiaFactory(factory.django.DjangoModelFactory):
    """A news item in draft; `publicada=True` gives one published two hours ago."""

    class Meta:
        model = Noticia

    class Params:
        publicada = factory.Trait(
            estado=Noticia.Estado.PUBLICADA,
            publicada_en=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=2)),
        )

    titulo = factory.Sequence(lambda n: f"Noticia de prueba {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.titulo))
    resumen = "r"
    cuerpo = "c"
