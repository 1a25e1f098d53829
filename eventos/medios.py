"""Rules of eventos' uploads (core.medios).

A speaker's photo is public while the event is published and the speaker may be named in
public (Ponente.se_nombra: typed in by hand, or an actor with consent to be named), as its
public page shows it; the event's own photos are material of the systematization and stay with
those who systematize it.
"""

from django.db.models import Q

from actores.models import Actor
from actores.selectors import consiente_nombre_publico
from core.medios import TipoMedio, registrar_medio

from .models import Ponente
from .selectors import eventos_publicos


def _ponentes_publicos():
    return Ponente.objects.filter(evento__in=eventos_publicos()).filter(
        Q(actor__isnull=True) | Q(actor__in=Actor.objects.filter(consiente_nombre_publico()))
    )


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
