"""What core contributes to its own registries (see core.registro)."""

from .medios import TipoMedio, registrar_medio


def registrar() -> None:
    # Generated documents are downloaded through their own view (views_documentos), never
    # through the uploads' one.
    registrar_medio(TipoMedio(modelo="core.Documento", campo="archivo"))
