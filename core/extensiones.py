"""What core contributes to its own registries (see core.registro)."""

from .cola import COLA_PANEL
from .cola_personas import TAREA as TAREA_INVITACIONES
from .medios import TipoMedio, registrar_medio


def registrar() -> None:
    # Generated documents are downloaded through their own view (views_documentos), never
    # through the uploads' one.
    registrar_medio(TipoMedio(modelo="core.Documento", campo="archivo"))
    COLA_PANEL.registrar("core_invitaciones", TAREA_INVITACIONES, orden=100)
