"""The answer to a citizen's message goes out through a real Celery worker on Redis, once."""

import pytest
from django.core import mail
from django.urls import reverse

from comunicacion.models import Mensaje
from tests.ayudas_worker import esperar


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_la_respuesta_sale_por_un_worker_real_una_sola_vez(
    celery_worker_real, cliente_de, comunicador, mensaje
):
    from comunicacion.tasks import enviar_respuesta
    from config.celery import app

    app.conf.task_always_eager = False  # this module's conftest runs tasks inline otherwise
    cliente = cliente_de(comunicador)
    respuesta = cliente.post(
        reverse("comunicacion:mensaje", args=[mensaje.pk]),
        {"accion": "responder", "respuesta": "El martes 8 en Puerto Quito."},
    )
    assert respuesta.status_code == 302
    assert esperar(lambda: len(mail.outbox) == 1)
    assert mail.outbox[0].to == ["rosa@example.org"]
    assert "El martes 8 en Puerto Quito." in mail.outbox[0].body
    mensaje.refresh_from_db()
    assert mensaje.respuesta_enviada_en is not None
    # A redelivered task (acks_late) finds it sent and sends nothing more.
    assert enviar_respuesta.delay(mensaje.pk).get(timeout=30) is False
    assert len(mail.outbox) == 1
    assert Mensaje.objects.get().estado == Mensaje.Estado.RESPONDIDO
