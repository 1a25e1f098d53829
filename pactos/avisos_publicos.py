"""Notices that higher apps show on the public list of pactos, without pactos importing them.

comunicacion adds its open public consultations from its extensiones.registrar()::

    from pactos.avisos_publicos import AVISOS_PUBLICOS
    AVISOS_PUBLICOS.registrar("comunicacion_consultas", avisos_de_consultas_abiertas)

funcion() returns a list of {"etiqueta", "titulo", "url"} dicts (already translated text).
"""

from collections.abc import Callable

from core.registro import Registro

AVISOS_PUBLICOS: Registro[Callable[[], list[dict]]] = Registro(
    "avisos de la lista pública de pactos"
)


def avisos_publicos() -> list[dict]:
    """Every contributed notice, in order; one app that fails is logged and left out."""
    return [
        aviso
        for _, avisos in AVISOS_PUBLICOS.cada(lambda funcion: list(funcion()))
        for aviso in avisos
    ]
