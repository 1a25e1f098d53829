# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""With the broker down, every public form and staff answer still succeeds, and the e-mail leaves
later: the sweep of unsent e-mails enqueues it again (beat), and it is sent exactly once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from comunicacion.models import Comentario, Mensaje, Suscripcion
from comunicacion.services import consulta as srv
from comunicacion.services.pendientes import correos_pendientes, correos_pendientes_reencolar
from sie.models import Canton
from tests.core.conftest import _sin_broker

from ._consulta import DATOS_COMENTARIO, consulta, pacto_borrador  # noqa: F401

pytestmark = pytest.mark.django_db

LUEGO = timedelta(minutes=11)  # past the sweep's grace period


@pytest.fixture(autouse=True)
def _limites(settings):
    settings.PORTAL_URL = "https://pactos.example"
    from comunicacion.views.consulta import clave_limite_conexion, clave_limite_correo

    claves = [
        "comunicacion:suscripcion:127.0.0.1",
        clave_limite_conexion("127.0.0.1"),
        clave_limite_correo(DATOS_COMENTARIO["email"]),
    ]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _correos_a(direccion):
    return [m for m in mail.outbox if direccion in m.to]


def _barrer_dos_veces():
    """The sweep after the grace period (broker back, tasks in process), then once more."""
    ahora = timezone.now() + LUEGO
    primero = correos_pendientes_reencolar(ahora=ahora)
    segundo = correos_pendientes_reencolar(ahora=ahora)
    return primero, segundo


def test_respuesta_a_un_mensaje_con_el_broker_caido(
    cliente_de, comunicador, mensaje, django_capture_on_commit_callbacks
):
    url = reverse("comunicacion:mensaje", args=[mensaje.pk])
    with _sin_broker(), django_capture_on_commit_callbacks(execute=True):
        r = cliente_de(comunicador).post(url, {"accion": "responder", "respuesta": "Gracias."})
    assert r.status_code == 302  # not a 500: the answer is saved
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.RESPONDIDO and mensaje.respuesta_enviada_en is None
    assert _correos_a(mensaje.email) == []
    # Too early for the sweep: the first attempt may still be on its way.
    assert correos_pendientes()["respuesta_mensaje"] == []

    assert _barrer_dos_veces() == (1, 0)
    assert len(_correos_a(mensaje.email)) == 1
    mensaje.refresh_from_db()
    assert mensaje.respuesta_enviada_en is not None


def test_suscripcion_con_el_broker_caido(client, django_capture_on_commit_callbacks):
    datos = {
        "email": "vecina@example.org",
        "tipo": "canton",
        "canton": Canton.objects.get(codigo="1702").pk,
    }
    with _sin_broker(), django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("comunicacion:suscripcion"), datos)
    assert r.status_code in (200, 302)
    suscripcion = Suscripcion.objects.get(email="vecina@example.org")
    assert suscripcion.confirmacion_enviada_en is None and _correos_a("vecina@example.org") == []

    assert _barrer_dos_veces() == (1, 0)
    (correo,) = _correos_a("vecina@example.org")
    assert "/comunicacion/suscripciones/confirmar/" in correo.body


def test_comentario_y_respuesta_masiva_con_el_broker_caido(
    client, consulta, comunicador, django_capture_on_commit_callbacks
):
    datos = {**DATOS_COMENTARIO, "canton": Canton.objects.get(codigo="1709").pk}
    with _sin_broker(), django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("comunicacion:comentar", args=[consulta.pk]), datos)
    assert r.status_code in (200, 302)
    comentario = Comentario.objects.get(email=DATOS_COMENTARIO["email"])
    assert comentario.estado == Comentario.Estado.PENDIENTE
    assert _correos_a(DATOS_COMENTARIO["email"]) == []

    assert _barrer_dos_veces() == (1, 0)
    (confirmacion,) = _correos_a(DATOS_COMENTARIO["email"])
    srv.comentario_confirmar(token=srv.comentario_token(comentario=comentario))

    otro = srv.comentario_recibir(
        consulta=consulta,
        datos={**DATOS_COMENTARIO, "email": "otra@example.org", "nombre": "Otra"},
        enviar=False,
    )
    srv.comentario_confirmar(token=srv.comentario_token(comentario=otro))
    mail.outbox.clear()
    with _sin_broker(), django_capture_on_commit_callbacks(execute=True):
        srv.respuesta_publicar(
            consulta=consulta,
            comentarios=[comentario, otro],
            usuario=comunicador,
            texto="Se incorpora.",
        )
    assert mail.outbox == []
    assert _barrer_dos_veces() == (2, 0)
    assert len(_correos_a(DATOS_COMENTARIO["email"])) == 1
    assert len(_correos_a("otra@example.org")) == 1


def test_lo_que_ya_no_sirve_no_se_reenvia(mensaje, comunicador):
    """A confirmation link past its validity, or an answer weeks old, is not sent by the sweep."""
    Suscripcion.objects.create(email="tarde@example.org", tipo="noticias")
    Suscripcion.objects.filter(email="tarde@example.org").update(
        creada=timezone.now() - timedelta(days=8)
    )
    assert correos_pendientes(ahora=timezone.now() + LUEGO)["confirmacion_suscripcion"] == []


def test_la_demo_no_deja_correos_pendientes(coordinadora, comunicador):
    from core.demo import cargar_todo

    cargar_todo(password="demo-1234")
    pendientes = correos_pendientes(ahora=timezone.now() + LUEGO)
    assert pendientes == {
        "confirmacion_comentario": [],
        "respuesta_comentario": [],
        "confirmacion_suscripcion": [],
        "respuesta_mensaje": [],
    }


def test_beat_barre_cada_cuarto_de_hora():
    from config.celery import app

    entrada = app.conf.beat_schedule["comunicacion-correos-pendientes"]
    assert entrada["task"] == "comunicacion.tasks.reencolar_correos_pendientes"
