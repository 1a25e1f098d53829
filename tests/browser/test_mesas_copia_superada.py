"""A slow reload of the session page is answered by the copy kept on the phone (the worker waits 6 s
for the network); when the newer page arrives the facilitator must not go on reading what was true
before: the page shows the newer one by itself, or, while she is typing, offers it with a button,
and what she typed survives. Caught in CI: a reload slower than 6 s showed an attendee's older row.
"""

import datetime
import threading
import time

import pytest
from playwright.sync_api import expect

from mesas import services, views
from mesas.models import Mesa
from tests.browser.mesas_pasos import TELEFONO, entrar, facilitador_de, sesion_en_curso

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TELEFONO, "is_mobile": True, "has_touch": True}


@pytest.fixture
def red_lenta(monkeypatch):
    """The next answer of the session page takes longer than the worker waits for it."""
    lentas = threading.Semaphore(0)
    original = views.SesionView.get

    def get(self, request, *args, **kwargs):
        if lentas.acquire(blocking=False):
            time.sleep(7)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(views.SesionView, "get", get)
    return lentas


def test_la_copia_guardada_da_paso_a_la_pagina_al_dia(
    page, live_server, django_user_model, red_lenta
):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Ayora")
    entrar(page, live_server.url, f"/mesas/sesion/{sesion.pk}/")
    expect(page.locator("html")).to_have_attribute("data-sin-senal", "lista", timeout=20_000)
    agenda = page.locator("#lista-agenda")

    # while she types, the newer page is offered, and what she typed is still there after it
    services.punto_agenda_agregar(sesion=sesion, titulo="Bienvenida", hora=datetime.time(10, 0))
    red_lenta.release()
    page.reload()
    expect(agenda).not_to_contain_text("Bienvenida")  # the copy kept before the change
    page.fill("#id_intervencion-resumen", "Falta señalética")
    aviso = page.locator("#copia-superada")
    expect(aviso).to_contain_text("ya llegó una versión más reciente", timeout=15_000)
    aviso.get_by_role("button", name="Ver la más reciente").tap()
    expect(agenda).to_contain_text("Bienvenida")
    expect(page.locator("#id_intervencion-resumen")).to_have_value("Falta señalética")

    # not typing: the newer page replaces the copy by itself
    page.fill("#id_intervencion-resumen", "")
    services.punto_agenda_agregar(sesion=sesion, titulo="Diagnóstico", hora=datetime.time(10, 20))
    red_lenta.release()
    page.reload()
    expect(agenda).to_contain_text("Bienvenida")
    expect(agenda).to_contain_text("Diagnóstico", timeout=15_000)
    expect(page.locator("#copia-superada")).to_have_count(0)
