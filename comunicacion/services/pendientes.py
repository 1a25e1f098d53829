"""The sweep of e-mails that never left: their task could not be enqueued (the broker was down).

Every e-mail of comunicacion is recorded as sent on its row, under a row lock, by the task that
sends it: a confirmation link of a comment or of a subscription, the answer to a comment or to a
citizen's message. Celery beat calls correos_pendientes_reencolar() every quarter of an hour; it
enqueues again what is still unsent after a grace period, within the time its link or answer is
still useful. Sending twice is impossible: the task checks the "sent" mark under the lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from core.colas import encolar

from ..models import Comentario, Mensaje, Suscripcion

# Long enough for the first attempt (the task is on its way, or a worker is retrying it).
GRACIA = timedelta(minutes=10)
# Links stop being useful: a comment's confirmation link lasts 3 days, a subscription's 7.
VIGENCIA_CONFIRMACION_COMENTARIO = timedelta(days=3)
VIGENCIA_CONFIRMACION_SUSCRIPCION = timedelta(days=7)
# Answers are still worth sending late, but not weeks late (a restored backup must not flood).
VIGENCIA_RESPUESTA = timedelta(days=14)


def correos_pendientes(*, ahora: datetime | None = None) -> dict[str, list[int]]:
    """Ids of the rows whose e-mail is due and unsent, by kind."""
    ahora = ahora or timezone.now()
    hasta = ahora - GRACIA
    return {
        "confirmacion_comentario": list(
            Comentario.objects.filter(
                estado=Comentario.Estado.PENDIENTE,
                confirmacion_enviada_en__isnull=True,
                creado__lte=hasta,
                creado__gt=ahora - VIGENCIA_CONFIRMACION_COMENTARIO,
            )
            .exclude(email="")
            .values_list("pk", flat=True)
        ),
        "respuesta_comentario": list(
            Comentario.objects.filter(
                respuesta__isnull=False,
                respuesta_enviada_en__isnull=True,
                respuesta__creada__lte=hasta,
                respuesta__creada__gt=ahora - VIGENCIA_RESPUESTA,
            )
            .filter(Q(email__gt="") | Q(usuario__email__gt=""))
            .values_list("pk", flat=True)
        ),
        "confirmacion_suscripcion": list(
            Suscripcion.objects.filter(
                confirmacion_enviada_en__isnull=True,
                confirmada_en__isnull=True,
                baja_en__isnull=True,
                creada__lte=hasta,
                creada__gt=ahora - VIGENCIA_CONFIRMACION_SUSCRIPCION,
            ).values_list("pk", flat=True)
        ),
        "respuesta_mensaje": list(
            Mensaje.objects.filter(
                respondido_en__isnull=False,
                respuesta_enviada_en__isnull=True,
                respondido_en__lte=hasta,
                respondido_en__gt=ahora - VIGENCIA_RESPUESTA,
            )
            .exclude(respuesta="")
            .values_list("pk", flat=True)
        ),
    }


def correos_pendientes_reencolar(*, ahora: datetime | None = None) -> int:
    """Enqueue again every due, unsent e-mail; returns how many were handed to the broker."""
    from .. import tasks

    tareas = {
        "confirmacion_comentario": tasks.enviar_confirmacion_comentario,
        "respuesta_comentario": tasks.enviar_respuesta_comentario,
        "confirmacion_suscripcion": tasks.enviar_confirmacion_suscripcion,
        "respuesta_mensaje": tasks.enviar_respuesta,
    }
    enviados = 0
    for clase, ids in correos_pendientes(ahora=ahora).items():
        for pk in ids:
            enviados += encolar(tareas[clase], pk)
    return enviados
