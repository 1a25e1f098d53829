"""The demo facilitator records a whole session on a phone, closes it and downloads the acta."""

import datetime
import io
import re

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from actores.models import Actor
from actores.services import actor_crear
from core.roles import Rol
from mesas import services
from mesas.models import Mesa

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLAVE = "clave-del-navegador-123"


def _persona(nombres, apellidos, genero):
    return actor_crear(
        usuario=None,
        datos={
            "naturaleza": Actor.Naturaleza.PERSONA,
            "nombres": nombres,
            "apellidos": apellidos,
            "genero": genero,
            "tipo": Actor.Tipo.COMUNITARIO,
            "ambito": Actor.Ambito.PROVINCIAL,
        },
    )


def test_facilitador_registra_una_sesion_en_el_telefono_y_descarga_el_acta(
    page, live_server, django_user_model, celery_en_proceso
):
    facilitador = django_user_model.objects.create(
        username="facilitador",
        first_name="Luis Alberto",
        last_name="Quishpe",
        password=make_password(CLAVE),
    )
    facilitador.groups.add(Group.objects.get_or_create(name=Rol.FACILITACION)[0])
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    mesa.facilitadores.add(facilitador)
    rosa = _persona("Rosa Elena", "Farinango", "mujer")
    segundo = _persona("Segundo", "Quilumbaquín", "hombre")
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa, segundo])
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=timezone.now() - datetime.timedelta(hours=1),
        lugar="Casa comunal de Ayora",
        por=facilitador,
    )
    services.punto_agenda_agregar(sesion=sesion, titulo="Ruta turística del Quitsato")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/mesas/mis-mesas/")
    page.wait_for_url(re.compile(r"/cuentas/login/"))
    formulario = page.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill("facilitador")
    formulario.locator("input[name=password]").fill(CLAVE)
    formulario.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/mesas/mis-mesas/"))
    page.get_by_role("link", name=re.compile("sesión 1")).first.click()
    page.wait_for_url(re.compile(rf"/mesas/sesion/{sesion.pk}/"))

    asistencia = page.locator("#seccion-asistencia")
    for persona in (rosa, segundo):
        page.select_option("#id_asistencia-actor", label=persona.nombre)
        asistencia.get_by_role("button", name="Registrar asistencia").click()
        expect(page.locator("#seccion-asistencia .lista-asistentes")).to_contain_text(
            persona.nombre
        )
    expect(page.locator("#total-asistentes")).to_have_text("2")

    # the speaker list was refreshed without reloading the page
    page.select_option("#id_intervencion-actor", label="Segundo Quilumbaquín")
    page.select_option("#id_intervencion-punto", label="1. Ruta turística del Quitsato")
    page.fill("#id_intervencion-resumen", "Propone señalética bilingüe en el Quitsato.")
    page.get_by_role("button", name="Registrar intervención").click()
    expect(page.locator("#seccion-intervencion")).to_contain_text("Propone señalética bilingüe")

    for texto in ("Inventariar los atractivos del cantón", "Gestionar la vía a Guachalá"):
        page.fill("#id_acuerdo-texto", texto)
        page.select_option("#id_acuerdo-responsables", label="Rosa Elena Farinango")
        page.get_by_role("button", name="Registrar acuerdo").click()
        expect(page.locator("#seccion-acuerdo .lista-acuerdos")).to_contain_text(texto)
    expect(page.locator("#seccion-acuerdo .numero-acuerdo")).to_have_count(2)

    # nothing overflows sideways on the phone
    ancho = page.evaluate("document.documentElement.scrollWidth")
    assert ancho <= 390
    page.screenshot(path="/tmp/mesas_registro_390.png", full_page=True)

    page.get_by_role("button", name="Cerrar la sesión y generar el acta").click()
    expect(page.get_by_text("Sesión cerrada: su registro está congelado.")).to_be_visible()
    descargar = page.get_by_role("link", name=re.compile("Descargar PDF"))
    expect(descargar).to_be_visible(timeout=60_000)
    with page.expect_download() as descarga:
        descargar.click()
    with open(descarga.value.path(), "rb") as archivo:
        texto = "".join(p.extract_text() for p in PdfReader(io.BytesIO(archivo.read())).pages)
    assert "Acuerdo 1." in texto and "Acuerdo 2." in texto
    assert "Rosa Elena Farinango" in texto and "Segundo Quilumbaquín" in texto
    page.screenshot(path="/tmp/mesas_cerrada_390.png", full_page=True)
