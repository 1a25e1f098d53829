"""Enqueueing Celery tasks so that a broker that is down never breaks the request.

The row that the task will act on is already committed; if the broker cannot take the message,
the failure is logged and a periodic sweep of the app (celery beat) enqueues it again later.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def errores_de_broker() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError as KombuOperationalError
    from redis.exceptions import RedisError

    return (KombuOperationalError, RedisError, OSError)


def encolar(tarea, *args) -> bool:
    """Send tarea(*args) now; False (and a log line) when the broker is unreachable."""
    try:
        # ignore_result: with Redis down, subscribing to the result backend blocked the request
        # for about 19 s and then raised a RuntimeError instead of a broker error.
        tarea.apply_async(args=list(args), ignore_result=True)
    except errores_de_broker() as exc:
        logger.warning("Tarea %s%r sin encolar (broker no disponible): %s", tarea.name, args, exc)
        return False
    return True


def encolar_tras_commit(tarea, *args) -> None:
    """Send tarea(*args) once the current transaction commits, never raising for the broker."""
    transaction.on_commit(lambda: encolar(tarea, *args))


def reintentos(*, red: bool = False, backoff: int = 5, maximo: int = 5, **opciones) -> dict:
    """The options of a Celery task (`@shared_task(**reintentos(...))`) whose transient failures
    are worth a retry: a lost database connection, and with `red` a refused network connection
    (the mail server); anything else is a bug to see in the logs. Acknowledged late, so a task
    of a worker that dies is not lost. `opciones`: Celery's own (time limits...)."""
    from django.db import InterfaceError, OperationalError

    errores = (
        (OperationalError, InterfaceError, ConnectionError)
        if red
        else (OperationalError, InterfaceError)
    )
    return {
        "acks_late": True,
        "autoretry_for": errores,
        "retry_backoff": backoff,
        "max_retries": maximo,
        **opciones,
    }
