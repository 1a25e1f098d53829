"""The portal's one Celery app.

With REDIS_URL set, Redis is broker and result backend; without it tasks run in process
(task_always_eager). Reliability follows docs/architecture.md: late acknowledgement, tasks
re-queued when a worker dies, and a hard time limit well below Redis' visibility timeout.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


HORA = 60 * 60


def _periodica(tarea: str, cuando: crontab, *, caduca: int) -> dict:
    """A beat entry that expires (seconds) before its next run."""
    return {"task": tarea, "schedule": cuando, "options": {"expires": caduca}}


def _diaria(tarea: str, *, hora: int, minuto: int = 0) -> dict:
    """A beat entry run every day at hora:minuto; it expires after 12 hours, well before the next."""
    return _periodica(tarea, crontab(minute=minuto, hour=hora), caduca=12 * HORA)


app = Celery("pactos")
app.config_from_object("django.conf:settings", namespace="CELERY")

VISIBILITY_TIMEOUT = 60 * 60  # seconds Redis waits before handing an unacked task to another worker
TASK_TIME_LIMIT = 5 * 60  # hard limit, far below the visibility timeout
TASK_SOFT_TIME_LIMIT = TASK_TIME_LIMIT - 30
# The queues the workers consume (docs/operations.md): every task is routed to one of them.
COLAS = ("default", "pdf", "email", "sms")

app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    task_acks_on_failure_or_timeout=True,
    task_time_limit=TASK_TIME_LIMIT,
    task_soft_time_limit=TASK_SOFT_TIME_LIMIT,
    worker_prefetch_multiplier=1,
    task_track_started=True,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_expires=60 * 60 * 24,
    broker_connection_retry_on_startup=True,
    # A request must not hang when the broker is down: fail fast, the sweep re-enqueues later.
    broker_connection_timeout=2,
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT,
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
        "max_retries": 1,
        "interval_start": 0,  # the one retry is immediate: a request never sleeps on it
    },
    result_backend_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT},
    task_publish_retry=False,
    task_default_queue="default",
    task_routes={
        "canales.tasks.*": {"queue": "sms"},  # text messages, rate-limited per gateway
        "*.generar_documento": {"queue": "pdf"},
        "*.enviar_*": {"queue": "email"},
    },
    # Each beat entry expires before its next run: a message that waited that long (workers down)
    # is dropped instead of piling up behind the next one; every task is an idempotent sweep.
    beat_schedule={
        "pactos-resumen-semanal-hoja-de-ruta": _periodica(
            "pactos.tasks.enviar_resumen_semanal_hoja_de_ruta",
            crontab(minute=0, hour=7, day_of_week="mon"),
            caduca=12 * HORA,
        ),
        "pactos-informe-mensual": _periodica(
            "pactos.tasks.generar_informe_mensual",
            crontab(minute=30, hour=6, day_of_month="1"),
            caduca=24 * HORA,
        ),
        "recordar-compromisos": _diaria(
            "pactos.tasks.enviar_recordatorios_compromisos", hora=8, minuto=30
        ),
        "barrer-documentos-pendientes": _periodica(
            "core.tasks.barrer_documentos_pendientes", crontab(minute="*/5"), caduca=4 * 60
        ),
        "comunicacion-cerrar-consultas-vencidas": _periodica(
            "comunicacion.tasks.cerrar_consultas_vencidas", crontab(minute=10), caduca=50 * 60
        ),
        "comunicacion-correos-pendientes": _periodica(
            "comunicacion.tasks.reencolar_correos_pendientes",
            crontab(minute="*/15"),
            caduca=14 * 60,
        ),
        "comunicacion-purgar-comentarios-sin-confirmar": _diaria(
            "comunicacion.tasks.purgar_comentarios_sin_confirmar", hora=3, minuto=20
        ),
        "comunicacion-resumenes-suscripciones": _diaria(
            "comunicacion.tasks.enviar_resumenes_suscripciones", hora=7
        ),
        "eventos-recordatorios-automaticos": _diaria(
            "eventos.tasks.programar_recordatorios_automaticos", hora=9
        ),
        "panel-resumenes-diarios": _diaria("core.tasks.enviar_resumenes_diarios", hora=7),
        "mesas-recordatorios-del-dia-anterior": _periodica(
            "mesas.tasks.enviar_recordatorios", crontab(minute=0, hour="8-20"), caduca=50 * 60
        ),
        # Text messages still pending (a gateway was down, the broker lost a task): sent now.
        "canales-mensajes-pendientes": _periodica(
            "canales.tasks.enviar_mensajes_pendientes", crontab(minute="*"), caduca=50
        ),
        # The open-data bundle, rebuilt at most once per 10 minutes when public data changed.
        "datos-actualizar-paquete": _periodica(
            "datos.tasks.actualizar_paquete_datos", crontab(minute="*/10"), caduca=9 * 60
        ),
    },
)
app.autodiscover_tasks()


def limites_invalidos(celery_app: Celery = app) -> list[str]:
    """Tasks whose time limits Celery would refuse, or that outlive Redis' visibility timeout."""
    celery_app.loader.import_default_modules()  # the apps' tasks modules, as a worker loads them
    problemas = []
    for nombre, tarea in sorted(celery_app.tasks.items()):
        if nombre.startswith("celery."):
            continue
        duro, blando = tarea.time_limit, tarea.soft_time_limit
        if duro and blando and blando > duro:
            problemas.append(f"{nombre}: soft_time_limit {blando} > time_limit {duro}")
        if not duro or duro >= VISIBILITY_TIMEOUT / 2:
            problemas.append(f"{nombre}: time_limit {duro} not well below {VISIBILITY_TIMEOUT}")
    return problemas
