"""A real Celery worker process for the fault tests, with the PDF renderer instrumented.

Run as `python -m tests.fallos.worker_instrumentado <pool> <name>`; the environment gives the
database, Redis and media of the test. FALLOS_DIR receives one file per generation started
("generando-<documento>-<pid>"), one line per PDF rendered ("producidos.log") and a file when
the worker is ready to consume ("listo-<name>"). FALLOS_PAUSA makes the first generation of each
document last that many seconds, so a test can kill the worker in the middle of it.
"""

import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from celery.signals import worker_ready  # noqa: E402

from config.celery import app  # noqa: E402
from core import documentos  # noqa: E402

REGISTRO = Path(os.environ["FALLOS_DIR"])
PAUSA = float(os.environ.get("FALLOS_PAUSA", "0"))
_renderizar = documentos._renderizar_pdf


def _renderizar_observado(documento, definicion):
    primera = not any(REGISTRO.glob(f"generando-{documento.pk}-*"))
    (REGISTRO / f"generando-{documento.pk}-{os.getpid()}").touch()
    if primera:
        time.sleep(PAUSA)
    resultado = _renderizar(documento, definicion)
    with open(REGISTRO / "producidos.log", "a") as registro:
        registro.write(f"{documento.pk} {os.getpid()}\n")
    return resultado


documentos._renderizar_pdf = _renderizar_observado


def main() -> None:
    pool, nombre = sys.argv[1], sys.argv[2]

    @worker_ready.connect
    def _listo(**_kwargs):
        (REGISTRO / f"listo-{nombre}").touch()

    app.worker_main(
        [
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--queues=pdf,default",
            f"--hostname={nombre}@fallos",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )


if __name__ == "__main__":
    main()
