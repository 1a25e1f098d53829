"""What core contributes to its own registries (see core.registro)."""

from . import cola_personas
from .cola import COLA_PANEL
from .medios import TipoMedio, registrar_medio


def registrar() -> None:
    # Generated documents are downloaded through their own view (views_documentos), never
    # through the uploads' one.
    registrar_medio(TipoMedio(modelo="core.Documento", campo="archivo"))
    for clave, tarea in cola_personas.TAREAS:
        COLA_PANEL.registrar(clave, tarea, orden=100)
