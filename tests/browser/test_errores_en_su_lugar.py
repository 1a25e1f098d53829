"""An htmx form that the server refuses (400) shows its errors where the person typed, with what
they typed: htmx drops 4xx answers unless base.html's responseHandling lets them through, and then
the facilitator's tap would seem to do nothing."""

import pytest
from playwright.sync_api import expect

from tests.browser.mesas_pasos import entrar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_un_punto_de_agenda_rechazado_muestra_el_error_y_conserva_lo_escrito(
    page, live_server, sesion_del_facilitador
):
    entrar(page, live_server.url, sesion_del_facilitador.get_absolute_url())
    agenda = page.locator("#seccion-agenda")
    respuestas = []
    page.on(
        "response", lambda r: respuestas.append(r.status) if r.request.method == "POST" else None
    )

    # spaces pass the browser's own "required" check; the server refuses them
    agenda.locator("[name=agenda-hora]").fill("10:00")
    agenda.locator("[name=agenda-titulo]").fill("   ")
    agenda.locator("[name=agenda-proposito]").fill("Acordar la ruta del Quitsato")
    agenda.locator("[name=agenda-titulo]").press("Enter")

    expect(agenda.get_by_text("Este campo es requerido.")).to_be_visible()
    assert respuestas == [400]
    expect(agenda.locator("[name=agenda-proposito]")).to_have_value("Acordar la ruta del Quitsato")
    expect(agenda.locator("[name=agenda-hora]")).to_have_value("10:00")

    agenda.locator("[name=agenda-titulo]").fill("Ruta turística del Quitsato")
    agenda.locator("[name=agenda-titulo]").press("Enter")
    expect(agenda).to_contain_text("Punto de agenda añadido.")
    expect(agenda).to_contain_text("Ruta turística del Quitsato")
    expect(agenda.locator("[name=agenda-titulo]")).to_have_value("")
    assert respuestas == [400, 200]
