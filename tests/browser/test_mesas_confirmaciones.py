"""On the phone, closing asks first (data-confirmar, static/js/portal.js): answering "Cancel"
leaves the session open; and a planned session is called off with its reason."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mesas import services
from mesas.models import Mesa, Sesion
from tests.browser.mesas_pasos import entrar, facilitador_de, persona, sesion_en_curso

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_cerrar_pregunta_y_cancelar_la_pregunta_no_cierra(
    page, live_server, django_user_model, celery_en_proceso
):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Ayora")
    services.asistencia_registrar(sesion=sesion, actor=persona("Rosa Elena", "Farinango"))
    entrar(page, live_server.url, f"/mesas/sesion/{sesion.pk}/")

    cierre = page.locator("#seccion-cierre")
    cierre.scroll_into_view_if_needed()
    expect(cierre).to_contain_text("La publica la coordinación")
    cierre.screenshot(path="/tmp/convocatoria_cierre_390.png")

    preguntas = []

    def responder_no(dialogo):
        preguntas.append((dialogo.type, dialogo.message))
        dialogo.dismiss()

    page.once("dialog", responder_no)
    cierre.get_by_role("button", name="Cerrar la sesión y generar el acta").click()
    expect(cierre.get_by_role("button", name="Cerrar la sesión y generar el acta")).to_be_visible()
    assert preguntas == [
        ("confirm", "¿Cerrar la sesión? El registro se congela y se genera el acta.")
    ]
    page.wait_for_timeout(500)  # had it been sent, the page would be navigating by now
    sesion.refresh_from_db()
    assert sesion.estado == Sesion.Estado.EN_CURSO and sesion.acta_version == 0

    page.once("dialog", lambda dialogo: dialogo.accept())
    cierre.get_by_role("button", name="Cerrar la sesión y generar el acta").click()
    # closing makes the acta (in process here): a loaded machine may take more than 5 s
    expect(page.get_by_text("Sesión cerrada: su registro está congelado.")).to_be_visible(
        timeout=20_000
    )
    sesion.refresh_from_db()
    assert sesion.estado == Sesion.Estado.CERRADA


def test_cancelar_una_sesion_planificada_con_su_motivo(page, live_server, django_user_model):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=(timezone.now() + datetime.timedelta(days=5)).replace(second=0, microsecond=0),
        lugar="Escuela de Olmedo",
        usuario=facilitador,
    )
    entrar(page, live_server.url, f"/mesas/sesion/{sesion.pk}/")
    page.locator("#seccion-datos > summary").click()
    page.locator("#cancelar-sesion > summary").click()
    page.fill("#id_motivo", "Paro de transporte en la provincia.")
    formulario = page.locator("#cancelar-sesion")
    formulario.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/convocatoria_cancelar_390.png")
    preguntas = []
    page.once("dialog", lambda d: (preguntas.append(d.message), d.accept()))
    formulario.get_by_role("button", name="Cancelar la sesión y avisar").click()
    aviso = page.locator("#sesion-cancelada")
    expect(aviso).to_contain_text("Paro de transporte en la provincia.")
    assert preguntas and preguntas[0].startswith("¿Cancelar la sesión?")
    expect(page.locator("#estado-sesion")).to_have_text("Cancelada")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/convocatoria_cancelada_390.png")
    sesion.refresh_from_db()
    assert sesion.estado == Sesion.Estado.CANCELADA
    assert re.search("Paro de transporte", sesion.motivo_cancelacion)
