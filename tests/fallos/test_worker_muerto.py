"""A Celery worker killed (SIGKILL) in the middle of an acta: the acta comes back, produced once.

Two deaths, with real worker processes on a Redis of the test's own:
- the pool's child dies (OOM killer, segfault in a renderer): the worker re-queues the task
  (acks_late + reject_on_worker_lost) and the next child takes the document over at once,
  because nobody holds its generation lock any more;
- the whole worker dies (machine lost): its message stays unacknowledged in Redis until the
  visibility timeout (an hour), so the acta comes from beat's sweep on a new worker, which sees
  the row "generando" with no live generator. When the old message is finally delivered again it
  finds the acta ready and does nothing.
"""

import os
import signal
import time

import pytest

from core.documentos import documentos_barrer
from core.models import Documento
from core.tasks import barrer_documentos_pendientes, generar_documento
from tests.fallos.actas import cerrar, comprobar_una_sola_acta, esperar, esperar_lista, generando_en

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("app_en_redis_propio"),
]


def test_muere_el_proceso_hijo_y_el_siguiente_retoma_el_acta(
    workers, sesion_con_asistentes, facilitadora
):
    worker = workers.lanzar("prefork", pool="prefork", pausa=30)
    acta = cerrar(sesion_con_asistentes, facilitadora)

    hijo = esperar(lambda: generando_en(workers.registro, acta), 30, "el worker empieza el acta")[0]
    acta.refresh_from_db()
    assert acta.estado == Documento.Estado.GENERANDO and hijo != worker.pid
    os.kill(hijo, signal.SIGKILL)  # in the middle of the acta (it pauses 30 s there)

    acta = esperar_lista(acta, 40, f"el acta vuelve a generarse\n{workers.log('prefork')}")
    pids = generando_en(workers.registro, acta)
    assert len(pids) == 2 and pids[0] == hijo and pids[1] != hijo
    assert acta.intentos == 2
    comprobar_una_sola_acta(acta, workers)
    assert "WorkerLostError" in workers.log("prefork")


def test_muere_el_worker_entero_y_el_barrido_de_otro_worker_produce_el_acta(
    redis_propio, workers, sesion_con_asistentes, facilitadora
):
    primero = workers.lanzar("primero", pool="solo", pausa=30)
    acta = cerrar(sesion_con_asistentes, facilitadora)
    esperar(lambda: generando_en(workers.registro, acta), 30, "el worker empieza el acta")
    workers.matar(primero)

    acta.refresh_from_db()
    assert acta.estado == Documento.Estado.GENERANDO
    # The message is neither in the queue nor lost: unacknowledged, invisible for an hour.
    assert redis_propio.contar("LLEN", "pdf") == 0
    assert redis_propio.contar("HLEN", "unacked") == 1

    workers.lanzar("segundo", pool="solo")
    time.sleep(1)
    acta.refresh_from_db()
    assert acta.estado == Documento.Estado.GENERANDO  # nothing happens by itself...

    # ...until beat's periodic sweep, which here runs on the new worker like in production.
    assert barrer_documentos_pendientes.delay().get(timeout=30) == 1
    acta = esperar_lista(acta, 40, f"el acta se genera tras el barrido\n{workers.log('segundo')}")
    assert acta.intentos == 2
    comprobar_una_sola_acta(acta, workers)

    # An hour later Redis hands the old message out again: it finds the acta ready.
    assert generar_documento.delay(acta.pk).get(timeout=30) == "listo"
    assert documentos_barrer(antiguedad=0) == 0
    comprobar_una_sola_acta(acta, workers)
