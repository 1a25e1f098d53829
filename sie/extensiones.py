"""What sie contributes to core's registries (see core.registro), from SieConfig.ready()."""

from core.busqueda import FUENTES_BUSQUEDA
from core.cola import COLA_PANEL
from core.demo import CARGADORES_DEMO
from core.documentos import registrar_tipo_documento

from . import busqueda, cola, documentos
from .demo import cargar_demo


def registrar() -> None:
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=10)
    for tipo in documentos.TIPOS:
        registrar_tipo_documento(tipo)
    CARGADORES_DEMO.registrar("SIE: indicadores, valores y metas", cargar_demo, orden=10)
    for clave, tarea in cola.TAREAS:
        COLA_PANEL.registrar(clave, tarea, orden=90)
