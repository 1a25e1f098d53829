"""Notices that higher apps show on the public list of pactos, without pactos importing them.

comunicacion registers its open public consultations here from its AppConfig.ready():

    from pactos.avisos_publicos import registrar_aviso
    registrar_aviso("consultas", consultas_abiertas_como_avisos)

funcion() returns a list of {"etiqueta", "titulo", "url"} dicts (already translated text).
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

_AVISOS: dict[str, Callable[[], list[dict]]] = {}


def registrar_aviso(clave: str, funcion: Callable[[], list[dict]]) -> None:
    _AVISOS[clave] = funcion


def avisos_publicos() -> list[dict]:
    """Every registered notice; one app that fails must not break the list of pactos."""
    avisos = []
    for clave, funcion in _AVISOS.items():
        try:
            avisos.extend(funcion())
        except Exception:
            logger.exception("El aviso %s no se pudo calcular", clave)
    return avisos
