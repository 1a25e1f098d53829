"""Rules of comunicacion's uploads (core.medios): a news image is public while its item is."""

from core.medios import TipoMedio, registrar_medio


def _noticias_publicas():
    from .selectors import noticias_publicas

    return noticias_publicas()


def registrar() -> None:
    registrar_medio(
        TipoMedio(
            modelo="comunicacion.Noticia",
            campo="imagen",
            publicos=_noticias_publicas,
            permiso="comunicacion.gestionar_noticias",
        )
    )
