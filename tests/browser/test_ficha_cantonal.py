"""A visitor switches language, opens a canton, asks for its ficha and downloads the PDF.

Celery: without REDIS_URL the portal runs tasks in process, so the status page is ready at once.
With REDIS_URL the test uses the real worker on Redis (celery_worker_real) rather than forcing
eager mode, so the status page really polls with htmx until the worker has produced the file.
"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.navegador import descargar_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitante_descarga_la_ficha_cantonal(
    page, live_server, settings, tmp_path, celery_del_portal
):
    settings.MEDIA_ROOT = tmp_path
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.locator(".selector-idioma button[value=en]").click()
    page.wait_for_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".selector-idioma button[value=es]").click()
    page.wait_for_url(re.compile(r"^http://[^/]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.goto(live_server.url + "/sie/cantones/")
    page.get_by_role("link", name="Mejía").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mejía")

    page.get_by_role("button", name="Descargar ficha cantonal (PDF)").click()
    page.wait_for_url(re.compile(r"/documentos/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ficha cantonal de Mejía")
    nombre, contenido = descargar_pdf(page)
    assert nombre == "ficha-cantonal-1703-mejia.pdf"
    assert contenido.startswith(b"%PDF")
    texto = PdfReader(io.BytesIO(contenido)).pages[0].extract_text()
    assert "Mejía" in texto and "1703" in texto
