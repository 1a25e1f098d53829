# ruff: noqa: F811 - the fixtures imported from tests.comunicacion._consulta are used as arguments
"""Redis stops (broker, result backend and cache at once): every public form and staff answer that
sends an e-mail still succeeds quickly, and once Redis is back beat's sweeps send each e-mail
exactly once. The rate limits of the public forms let citizens through while the cache is down."""

import datetime
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comunicacion.models import Comentario, Mensaje, Suscripcion
from comunicacion.services import mensaje_recibir
from comunicacion.services.pendientes import correos_pendientes_reencolar
from mesas import services as mesas_services
from mesas.correo import invitaciones_pendientes_enviar
from mesas.models import Invitacion
from sie.models import Canton
from tests.comunicacion._consulta import DATOS_COMENTARIO, consulta, pacto_borrador  # noqa: F401
from tests.pasos import organizacion_comunitaria, sesion_programada

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RAPIDO = 8  # seconds: the cache's and the broker's connect timeouts, not a hang


def _cronometrar(funcion):
    inicio = time.monotonic()
    resultado = funcion()
    duracion = time.monotonic() - inicio
    assert duracion < RAPIDO, f"tardó {duracion:.1f} s con Redis parado"
    return resultado


def _a(direccion):
    return [m for m in mail.outbox if direccion in m.to]


def _preparar(facilitadora, cayambe) -> tuple:
    """A citizen's message waiting for an answer, a session to convene and who to invite."""
    mensaje = mensaje_recibir(
        datos={
            "nombre": "Rosa Guamán",
            "email": "rosa.mensaje@example.org",
            "canton": cayambe,
            "asunto": "Consulta sobre la mesa de turismo",
            "texto": "¿Cómo participamos?",
        }
    )
    sesion = sesion_programada(
        datetime.timedelta(days=3), "Casa comunal de Juan Montalvo", facilitadora
    )
    invitado = organizacion_comunitaria("Asociación Kayambi", email="kayambi@example.org")
    return mensaje, sesion, invitado


def _el_publico_escribe_se_suscribe_y_comenta(client, cayambe, consulta) -> None:
    contacto = _cronometrar(
        lambda: client.post(
            reverse("comunicacion:contacto"),
            {
                "tipo": "pregunta",
                "tema": "turismo",
                "nombre": "Luis Chicaiza",
                "email": "luis@example.org",
                "canton": cayambe.pk,
                "asunto": "Señalética",
                "texto": "La señalética de la ruta está dañada.",
            },
        )
    )
    assert contacto.status_code == 302 and Mensaje.objects.filter(email="luis@example.org").exists()
    suscripcion = _cronometrar(
        lambda: client.post(
            reverse("comunicacion:suscripcion"),
            {"email": "vecina@example.org", "tipo": "canton", "canton": cayambe.pk},
        )
    )
    assert suscripcion.status_code in (200, 302)
    assert Suscripcion.objects.filter(email="vecina@example.org").exists()
    comentario = _cronometrar(
        lambda: client.post(
            reverse("comunicacion:comentar", args=[consulta.pk]),
            {**DATOS_COMENTARIO, "canton": Canton.objects.get(codigo="1709").pk},
        )
    )
    assert comentario.status_code in (200, 302)
    assert Comentario.objects.filter(email=DATOS_COMENTARIO["email"]).exists()


def test_con_redis_parado_los_formularios_responden_y_los_correos_salen_una_vez_al_volver(
    app_en_redis_propio, redis_propio, client, cliente_de, comunicador, facilitadora, consulta
):
    cayambe = Canton.objects.get(codigo="1702")
    mensaje, sesion, invitado = _preparar(facilitadora, cayambe)
    mail.outbox.clear()
    redis_propio.parar()

    # A citizen writes, subscribes and comments; staff answer; a facilitator convenes.
    _el_publico_escribe_se_suscribe_y_comenta(client, cayambe, consulta)
    staff = cliente_de(comunicador)
    respuesta = _cronometrar(
        lambda: staff.post(
            reverse("comunicacion:mensaje", args=[mensaje.pk]),
            {"accion": "responder", "respuesta": "Gracias por escribir."},
        )
    )
    assert respuesta.status_code == 302
    _cronometrar(
        lambda: mesas_services.convocatoria_enviar(
            sesion=sesion, actores=[invitado], usuario=facilitadora
        )
    )
    assert mail.outbox == []  # nothing could leave

    # Redis is back; beat's sweeps run (tasks in process here, as the worker would run them).
    redis_propio.arrancar()
    app_en_redis_propio.conf.task_always_eager = True
    luego = timezone.now() + datetime.timedelta(minutes=11)
    for _ in range(2):  # twice: the second run finds nothing left to send
        correos_pendientes_reencolar(ahora=luego)
        invitaciones_pendientes_enviar()

    assert len(_a("rosa.mensaje@example.org")) == 1  # the answer to her message
    assert len(_a("vecina@example.org")) == 1  # the subscription's confirmation link
    assert len(_a(DATOS_COMENTARIO["email"])) == 1  # the comment's confirmation link
    assert len(_a("kayambi@example.org")) == 1  # the invitation to the session
    assert Invitacion.objects.get(sesion=sesion).enviada_en is not None
