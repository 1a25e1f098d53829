"""Sections that higher apps (mesas, pactos, eventos) add to a canton's dashboard.

sie/ sits below them and never imports them: each registers from its AppConfig.ready():

    from sie.secciones import registrar_seccion_canton
    registrar_seccion_canton(20, "pactos", funcion)

funcion(canton=..., request=...) returns rendered HTML (a str) or "" to show nothing. A section
that fails is logged and left out, so one broken app never takes the dashboard down.
"""

import logging
from collections.abc import Callable

from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

_SECCIONES: dict[str, tuple[int, Callable]] = {}


def registrar_seccion_canton(orden: int, nombre: str, funcion: Callable) -> None:
    _SECCIONES[nombre] = (orden, funcion)


def secciones_canton(*, canton, request) -> list[str]:
    resultado = []
    for nombre, (_, funcion) in sorted(_SECCIONES.items(), key=lambda s: s[1][0]):
        try:
            html = funcion(canton=canton, request=request)
        except Exception:
            logger.exception("La sección %s del cantón %s falló", nombre, canton.codigo)
            continue
        if html:
            resultado.append(mark_safe(html))  # noqa: S308 - rendered by the app's own template
    return resultado
