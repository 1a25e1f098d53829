"""Thin Celery tasks of eventos: they take ids and call one service."""

from celery import shared_task

from core.colas import reintentos

from . import services

_REINTENTOS = reintentos(red=True, reject_on_worker_lost=True, time_limit=240, soft_time_limit=220)


@shared_task(**_REINTENTOS)
def enviar_invitaciones(evento_id: int) -> int:
    return services.invitaciones_despachar(evento_id=evento_id)


@shared_task(**_REINTENTOS)
def enviar_recordatorio(recordatorio_id: int) -> int:
    return services.recordatorio_despachar(recordatorio_id=recordatorio_id)


@shared_task(**_REINTENTOS)
def enviar_confirmacion(invitado_id: int) -> bool:
    return services.confirmacion_despachar(invitado_id=invitado_id)


@shared_task(**_REINTENTOS)
def programar_recordatorios_automaticos() -> int:
    return len(services.recordatorios_automaticos_programar())


@shared_task(**_REINTENTOS)
def enviar_certificado(invitado_id: int) -> bool:
    return services.certificado_enviar(invitado_id=invitado_id)


@shared_task(**_REINTENTOS)
def avisar_certificados_listos(documento_id: int) -> bool:
    return services.certificados_listos_avisar(documento_id=documento_id)
