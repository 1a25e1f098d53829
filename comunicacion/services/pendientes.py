"""The sweep of e-mails that never left: their task could not be enqueued (the broker was down).

Every e-mail of comunicacion is recorded as sent on its row, under a row lock, by the task that
sends it: a confirmation link of a comment or of a subscription, the answer to a comment or to a
citizen's message. Celery beat calls correos_pendientes_reencolar() every quarter of an hour; it
enqueues again what is still unsent after a grace period, within the time its link or answer is
still useful. Sending twice is impossible: the task checks the "sent" mark under the lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from core.colas import encolar

from . import consulta, respuestas_sin_enviar, suscripciones

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
    recientes = {
        "confirmacion_comentario": consulta.confirmaciones_sin_enviar().filter(
            creado__gt=ahora - VIGENCIA_CONFIRMACION_COMENTARIO, creado__lte=hasta
        ),
        "respuesta_comentario": consulta.respuestas_sin_enviar().filter(
            respuesta__creada__gt=ahora - VIGENCIA_RESPUESTA, respuesta__creada__lte=hasta
        ),
        "confirmacion_suscripcion": suscripciones.confirmaciones_sin_enviar().filter(
            creada__gt=ahora - VIGENCIA_CONFIRMACION_SUSCRIPCION, creada__lte=hasta
        ),
        "respuesta_mensaje": respuestas_sin_enviar().filter(
            respondido_en__gt=ahora - VIGENCIA_RESPUESTA, respondido_en__lte=hasta
        ),
    }
    return {clase: list(qs.values_list("pk", flat=True)) for clase, qs in recientes.items()}


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
