"""E-mails of convening: invitations with the agenda and an .ics, the day-before reminder, and
the notices to who was invited: the invitation sent again, a change of date, time or place, a
cancellation (AvisoConvocatoria rows).

They go through core.correo: each invitation and each notice is sent once (pendientes_enviar
locks the row and marks it), whether by the task enqueued on convening or by the hourly sweep.
Every .ics of a session carries the same UID; a later one, a higher SEQUENCE."""

from __future__ import annotations

import datetime
from functools import partial

from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from core.correo import correo_enviar, pendientes_enviar
from core.enlaces import url_absoluta, url_de

from .calendario import calendario_ics
from .models import AvisoConvocatoria, Invitacion, Sesion

PLANTILLAS = {
    AvisoConvocatoria.Tipo.REENVIO: "mesas/correo/invitacion",
    AvisoConvocatoria.Tipo.ACTUALIZACION: "mesas/correo/actualizacion",
    AvisoConvocatoria.Tipo.CANCELACION: "mesas/correo/cancelacion",
}


def _enviar(
    invitacion: Invitacion,
    *,
    recordatorio: bool = False,
    aviso: AvisoConvocatoria | None = None,
) -> int:
    """Send one e-mail about invitacion's session; returns the SEQUENCE its .ics carried."""
    sesion = invitacion.sesion
    plantilla = PLANTILLAS[aviso.tipo] if aviso else "mesas/correo/invitacion"
    cancelacion = aviso is not None and aviso.tipo == AvisoConvocatoria.Tipo.CANCELACION
    with translation.override("es"):
        contexto = {
            "invitacion": invitacion,
            "aviso": aviso,
            "sesion": sesion,
            "mesa": sesion.mesa,
            "agenda": list(sesion.agenda.all()),
            "recordatorio": recordatorio,
            "url_respuesta": url_de("mesas:invitacion", token=invitacion.token),
            "url_mesa": url_absoluta(sesion.mesa.get_absolute_url()),
        }
        ics = calendario_ics(
            [sesion],
            nombre=sesion.mesa.nombre,
            metodo="CANCEL" if cancelacion else "REQUEST",
            para=invitacion.actor.email,
        )
    correo_enviar(
        para=invitacion.actor.email,
        plantilla=plantilla,
        contexto=contexto,
        adjuntos=[(f"sesion-{sesion.numero}.ics", ics, "text/calendar")],
    )
    return sesion.version


def _enviar_aviso(aviso: AvisoConvocatoria) -> None:
    aviso.secuencia = _enviar(aviso.invitacion, aviso=aviso)
    aviso.save(update_fields=["secuencia"])


def _con_correo(invitaciones: QuerySet[Invitacion]) -> QuerySet[Invitacion]:
    return invitaciones.exclude(actor__email="").select_related(
        "actor", "sesion__mesa", "sesion__parroquia__canton"
    )


_enviar_invitacion = partial(_enviar, recordatorio=False)
_enviar_recordatorio = partial(_enviar, recordatorio=True)


def invitaciones_enviar(*, invitacion_ids: list[int]) -> int:
    """Send these invitations, the ones not sent yet, each once (never for a session that was
    cancelled before they left)."""
    return _invitaciones_sin_enviar(pk__in=invitacion_ids)


def invitaciones_pendientes_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """The hourly sweep: invitations to upcoming sessions whose e-mail never left (the broker was
    down when the facilitator convened) are sent now."""
    return _invitaciones_sin_enviar(sesion__inicio__gt=ahora or timezone.now())


def _invitaciones_sin_enviar(**filtro) -> int:
    """The invitations of `filtro` whose e-mail has not left, to sessions still ahead (never for
    one cancelled before they left)."""
    return pendientes_enviar(
        queryset=_con_correo(
            Invitacion.objects.filter(**filtro, sesion__estado__in=Sesion.ESTADOS_EDITABLES)
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


def _avisos_validos(avisos: QuerySet[AvisoConvocatoria]) -> QuerySet[AvisoConvocatoria]:
    """Notices that still make sense: a cancellation of a cancelled session, an invitation or an
    update of a session still to take place (an update made moot by a cancellation never
    leaves), to an invitee who has an e-mail."""
    return (
        avisos.filter(
            Q(
                tipo=AvisoConvocatoria.Tipo.CANCELACION,
                invitacion__sesion__estado=Sesion.Estado.CANCELADA,
            )
            | Q(
                tipo__in=[AvisoConvocatoria.Tipo.REENVIO, AvisoConvocatoria.Tipo.ACTUALIZACION],
                invitacion__sesion__estado__in=Sesion.ESTADOS_EDITABLES,
            )
        )
        .exclude(invitacion__actor__email="")
        .select_related(
            "invitacion__actor",
            "invitacion__sesion__mesa",
            "invitacion__sesion__parroquia__canton",
        )
    )


def avisos_enviar(*, aviso_ids: list[int]) -> int:
    """Send these notices, the ones not sent yet, each once."""
    return pendientes_enviar(
        queryset=_avisos_validos(AvisoConvocatoria.objects.filter(pk__in=aviso_ids)),
        enviar=_enviar_aviso,
        marca="enviado_en",
    )


def avisos_pendientes_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """The hourly sweep: notices about sessions still ahead whose e-mail never left."""
    ahora = ahora or timezone.now()
    return pendientes_enviar(
        queryset=_avisos_validos(
            AvisoConvocatoria.objects.filter(invitacion__sesion__inicio__gt=ahora)
        ),
        enviar=_enviar_aviso,
        marca="enviado_en",
    )
