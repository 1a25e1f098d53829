"""What an incoming text does: the apps above canales say it, in one registry.

A text from a number is matched to the latest message the programme sent to that number about
something that awaits an answer (a convocation awaits SI or NO, a commitment reminder awaits a
percentage): the app that sent it registers a Manejador for that message's purpose::

    # mesas/extensiones.py
    RESPUESTAS.registrar("mesas", Manejador(propositos=("convocatoria", ...), funcion=responder))

funcion(entrante, enviado) returns a Respuesta (what it did, for the staff; the text sent back) or
None when the text is not an answer it understands. Then, and for numbers with no conversation,
the registry SIN_CONVERSACION decides (comunicacion makes it a citizen's message with its
tracking code).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.registro import Registro


@dataclass(frozen=True)
class Respuesta:
    resultado: str  # what the text did, shown to staff beside it
    acuse: str = ""  # the text sent back to the person ("" sends nothing)
    objeto: object | None = None  # what the incoming text belongs to now (e.g. a citizen message)


@dataclass(frozen=True)
class Manejador:
    propositos: tuple[str, ...]
    funcion: Callable


RESPUESTAS: Registro[Manejador] = Registro("respuestas a mensajes de texto")
SIN_CONVERSACION: Registro[Callable] = Registro("mensajes de texto sin conversación")


def propositos_con_respuesta() -> set[str]:
    return {p for manejador in RESPUESTAS.valores() for p in manejador.propositos}
