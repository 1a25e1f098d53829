"""Participation history on the actor page: sections that higher apps contribute.

actores never imports mesas, pactos or eventos. Each of them, from its extensiones.registrar(),
adds a section to the registry SECCIONES_PARTICIPACION::

    from actores.participacion import SECCIONES_PARTICIPACION, Seccion

    def mis_sesiones(actor, user):
        return {"template": "mesas/actores/participacion.html",
                "contexto": {"sesiones": ...}, "total": 3}

    SECCIONES_PARTICIPACION.registrar(
        "mesas", Seccion(titulo=_("Mesas y sesiones"), funcion=mis_sesiones), orden=10
    )

funcion(actor, user) returns None (nothing to show for this user) or a dict with:
- "template": a template rendered with the actor page's context plus "contexto" (merged) and
  "seccion"; or "html": already-safe HTML;
- "total" (optional): number shown in the section heading;
- "vacio" (optional): text shown when there is nothing yet.
Sections are shown in `orden`; a section whose function raises is logged and left out by the
registry (core.registro), so one app's bug never breaks the actor page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.registro import Registro


@dataclass(frozen=True)
class Seccion:
    titulo: str
    funcion: Callable


SECCIONES_PARTICIPACION: Registro[Seccion] = Registro("secciones de participación del actor")


def _html(datos: dict, *, seccion: Seccion, actor, request) -> str:
    if "html" in datos:
        html = mark_safe(datos["html"])  # noqa: S308 - the registering app vouches for it
    elif "template" in datos:
        contexto = {"actor": actor, "seccion": seccion, **datos.get("contexto", {})}
        html = render_to_string(datos["template"], contexto, request=request)
    else:
        html = ""
    return html if str(html).strip() else ""


def secciones_para(actor, user, *, request=None) -> list[dict]:
    """Every contributed section for this actor and user, rendered, in order."""
    resultado = []
    for clave, datos in SECCIONES_PARTICIPACION.cada(lambda seccion: seccion.funcion(actor, user)):
        if datos is None:
            continue
        seccion = SECCIONES_PARTICIPACION[clave]
        resultado.append(
            {
                "clave": clave,
                "titulo": seccion.titulo,
                "total": datos.get("total"),
                "vacio": datos.get("vacio"),
                "html": _html(datos, seccion=seccion, actor=actor, request=request),
            }
        )
    return resultado
