"""What eventos offers to the search (core.busqueda): published events to everybody; to the
staff, the events they may open (eventos.selectors.eventos_para, the rule of eventos.ver_evento)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda

from . import selectors


def _visibles(usuario):
    if not usuario.has_perm("eventos.ver_gestion"):
        return None
    return selectors.eventos_para(usuario=usuario)


FUENTES = {
    "eventos.eventos": FuenteBusqueda(
        etiqueta=_("Evento"),
        titulo="titulo",
        texto=("resumen", "descripcion", "lugar", "institucion_organizadora"),
        claves=("slug", "pk"),
        publicas=selectors.eventos_publicos,
        url_publica=lambda slug, _pk: reverse("eventos:detalle", kwargs={"slug": slug}),
        visibles=_visibles,
        url_personal=lambda _slug, pk: reverse("eventos:gestion", kwargs={"pk": pk}),
    ),
}
