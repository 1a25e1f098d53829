"""What sie offers to the site search (core.busqueda): active indicators and the cantons."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.busqueda import FuenteBusqueda

from . import selectors


def _url_codigo(nombre: str):
    return lambda codigo: reverse(nombre, kwargs={"codigo": codigo})


FUENTES = {
    "sie.indicadores": FuenteBusqueda(
        etiqueta=_("Indicador"),
        titulo="nombre",
        texto=("definicion", "unidad", "fuente"),
        detalle="eje__nombre",
        claves=("codigo",),
        publicas=selectors.indicadores_publicos,
        url_publica=_url_codigo("sie:indicador"),
    ),
    "sie.cantones": FuenteBusqueda(
        etiqueta=_("Cantón"),
        titulo="nombre",
        texto=("cabecera", "descripcion_turistica", "descripcion_productiva"),
        claves=("codigo",),
        publicas=selectors.cantones_publicos,
        url_publica=_url_codigo("sie:canton"),
    ),
}
