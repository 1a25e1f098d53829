"""The demo facilitator records a whole session on a phone, closes it and downloads the acta."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from mesas import services
from mesas.models import Mesa
from tests.browser.mesas_pasos import entrar, facilitador_de, persona, sesion_en_curso
from tests.browser.navegador import descargar_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _registrar_asistencia(page, personas) -> None:
    asistencia = page.locator("#seccion-asistencia")
    for actor in personas:
        page.select_option("#id_asistencia-actor", label=actor.nombre)
        asistencia.get_by_role("button", name="Registrar asistencia").click()
        expect(page.locator("#seccion-asistencia .lista-asistentes")).to_contain_text(actor.nombre)
    expect(page.locator("#total-asistentes")).to_have_text(str(len(personas)))


def _registrar_intervencion(page) -> None:
    # the speaker list was refreshed without reloading the page
    page.select_option("#id_intervencion-actor", label="Segundo Quilumbaquín")
    page.select_option("#id_intervencion-punto", label="1. Ruta turística del Quitsato")
    page.fill("#id_intervencion-resumen", "Propone señalética bilingüe en el Quitsato.")
    page.get_by_role("button", name="Registrar intervención").click()
    expect(page.locator("#seccion-intervencion")).to_contain_text("Propone señalética bilingüe")


def _registrar_acuerdos(page, textos) -> None:
    for texto in textos:
        page.fill("#id_acuerdo-texto", texto)
        page.select_option("#id_acuerdo-responsables", label="Rosa Elena Farinango")
        page.get_by_role("button", name="Registrar acuerdo").click()
        expect(page.locator("#seccion-acuerdo .lista-acuerdos")).to_contain_text(texto)
    expect(page.locator("#seccion-acuerdo .numero-acuerdo")).to_have_count(len(textos))


def _cerrar_y_descargar_acta(page) -> str:
    """Close the session, wait for its acta and return the text of the PDF downloaded."""
    # closing asks for confirmation first (data-confirmar): the facilitator accepts
    page.once("dialog", lambda dialogo: dialogo.accept())
    page.get_by_role("button", name="Cerrar la sesión y generar el acta").click()
    expect(page.get_by_text("Sesión cerrada: su registro está congelado.")).to_be_visible()
    _, contenido = descargar_pdf(page)
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)


def test_facilitador_registra_una_sesion_en_el_telefono_y_descarga_el_acta(
    page, live_server, django_user_model, celery_en_proceso
):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(
        mesa, django_user_model, first_name="Luis Alberto", last_name="Quishpe"
    )
    rosa = persona("Rosa Elena", "Farinango", "mujer")
    segundo = persona("Segundo", "Quilumbaquín", "hombre")
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa, segundo])
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Ayora")
    services.punto_agenda_agregar(sesion=sesion, titulo="Ruta turística del Quitsato")

    entrar(page, live_server.url, "/mesas/mis-mesas/")
    page.get_by_role("link", name=re.compile("sesión 1")).first.click()
    page.wait_for_url(re.compile(rf"/mesas/sesion/{sesion.pk}/"))

    _registrar_asistencia(page, [rosa, segundo])
    _registrar_intervencion(page)
    _registrar_acuerdos(
        page, ["Inventariar los atractivos del cantón", "Gestionar la vía a Guachalá"]
    )

    # nothing overflows sideways on the phone
    ancho = page.evaluate("document.documentElement.scrollWidth")
    assert ancho <= 390
    page.screenshot(path="/tmp/mesas_registro_390.png", full_page=True)

    texto = _cerrar_y_descargar_acta(page)
    assert "Acuerdo 1." in texto and "Acuerdo 2." in texto
    assert "Rosa Elena Farinango" in texto and "Segundo Quilumbaquín" in texto
    page.screenshot(path="/tmp/mesas_cerrada_390.png", full_page=True)
