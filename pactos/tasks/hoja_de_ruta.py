"""Thin tasks of the roadmap: the weekly digest to owners and the monthly report (beat)."""

from celery import shared_task

from core.colas import reintentos

REINTENTOS = reintentos(backoff=30, maximo=3)


@shared_task(name="pactos.tasks.enviar_resumen_semanal_hoja_de_ruta", **REINTENTOS)
def enviar_resumen_semanal_hoja_de_ruta() -> int:
    from pactos.services.hoja_de_ruta import resumen_semanal_enviar

    return resumen_semanal_enviar()


@shared_task(name="pactos.tasks.generar_informe_mensual", **REINTENTOS)
def generar_informe_mensual() -> int:
    """Ask for the previous month's report; the document pipeline renders it (queue pdf)."""
    from pactos.services.informe_progreso import informe_mensual_generar

    return informe_mensual_generar().pk
