"""Rules of eventos' uploads (core.medios).

A speaker's photo is public while the event is published (its public page shows it); the
event's own photos are material of the systematization and stay with those who systematize it.
"""

from core.medios import TipoMedio, registrar_medio


def _ponentes_publicos():
    from .models import Ponente
    from .selectors import eventos_publicos

    return Ponente.objects.filter(evento__in=eventos_publicos())


def registrar() -> None:
    registrar_medio(
        TipoMedio(
            modelo="eventos.Ponente",
            campo="foto",
            publicos=_ponentes_publicos,
            permiso="eventos.ver_evento",
            objeto=lambda ponente: ponente.evento,
        )
    )
    registrar_medio(
        TipoMedio(
            modelo="eventos.FotoEvento",
            campo="imagen",
            permiso="eventos.sistematizar",
            objeto=lambda foto: foto.evento,
        )
    )
