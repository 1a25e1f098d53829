"""The API's documentation renders under the portal's strict Content Security Policy: Swagger UI
lists the operations and runs one, Redoc lists them too, with nothing refused in the console and
no request leaving the portal (the page was blank while Swagger came from a CDN)."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _vigilar(page, origen: str) -> tuple[list, list]:
    errores, fuera = [], []
    page.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errores.append(str(e)))
    page.on(
        "request",
        lambda r: fuera.append(r.url) if not r.url.startswith((origen, "data:")) else None,
    )
    return errores, fuera


def test_swagger_y_redoc_muestran_las_operaciones_sin_errores_de_csp(page, live_server):
    errores, fuera = _vigilar(page, live_server.url)

    page.goto(live_server.url + "/api/v1/docs/")
    operacion = page.locator("#operations-cantones-cantones_list")
    expect(operacion).to_be_visible()
    assert page.locator(".opblock").count() >= 11  # at least one per resource of the API
    operacion.locator(".opblock-summary").click()
    operacion.locator(".try-out__btn").click()
    operacion.locator(".execute").click()
    expect(
        operacion.locator(".live-responses-table .response .response-col_status")
    ).to_contain_text("200")

    page.goto(live_server.url + "/api/v1/redoc/")
    expect(page.locator("#redoc h1")).to_contain_text("Pactos por Pichincha")
    expect(page.locator("#redoc li[data-item-id]").first).to_be_attached()
    expect(page.get_by_text("/api/v1/cantones/").first).to_be_attached()

    assert errores == []
    assert fuera == []
