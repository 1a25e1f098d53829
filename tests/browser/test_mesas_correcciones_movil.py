"""Correcting a session on a phone: each item edited in place or deleted from its own small
buttons, the session's history shows who changed what; after a save the form is empty."""

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mesas import services
from mesas.models import Mesa
from tests.browser.mesas_pasos import entrar, facilitador_de, persona, sesion_en_curso

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# screenshots for a person to look at, when asked for (CAPTURAS=folder)
CAPTURAS = os.environ.get("CAPTURAS")


def _captura(page, nombre: str, selector: str | None = None) -> None:
    if not CAPTURAS:
        return
    ruta = Path(CAPTURAS) / f"{nombre}.png"
    if selector:
        page.locator(selector).scroll_into_view_if_needed()
    page.screenshot(path=str(ruta))


def _sesion_con_items(django_user_model):
    """Ana's session in progress: Rosa and Segundo attend, three agenda items typed out of order,
    Rosa's intervention and an agreement."""
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model, first_name="Ana", last_name="Lema")
    rosa = persona("Rosa Elena", "Farinango")
    segundo = persona("Segundo", "Quilumbaquín", "hombre")
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Ayora")
    for actor in (rosa, segundo):
        services.asistencia_registrar(sesion=sesion, actor=actor, usuario=facilitador)
    for hora, titulo in [("10:00", "Bienvenida"), ("12:15", "Cierre"), ("10:20", "Diagnóstico")]:
        services.punto_agenda_agregar(
            sesion=sesion, titulo=titulo, hora=datetime.time.fromisoformat(hora)
        )
    services.intervencion_registrar(
        sesion=sesion, actor=rosa, tipo="propuesta", resumen="Ruta del bizcocho"
    )
    services.acuerdo_registrar(
        sesion=sesion, texto="Inventariar los atractivos del cantón", responsables=[rosa]
    )
    return sesion, segundo


def _corregir_la_intervencion(page) -> None:
    """An intervention, corrected in place."""
    intervencion = page.locator("#lista-intervencion li").first
    intervencion.get_by_role("link", name="Corregir: intervención de Rosa Elena Farinango").click()
    formulario = page.locator("#lista-intervencion form")
    expect(formulario).to_be_visible()
    _captura(page, "2-edicion-abierta", "#lista-intervencion")
    formulario.locator("select[name$='-actor']").select_option(label="Segundo Quilumbaquín")
    formulario.locator("textarea").fill("Falta señalética en la ruta")
    formulario.get_by_role("button", name="Guardar cambios").click()
    expect(page.locator("#lista-intervencion")).to_contain_text("Intervención corregida.")
    expect(page.locator("#lista-intervencion")).to_contain_text("Segundo Quilumbaquín")


def _el_historial_en_palabras(page) -> None:
    """The history, newest first, in words."""
    page.locator("#seccion-historial summary").click()
    cambios = page.locator("#seccion-historial li.cambio")
    expect(cambios).to_have_count(2)
    expect(cambios.first).to_contain_text("Ana Lema eliminó · Punto de agenda: «Cierre»")
    expect(cambios.nth(1)).to_contain_text("Quién interviene: Rosa Elena Farinango → Segundo")
    _captura(page, "3-historial", "#seccion-historial")


def _tras_guardar_el_formulario_queda_vacio(page, sesion) -> None:
    """After a save the form is empty, with a new id."""
    uid = page.locator("input[name='intervencion-uid']").input_value()
    page.select_option("#id_intervencion-actor", label="Rosa Elena Farinango")
    page.fill("#id_intervencion-resumen", "Ferias en la plaza")
    page.get_by_role("button", name="Registrar intervención").click()
    expect(page.locator("#lista-intervencion")).to_contain_text("Ferias en la plaza")
    expect(page.locator("#id_intervencion-resumen")).to_have_value("")
    expect(page.locator("#id_intervencion-actor")).to_have_value("")
    assert page.locator("input[name='intervencion-uid']").input_value() not in ("", uid)
    page.reload()
    expect(page.locator("#id_intervencion-resumen")).to_have_value("")  # no draft came back
    assert sesion.intervenciones.count() == 2


def _quitar_a_quien_hablo(page, sesion, segundo) -> None:
    """Removing someone who spoke asks what becomes of what she said."""
    lista = page.locator("#lista-asistencia")
    lista.get_by_role("link", name="Quitar a Rosa Elena Farinango").click()
    pregunta = page.locator("#lista-asistencia form")
    expect(pregunta).to_contain_text("Rosa Elena Farinango tiene 1 intervención registrada")
    pregunta.get_by_label("Pasarlas a otra persona (quien de verdad habló)").check()
    pregunta.get_by_label("Pasarlas a", exact=True).select_option(label="Segundo Quilumbaquín")
    _captura(page, "4-quitar-a-quien-hablo", "#lista-asistencia")
    pregunta.get_by_role("button", name="Quitar de la lista").click()
    expect(lista).to_contain_text("Asistente quitado de la lista.")
    expect(page.locator("#lista-asistencia")).not_to_contain_text("Rosa Elena")
    expect(page.locator("#lista-intervencion")).not_to_contain_text("Rosa Elena")
    expect(page.locator("#total-asistentes")).to_have_text("1")
    assert set(sesion.intervenciones.values_list("actor", flat=True)) == {segundo.pk}


def test_corregir_y_eliminar_en_el_telefono_con_historial(page, live_server, django_user_model):
    sesion, segundo = _sesion_con_items(django_user_model)
    page.on("dialog", lambda dialogo: dialogo.accept())  # the delete confirmations (C5)

    entrar(page, live_server.url, f"/mesas/sesion/{sesion.pk}/")

    # the agenda by time, whatever order it was typed in
    agenda = page.locator("#lista-agenda")
    expect(agenda.locator("li .fw-semibold")).to_have_text(["Bienvenida", "Diagnóstico", "Cierre"])
    _captura(page, "1-sesion-con-items", "#seccion-intervencion")
    _captura(page, "1b-acuerdos-y-agenda", "#lista-acuerdo")

    _corregir_la_intervencion(page)

    # an agenda item, deleted
    agenda.get_by_role("button", name="Eliminar: Cierre").click()
    expect(page.locator("#lista-agenda")).to_contain_text("Punto de agenda eliminado.")
    expect(page.locator("#lista-agenda li .fw-semibold")).to_have_text(
        ["Bienvenida", "Diagnóstico"]
    )

    _el_historial_en_palabras(page)

    # nothing overflows sideways on the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    _tras_guardar_el_formulario_queda_vacio(page, sesion)
    _quitar_a_quien_hablo(page, sesion, segundo)
