"""E-mails of convening: invitations with the agenda and an .ics, and the day-before reminder."""

from __future__ import annotations

import datetime

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.enlaces import url_de

from .calendario import calendario_ics
from .models import Invitacion, Sesion


def _mensaje(invitacion: Invitacion, *, recordatorio: bool) -> EmailMessage:
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
        asunto = render_to_string("mesas/correo/invitacion_asunto.txt", contexto).strip()
        cuerpo = render_to_string("mesas/correo/invitacion.txt", contexto)
        ics = calendario_ics([sesion], nombre=sesion.mesa.nombre)
    mensaje = EmailMessage(subject=asunto, body=cuerpo, to=[invitacion.actor.email])
    mensaje.attach(f"sesion-{sesion.numero}.ics", ics, "text/calendar")
    return mensaje


def invitaciones_enviar(*, invitacion_ids: list[int]) -> int:
    """Send the invitations not sent yet, each once: a retried task or the hourly sweep running at
    the same time skip a row that another worker holds or has marked as sent."""
    enviadas = 0
    for pk in invitacion_ids:
        with transaction.atomic():
            invitacion = (
                Invitacion.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("actor", "sesion__mesa", "sesion__parroquia__canton")
                .filter(pk=pk, enviada_en__isnull=True)
                .first()
            )
            if invitacion is None or not invitacion.actor.email:
                continue
            _mensaje(invitacion, recordatorio=False).send()
            invitacion.enviada_en = timezone.now()
            invitacion.save(update_fields=["enviada_en"])
            enviadas += 1
    return enviadas


def invitaciones_pendientes_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """The hourly sweep: invitations to upcoming sessions whose e-mail never left (the broker was
    down when the facilitator convened) are sent now."""
    ahora = ahora or timezone.now()
    ids = list(
        Invitacion.objects.filter(
            enviada_en__isnull=True,
            sesion__inicio__gt=ahora,
            sesion__estado__in=Sesion.ESTADOS_EDITABLES,
        )
        .exclude(actor__email="")
        .values_list("pk", flat=True)
    )
    return invitaciones_enviar(invitacion_ids=ids)


def recordatorios_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """Remind everyone invited (and not declining) of the sessions that take place tomorrow."""
    ahora = ahora or timezone.now()
    manana = timezone.localdate(ahora) + datetime.timedelta(days=1)
    zona = timezone.get_current_timezone()
    desde = datetime.datetime.combine(manana, datetime.time.min, tzinfo=zona)
    hasta = desde + datetime.timedelta(days=1)
    invitaciones = (
        Invitacion.objects.filter(
            sesion__inicio__gte=desde,
            sesion__inicio__lt=hasta,
            sesion__estado__in=Sesion.ESTADOS_EDITABLES,
            recordatorio_en__isnull=True,
        )
        .filter(~Q(respuesta=Invitacion.Respuesta.DECLINADA))
        .exclude(actor__email="")
        .select_related("actor", "sesion__mesa", "sesion__parroquia__canton")
    )
    enviados = 0
    for invitacion in invitaciones:
        _mensaje(invitacion, recordatorio=True).send()
        Invitacion.objects.filter(pk=invitacion.pk).update(recordatorio_en=timezone.now())
        enviados += 1
    return enviados
