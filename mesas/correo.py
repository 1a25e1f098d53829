"""E-mails of convening: invitations with the agenda and an .ics, and the day-before reminder."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .calendario import calendario_ics
from .models import Invitacion, Sesion


def _url_absoluta(ruta: str) -> str:
    base = getattr(settings, "PORTAL_URL", "") or "http://localhost:8000"
    return base.rstrip("/") + ruta


def _mensaje(invitacion: Invitacion, *, recordatorio: bool) -> EmailMessage:
    sesion = invitacion.sesion
    with translation.override("es"):
        contexto = {
            "invitacion": invitacion,
            "sesion": sesion,
            "mesa": sesion.mesa,
            "agenda": list(sesion.agenda.all()),
            "recordatorio": recordatorio,
            "url_respuesta": _url_absoluta(
                reverse("mesas:invitacion", kwargs={"token": invitacion.token})
            ),
        }
        asunto = render_to_string("mesas/correo/invitacion_asunto.txt", contexto).strip()
        cuerpo = render_to_string("mesas/correo/invitacion.txt", contexto)
    mensaje = EmailMessage(subject=asunto, body=cuerpo, to=[invitacion.actor.email])
    mensaje.attach(
        f"sesion-{sesion.numero}.ics",
        calendario_ics([sesion], nombre=sesion.mesa.nombre),
        "text/calendar",
    )
    return mensaje


def invitaciones_enviar(*, invitacion_ids: list[int]) -> int:
    """Send the invitations not sent yet (idempotent when the task runs twice)."""
    enviadas = 0
    pendientes = Invitacion.objects.filter(pk__in=invitacion_ids, enviada_en__isnull=True)
    for invitacion in pendientes.select_related(
        "actor", "sesion__mesa", "sesion__parroquia__canton"
    ):
        if not invitacion.actor.email:
            continue
        _mensaje(invitacion, recordatorio=False).send()
        Invitacion.objects.filter(pk=invitacion.pk).update(enviada_en=timezone.now())
        enviadas += 1
    return enviadas


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
