"""Redis stops while a facilitator closes a session: the request succeeds, the acta waits in the
database as "pendiente", and once Redis is back beat's sweep gets it produced, exactly once.

Redis is the broker, the result backend and the cache of the web process here (a server of the
test's own, stopped for real); the worker is a separate process that survives the outage.
"""

import time

import pytest
from django.urls import reverse

from core.documentos import documentos_barrer
from core.models import Documento
from mesas import selectors as mesas_selectors
from tests.fallos.actas import comprobar_una_sola_acta, esperar_lista

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("app_en_redis_propio"),
]


def test_con_redis_parado_la_facilitadora_cierra_y_el_acta_llega_al_volver_redis(
    redis_propio, workers, sesion_con_asistentes, facilitadora, client
):
    workers.lanzar("superviviente", pool="solo")
    sesion = sesion_con_asistentes
    client.force_login(facilitadora)

    redis_propio.parar()
    inicio = time.monotonic()
    respuesta = client.post(reverse("mesas:cerrar", args=[sesion.pk]), {"version": sesion.version})
    duracion = time.monotonic() - inicio
    assert respuesta.status_code == 302, respuesta.content[:2000]
    assert duracion < 5, f"cerrar la sesión tardó {duracion:.1f} s con Redis parado"
    pagina = client.get(respuesta["Location"])
    assert pagina.status_code == 200
    assert "Sesión cerrada. El acta se está generando." in pagina.content.decode()

    sesion.refresh_from_db()
    assert sesion.estado == sesion.Estado.CERRADA
    acta = mesas_selectors.acta_actual(sesion=sesion)
    assert acta.estado == Documento.Estado.PENDIENTE and acta.encolado is None
    assert documentos_barrer(antiguedad=0) == 0  # still down: nothing sent, nothing lost
    acta.refresh_from_db()
    assert acta.estado == Documento.Estado.PENDIENTE

    redis_propio.arrancar()  # empty: whatever was queued before is gone
    # Beat's sweep a minute later (antiguedad=0 stands for that minute).
    assert documentos_barrer(antiguedad=0) == 1
    acta = esperar_lista(
        acta, 60, f"el acta se genera al volver Redis\n{workers.log('superviviente')}"
    )
    assert acta.intentos == 1
    comprobar_una_sola_acta(acta, workers)
    assert documentos_barrer(antiguedad=0) == 0
