# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""An official answer to a consultation comment goes out through a real Celery worker on Redis,
once per author, even when the task is delivered again or the same answer is re-sent."""

import pytest
from django.core import mail
from django.urls import reverse

from comunicacion.models import Comentario
from tests.ayudas_worker import esperar

from ._consulta import comentar, consulta, pacto_borrador  # noqa: F401


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_la_respuesta_oficial_sale_por_un_worker_real_una_sola_vez(
    celery_worker_real, cliente_de, comunicador, consulta, comentar
):
    from comunicacion.tasks import enviar_respuesta_comentario
    from config.celery import app

    app.conf.task_always_eager = False  # this package's conftest runs tasks inline otherwise
    a = comentar(email="a@example.org", texto="Paradas para aves en Mindo.")
    b = comentar(email="b@example.org", texto="Paradas para aves en Los Bancos.")
    respuesta = cliente_de(comunicador).post(
        reverse("comunicacion:consulta_responder", args=[consulta.pk]),
        {
            "comentarios": [a.pk, b.pk],
            "texto": "La ruta incluirá paradas de observación de aves.",
            "decision": "incorporado",
        },
    )
    assert respuesta.status_code == 302
    assert esperar(lambda: len(mail.outbox) == 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("La ruta incluirá paradas" in m.body for m in mail.outbox)
    assert esperar(
        lambda: not Comentario.objects.filter(respuesta_enviada_en__isnull=True).exists()
    )
    # A redelivered task (acks_late) finds each sent and sends nothing more.
    for comentario in (a, b):
        assert enviar_respuesta_comentario.delay(comentario.pk).get(timeout=30) is False
    assert len(mail.outbox) == 2
