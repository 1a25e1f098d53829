"""Thin tasks of commitments' follow-up: the reminders to responsibles (beat, daily)."""

from celery import shared_task

from .hoja_de_ruta import REINTENTOS


@shared_task(name="pactos.tasks.enviar_recordatorios_compromisos", **REINTENTOS)
def enviar_recordatorios_compromisos() -> int:
    """Idempotent: at most one reminder per commitment and month, whatever the runs."""
    from pactos.services.avances_por_mensaje import recordatorios_por_texto_enviar
    from pactos.services.pactos import recordatorios_enviar

    enviados = recordatorios_enviar()
    recordatorios_por_texto_enviar()
    return enviados
