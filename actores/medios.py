"""Rules of actores' uploads (core.medios): an import file holds personal data of many people,
so only those who may export personal data may open it again."""

from core.medios import TipoMedio, registrar_medio


def registrar() -> None:
    registrar_medio(
        TipoMedio(
            modelo="actores.Importacion",
            campo="archivo",
            permiso="actores.exportar_datos_personales",
        )
    )
