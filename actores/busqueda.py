"""What actores offers to the search (core.busqueda): public organisations to everybody, every
actor to the staff who may see them. Names and descriptions only, never contact or ID data."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda

from . import selectors


def _url(pk: str) -> str:
    return reverse("actores:detalle", kwargs={"pk": pk})


FUENTES = {
    "actores.actores": FuenteBusqueda(
        etiqueta=_("Organización o persona"),
        etiqueta_publica=_("Organización"),
        titulo="nombre",
        texto=("siglas", "descripcion"),
        detalle="canton__nombre",
        publicas=selectors.actores_publicos,  # organisations that agreed to appear; never people
        url_publica=_url,
        visibles=lambda usuario: selectors.actores_visibles(usuario=usuario),
        url_personal=_url,
    ),
}
