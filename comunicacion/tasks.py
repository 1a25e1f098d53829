"""Thin Celery tasks of Comunicación: they take ids and call one service."""

from celery import shared_task

from core.colas import reintentos

from . import services


@shared_task(**reintentos(red=True))
def enviar_respuesta(mensaje_id: int) -> bool:
    return services.respuesta_enviar(mensaje_id=mensaje_id)


# --- Subscriptions ---------------------------------------------------------------------------


@shared_task(**reintentos(red=True))
def enviar_confirmacion_suscripcion(suscripcion_id: int) -> bool:
    from .services import suscripciones

    return suscripciones.confirmacion_enviar(suscripcion_id=suscripcion_id)


@shared_task(**reintentos(red=True))
def enviar_resumen_suscripcion(suscripcion_id: int) -> int:
    from .services import suscripciones

    return suscripciones.resumen_enviar(suscripcion_id=suscripcion_id)


@shared_task(acks_late=True)
def enviar_resumenes_suscripciones() -> int:
    """Beat: one digest task per confirmed subscription (each sends only what is new)."""
    from .selectors.suscripciones import suscripciones_activas_ids

    ids = suscripciones_activas_ids()
    for suscripcion_id in ids:
        enviar_resumen_suscripcion.delay(suscripcion_id)
    return len(ids)


# --- Public consultation ---------------------------------------------------------------------


@shared_task(**reintentos(red=True))
def enviar_confirmacion_comentario(comentario_id: int) -> bool:
    from .services import consulta

    return consulta.confirmacion_enviar(comentario_id=comentario_id)


@shared_task(**reintentos(red=True))
def enviar_respuesta_comentario(comentario_id: int) -> bool:
    from .services import consulta

    return consulta.respuesta_comentario_enviar(comentario_id=comentario_id)


@shared_task(acks_late=True)
def cerrar_consultas_vencidas() -> int:
    """Beat: consultations past their closing date are closed and their report requested."""
    from .services import consulta

    return len(consulta.consultas_cerrar_vencidas())


@shared_task(acks_late=True)
def reencolar_correos_pendientes() -> int:
    """Beat: e-mails whose task never reached the broker are enqueued again (sent once)."""
    from .services.pendientes import correos_pendientes_reencolar

    return correos_pendientes_reencolar()


@shared_task(acks_late=True)
def purgar_comentarios_sin_confirmar() -> int:
    """Beat: personal data of comments never confirmed is deleted after 30 days."""
    from .services import consulta

    return consulta.comentarios_sin_confirmar_purgar()
