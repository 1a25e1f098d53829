"""Every entry of the beat schedule, sent as celery beat sends it, runs on the stack's worker.

Beat's own code (celery.beat.Scheduler.apply_async) sends each entry from the stack's shell; a
refusal there is what beat would log instead of sending. Each task's outcome is read back from
the result backend (Redis) the worker writes to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

AQUI = Path(__file__).parent

ENVIAR_TODO = """
import time
from celery.result import AsyncResult
enviadas, resultado = {}, {}
for nombre in sorted(app.conf.beat_schedule):
    try:
        enviadas[nombre] = enviar_como_beat(nombre).id
    except Exception as exc:
        resultado[nombre] = {"estado": "NO ENVIADA", "error": f"{type(exc).__name__}: {exc} ({exc.__cause__!r})"}
fin = time.monotonic() + 150
pendientes = dict(enviadas)
while pendientes and time.monotonic() < fin:
    for nombre, tarea in list(pendientes.items()):
        r = AsyncResult(tarea, app=app)
        if r.ready():
            resultado[nombre] = {"estado": r.state, "error": "" if r.successful() else repr(r.result)}
            del pendientes[nombre]
    time.sleep(0.5)
for nombre, tarea in pendientes.items():
    resultado[nombre] = {"estado": AsyncResult(tarea, app=app).state, "error": "sin terminar en 150 s"}
resultado = {"tareas": {n: app.conf.beat_schedule[n]["task"] for n in app.conf.beat_schedule}, "resultados": resultado}
"""


@pytest.fixture(scope="module")
def ejecucion(stack):
    return stack.consulta((AQUI / "como_beat.py").read_text() + ENVIAR_TODO)


def test_la_agenda_de_beat_tiene_entradas(ejecucion):
    assert len(ejecucion["tareas"]) >= 10, ejecucion["tareas"]


def test_cada_entrada_de_beat_se_ejecuta_sin_error(stack, ejecucion):
    fallidas = {
        nombre: r for nombre, r in ejecucion["resultados"].items() if r["estado"] != "SUCCESS"
    }
    assert not fallidas, (
        "entradas de beat que no se ejecutaron:\n"
        + "\n".join(
            f"{n} ({ejecucion['tareas'][n]}): {r['estado']} {r['error']}"
            for n, r in fallidas.items()
        )
        + f"\n(registro del worker: {stack.directorio}/logs/worker.log)"
    )
