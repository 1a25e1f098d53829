"""What actores contributes to core's registries (see core.registro), from ActoresConfig.ready()."""

from core.busqueda import FUENTES_BUSQUEDA
from core.demo import CARGADORES_DEMO
from core.medios import TipoMedio, registrar_medio

from . import busqueda
from .demo import registrar_demo as cargar_demo


def registrar() -> None:
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=20)
    CARGADORES_DEMO.registrar("Actores", cargar_demo, orden=20)
    # An import file holds personal data of many people: only those who may export personal
    # data may open it again.
    registrar_medio(
        TipoMedio(
            modelo="actores.Importacion",
            campo="archivo",
            permiso="actores.exportar_datos_personales",
        )
    )
