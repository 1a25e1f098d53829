"""The paper kit on the facilitator's phone (390×844, touch): print the sign-in sheet, then
photograph the signed sheet and attach it to the session.

Set PAPEL_CAPTURAS to a folder to keep the screenshots of the section and of the sheet.
"""

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from mesas.models import FotoSesion, Mesa
from tests.accesibilidad.revision import revisar
from tests.browser.mesas_pasos import facilitador_de, persona, sesion_en_curso
from tests.browser.navegador import descargar_pdf, iniciar_sesion
from tests.mesas.test_papel import _png_de_pagina

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _foto_jpeg() -> bytes:
    imagen = Image.effect_noise((1600, 1200), 50).convert("RGB")
    salida = io.BytesIO()
    imagen.save(salida, format="JPEG", quality=90)
    return salida.getvalue()


def test_hoja_para_imprimir_y_foto_de_la_hoja_firmada_desde_el_telefono(
    browser, live_server, django_user_model, celery_del_portal, tmp_path
):
    capturas = Path(os.environ.get("PAPEL_CAPTURAS") or tmp_path)
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    mesa.miembros.add(persona("Rosa Elena", "Farinango"), persona("María", "Cacuango"))
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Olmedo")

    contexto = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = contexto.new_page()
    ruta = f"/mesas/sesion/{sesion.pk}/"
    page.goto(live_server.url + ruta)
    iniciar_sesion(page, "facilitador", re.escape(ruta))

    seccion = page.locator("#seccion-papel")
    seccion.get_by_role("button", name="Descargar hoja de asistencia").tap()
    _nombre, pdf = descargar_pdf(page)
    assert _nombre == f"hoja-asistencia-turismo-cayambe-sesion-{sesion.numero}.pdf"
    (capturas / "hoja-asistencia.png").write_bytes(_png_de_pagina(pdf, resolucion=80))

    page.goto(live_server.url + ruta + "#seccion-papel")
    camara = seccion.get_by_label("Tomar una foto con la cámara")
    expect(camara).to_have_attribute("capture", "environment")
    camara.set_input_files(
        {"name": "IMG_20261207_101530.jpg", "mimeType": "image/jpeg", "buffer": _foto_jpeg()}
    )
    seccion.get_by_label("Descripción (opcional)").fill("Hoja 1 de 2")
    seccion.get_by_role("button", name="Subir a la sesión").tap()

    expect(seccion.locator(".fotos-sesion img")).to_have_count(1)
    expect(seccion).to_contain_text("Hoja de asistencia firmada · Hoja 1 de 2")
    expect(seccion.locator(".fotos-sesion img")).to_have_js_property("complete", True)
    assert seccion.locator(".fotos-sesion img").evaluate("img => img.naturalWidth") > 0
    assert FotoSesion.objects.filter(sesion=sesion).count() == 1
    # nothing wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    hallazgos = revisar(page, "sesión con su hoja y fotos")
    graves = [
        v
        for v in hallazgos.graves
        if any("seccion-papel" in " ".join(map(str, n["target"])) or "foto" in n["html"]
               for n in v["nodes"])
    ]  # fmt: skip
    assert not graves, hallazgos.informe(graves)
    seccion.scroll_into_view_if_needed()
    seccion.screenshot(path=str(capturas / "seccion-papel-390.png"))
    contexto.close()
