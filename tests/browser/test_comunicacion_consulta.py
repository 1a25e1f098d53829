# ruff: noqa: F811 - the fixtures imported from tests.comunicacion._consulta are used as arguments
"""A visitor from Puerto Quito comments on a commitment of the draft tourism pacto, confirms the
e-mail with the link it brings, staff answer it from the moderation queue, and the visitor sees
the answer beside the comment and gets it by e-mail."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.roles import Rol
from tests.browser.navegador import cuenta, iniciar_sesion
from tests.comunicacion._consulta import consulta, pacto_borrador  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def correo_en_linea(settings, live_server):
    """E-mail tasks run inside the request (the answer's journey through a real worker is
    tests/comunicacion/test_consulta_worker.py); links in e-mails point at the live server."""
    from config.celery import app

    settings.PORTAL_URL = live_server.url
    antes = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = antes


def _comentar_el_compromiso_3(page, live_server):
    """The visitor finds the open consultation on the public list of pactos and comments."""
    page.goto(f"{live_server.url}/pactos/")
    aviso = page.locator(".alert", has_text="Consulta abierta — comente aquí")
    aviso.get_by_role("link", name="Pacto de turismo del noroccidente").click()
    expect(page.get_by_text("Consulta abierta — comente aquí")).to_be_visible()
    page.get_by_role("link", name="Comentar el compromiso 3").click()
    expect(page.get_by_text("Usted comenta: Compromiso 3. Compromiso de prueba 3")).to_be_visible()
    page.get_by_label("Propuesta").check()
    page.get_by_label("Su comentario").fill(
        "Que las asociaciones comunitarias gestionen los balnearios del río Caoní."
    )
    page.get_by_label("Nombre").fill("Rosa Guamán")
    page.get_by_label("Correo electrónico").fill("rosa@example.org")
    page.get_by_label("Cantón").select_option(label="Puerto Quito")
    page.get_by_role("button", name="Enviar comentario").click()
    expect(page.get_by_role("heading", name="Revise su correo")).to_be_visible()


def _confirmar_por_correo(page, live_server, consulta):
    """Not public until the e-mail is confirmed through the link it brings."""
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rosa@example.org"]
    enlace = re.search(r"http\S+/consultas/confirmar/\S+/", mail.outbox[0].body).group(0)
    page.goto(f"{live_server.url}{consulta.get_absolute_url()}")
    expect(page.get_by_text("balnearios del río Caoní")).to_have_count(0)
    page.goto(enlace)
    page.get_by_role("button", name="Confirmar y publicar").click()
    expect(page.get_by_text("Gracias: su comentario está publicado.")).to_be_visible()
    comentario = page.locator("article.comentario-consulta", has_text="balnearios del río Caoní")
    expect(comentario).to_contain_text("Rosa Guamán")
    expect(comentario).to_contain_text("Puerto Quito")
    expect(page.locator("body")).not_to_contain_text("rosa@example.org")


def _responder_desde_la_moderacion(page, live_server, django_user_model, consulta):
    """Staff answer the comment from the moderation queue."""
    cuenta(django_user_model, "comunica-consulta", Rol.COMUNICACION, first_name="Diana")
    staff = page.context.browser.new_context().new_page()
    staff.goto(f"{live_server.url}/comunicacion/gestion/consultas/{consulta.pk}/")
    iniciar_sesion(staff, "comunica-consulta", rf"/gestion/consultas/{consulta.pk}/$")
    staff.locator("article", has_text="balnearios del río Caoní").get_by_role("checkbox").check()
    staff.get_by_label("Respuesta oficial").fill(
        "La señalética de los balnearios entra en el compromiso 3; su gestión la acordará "
        "la mesa de Puerto Quito con el GAD."
    )
    staff.get_by_label("Qué pasa con lo propuesto").select_option(label="Incorporado en parte")
    staff.get_by_role("button", name="Responder a los marcados").click()
    expect(staff.get_by_text("Respuesta publicada en 1 comentario(s)")).to_be_visible()


def test_un_visitante_comenta_confirma_y_ve_la_respuesta(
    page, live_server, django_user_model, consulta, correo_en_linea
):
    from django.core.cache import cache

    from comunicacion.views.consulta import clave_limite_conexion, clave_limite_correo

    cache.delete_many([clave_limite_conexion("127.0.0.1"), clave_limite_correo("rosa@example.org")])
    mail.outbox.clear()
    _comentar_el_compromiso_3(page, live_server)
    _confirmar_por_correo(page, live_server, consulta)
    _responder_desde_la_moderacion(page, live_server, django_user_model, consulta)

    # The visitor sees the answer beside the comment and has it by e-mail.
    page.reload()
    comentario = page.locator("article.comentario-consulta", has_text="balnearios del río Caoní")
    expect(comentario.locator(".respuesta-oficial")).to_contain_text(
        "La señalética de los balnearios entra en el compromiso 3"
    )
    expect(comentario).to_contain_text("Incorporado en parte")
    respuestas = [m for m in mail.outbox if "Respuesta a su comentario" in m.subject]
    assert len(respuestas) == 1 and respuestas[0].to == ["rosa@example.org"]
    assert "Incorporado en parte" in respuestas[0].body
