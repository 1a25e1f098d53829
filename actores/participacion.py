"""Participation history on the actor page: a registry that higher apps fill in.

actores never imports mesas, pactos or eventos. Each of them, from its AppConfig.ready(), calls::

    from actores.participacion import registrar_seccion

    def mis_sesiones(actor, user):
        return {"template": "mesas/actores/participacion.html",
                "contexto": {"sesiones": ...}, "total": 3}

    registrar_seccion(orden=10, clave="mesas", titulo=_("Mesas y sesiones"), funcion=mis_sesiones)

funcion(actor, user) returns None (nothing to show for this user) or a dict with:
- "template": a template rendered with the actor page's context plus "contexto" (merged) and
  "seccion"; or "html": already-safe HTML;
- "total" (optional): number shown in the section heading;
- "vacio" (optional): text shown when there is nothing yet.
Sections are shown in `orden`; a section whose function raises is logged and skipped, so one app's
bug never breaks the actor page. The same registry offers `registrar_resumen_participacion`
for the figures that the actor list may show (kept optional).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Seccion:
    orden: int
    clave: str
    titulo: str
    funcion: Callable


_SECCIONES: dict[str, Seccion] = {}


def registrar_seccion(*, orden: int, clave: str, titulo, funcion: Callable) -> None:
    """Register (or replace, by clave) a participation section of the actor page."""
    _SECCIONES[clave] = Seccion(orden=orden, clave=clave, titulo=titulo, funcion=funcion)


def secciones_registradas() -> list[Seccion]:
    return sorted(_SECCIONES.values(), key=lambda s: (s.orden, s.clave))


def retirar_seccion(clave: str) -> None:
    """For tests."""
    _SECCIONES.pop(clave, None)


def secciones_para(actor, user, *, request=None) -> list[dict]:
    """Render every registered section for this actor and user."""
    resultado = []
    for seccion in secciones_registradas():
        try:
            datos = seccion.funcion(actor, user)
        except Exception:  # one app's bug must not break the actor page
            logger.exception("Sección de participación %s falló", seccion.clave)
            continue
        if datos is None:
            continue
        if "html" in datos:
            html = mark_safe(datos["html"])  # noqa: S308 - the registering app vouches for it
        elif "template" in datos:
            contexto = {"actor": actor, "seccion": seccion, **datos.get("contexto", {})}
            html = render_to_string(datos["template"], contexto, request=request)
        else:
            html = ""
        if not str(html).strip():
            html = ""
        resultado.append(
            {
                "clave": seccion.clave,
                "titulo": seccion.titulo,
                "total": datos.get("total"),
                "vacio": datos.get("vacio"),
                "html": html,
            }
        )
    return resultado
