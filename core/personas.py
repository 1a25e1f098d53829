"""Sections that higher apps add to a person's page (/panel/personas/<pk>/): the tables they
facilitate (mesas), the organisations they report for (pactos).

    SECCIONES_PERSONA.registrar("mesas", SeccionPersona(titulo=_("Mesas que facilita"),
                                funcion=mesas_de_persona), orden=10)

funcion(persona, usuario) returns None (nothing for this viewer) or {"template": ..., "contexto":
{...}}; the template is rendered with the page's context plus "contexto". A section that raises is
logged and left out (core.registro).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from .registro import Registro


@dataclass(frozen=True)
class SeccionPersona:
    titulo: str
    funcion: Callable


SECCIONES_PERSONA: Registro[SeccionPersona] = Registro("secciones de la página de una persona")


def secciones_de(persona, usuario, *, request=None) -> list[dict]:
    resultado = []
    for clave, datos in SECCIONES_PERSONA.cada(lambda s: s.funcion(persona, usuario)):
        if datos is None:
            continue
        contexto = {"persona": persona, **datos.get("contexto", {})}
        resultado.append(
            {
                "clave": clave,
                "titulo": SECCIONES_PERSONA[clave].titulo,
                "html": render_to_string(datos["template"], contexto, request=request),
            }
        )
    return resultado
