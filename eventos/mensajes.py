"""Text messages (SMS, WhatsApp) of an event, for guests whose channel is a phone: the invitation
and each round of reminders, with a short link to their personal answer page; what their answer
does ("SI" / "NO" answers the invitation, as the e-mail's link does) is in respuestas_texto.

Each text is one row of canales, unique by its key (the guest and the invitation, or the guest
and the reminder round), so a second click, a retried task or the sweep never send it twice.
Texts are short, plain, within one SMS segment: the event's title and the place are shortened to
fit.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from canales.models import MensajeCanal
from canales.services import enlace_corto, textos_enviar
from canales.texto import en_un_segmento

from . import enlaces
from .models import Evento, Invitado, Recordatorio

Proposito = MensajeCanal.Proposito

SI = {"SI", "S", "1", "CONFIRMO", "ASISTIRE", "OK", "YES"}
NO = {"NO", "N", "2", "NO ASISTIRE", "NO PUEDO"}

# The parts that may be shortened to fit one segment, in this order.
ACORTABLES = ("lugar", "evento")
LARGO_MINIMO = 14


def ajustar(plantilla: str, **partes: str) -> str:
    """One SMS segment: the place, then the event's title, shortened a word at a time."""
    return en_un_segmento(plantilla, acortables=ACORTABLES, minimo=LARGO_MINIMO, **partes)


def cuando_corto(evento: Evento) -> str:
    inicio = timezone.localtime(evento.inicio)
    return f"{date_format(inicio, 'D j/n')} {inicio:%H:%M}"


def donde_corto(evento: Evento) -> str:
    if not evento.es_presencial:
        return _("en linea")
    partes = [
        p for p in (evento.lugar, evento.parroquia.nombre if evento.parroquia_id else "") if p
    ]
    return ", ".join(partes) or evento.direccion


def _partes(invitado: Invitado, **extra: str) -> dict:
    evento = invitado.evento
    return {
        "evento": evento.titulo,
        "cuando": cuando_corto(evento),
        "lugar": donde_corto(evento),
        **extra,
    }


def texto_invitacion(invitado: Invitado, *, recordatorio: bool = False) -> str:
    enlace = enlace_corto(enlaces.url_respuesta(invitado))
    with translation.override("es"):
        if recordatorio:
            plantilla = _(
                "Recuerde: {evento}, {cuando} en {lugar}. Asistira? Responda SI o NO. {enlace}"
            )
        else:
            plantilla = _(
                "Invitacion: {evento}, {cuando} en {lugar}. Asistira? Responda SI o NO. {enlace}"
            )
        return ajustar(plantilla, **_partes(invitado, enlace=enlace))


def invitaciones_enviar(*, invitados: Iterable[Invitado], usuario=None) -> int:
    """The invitation by text to each of these guests whose channel is a phone; how many."""
    return textos_enviar(
        invitados,
        proposito=Proposito.INVITACION_EVENTO,
        texto=texto_invitacion,
        clave=lambda invitado: f"eventos.invitado:{invitado.pk}:invitacion",
        usuario=usuario,
    )


def recordatorios_enviar(*, recordatorio: Recordatorio) -> int:
    """One round of reminders by text, to the guests still without an answer whose channel is a
    phone, once per guest and round."""
    invitados = recordatorio.evento.invitados.filter(
        estado=Invitado.Estado.INVITADO, actor__isnull=False
    ).select_related("actor", "evento__parroquia")
    return textos_enviar(
        invitados,
        proposito=Proposito.RECORDATORIO_EVENTO,
        texto=lambda invitado: texto_invitacion(invitado, recordatorio=True),
        clave=lambda invitado: f"eventos.invitado:{invitado.pk}:recordatorio:{recordatorio.numero}",
        usuario=recordatorio.creado_por,
    )
