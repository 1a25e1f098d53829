"""E-mails of convening: invitations with the agenda and an .ics, and the day-before reminder.

They go through core.correo: each invitation is sent once (pendientes_enviar locks the row and
marks it), whether by the task enqueued on convening or by the hourly sweep."""

from __future__ import annotations

import datetime
from functools import partial

from django.db.models import QuerySet
from django.utils import timezone, translation

from core.correo import correo_enviar, pendientes_enviar
from core.enlaces import url_de

from .calendario import calendario_ics
from .models import Invitacion, Sesion


def _enviar(invitacion: Invitacion, *, recordatorio: bool) -> None:
    sesion = invitacion.sesion
    with translation.override("es"):
        contexto = {
            "invitacion": invitacion,
            "sesion": sesion,
            "mesa": sesion.mesa,
            "agenda": list(sesion.agenda.all()),
            "recordatorio": recordatorio,
            "url_respuesta": url_de("mesas:invitacion", token=invitacion.token),
        }
        ics = calendario_ics([sesion], nombre=sesion.mesa.nombre)
    correo_enviar(
        para=invitacion.actor.email,
        plantilla="mesas/correo/invitacion",
        contexto=contexto,
        adjuntos=[(f"sesion-{sesion.numero}.ics", ics, "text/calendar")],
    )


def _con_correo(invitaciones: QuerySet[Invitacion]) -> QuerySet[Invitacion]:
    return invitaciones.exclude(actor__email="").select_related(
        "actor", "sesion__mesa", "sesion__parroquia__canton"
    )


_enviar_invitacion = partial(_enviar, recordatorio=False)
_enviar_recordatorio = partial(_enviar, recordatorio=True)


def invitaciones_enviar(*, invitacion_ids: list[int]) -> int:
    """Send these invitations, the ones not sent yet, each once."""
    return pendientes_enviar(
        queryset=_con_correo(Invitacion.objects.filter(pk__in=invitacion_ids)),
        enviar=_enviar_invitacion,
        marca="enviada_en",
    )


def invitaciones_pendientes_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """The hourly sweep: invitations to upcoming sessions whose e-mail never left (the broker was
    down when the facilitator convened) are sent now."""
    ahora = ahora or timezone.now()
    return pendientes_enviar(
        queryset=_con_correo(
            Invitacion.objects.filter(
                sesion__inicio__gt=ahora, sesion__estado__in=Sesion.ESTADOS_EDITABLES
            )
        ),
        enviar=_enviar_invitacion,
        marca="enviada_en",
    )


def recordatorios_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """Remind everyone invited (and not declining) of the sessions that take place tomorrow."""
    ahora = ahora or timezone.now()
    manana = timezone.localdate(ahora) + datetime.timedelta(days=1)
    desde = datetime.datetime.combine(
        manana, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    invitaciones = Invitacion.objects.filter(
        sesion__inicio__gte=desde,
        sesion__inicio__lt=desde + datetime.timedelta(days=1),
        sesion__estado__in=Sesion.ESTADOS_EDITABLES,
    ).exclude(respuesta=Invitacion.Respuesta.DECLINADA)
    return pendientes_enviar(
        queryset=_con_correo(invitaciones), enviar=_enviar_recordatorio, marca="recordatorio_en"
    )
