"""Thin tasks of commitments' follow-up: the reminders to responsibles (beat, daily)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    name="pactos.tasks.enviar_recordatorios_compromisos",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=30,
    max_retries=3,
)
def enviar_recordatorios_compromisos() -> int:
    """Idempotent: at most one reminder per commitment and month, whatever the runs."""
    from pactos.services.pactos import recordatorios_enviar

    return recordatorios_enviar()
