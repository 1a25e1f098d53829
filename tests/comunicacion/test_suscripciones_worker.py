"""Digests through a real Celery worker on Redis: beat firing twice sends each item once, and
only to confirmed subscribers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from comunicacion.models import EnvioSuscripcion, Suscripcion
from sie.models import Canton


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_beat_dos_veces_un_solo_resumen_y_solo_a_quien_confirmo(celery_worker_real, crear_noticia):
    from comunicacion.tasks import enviar_resumen_suscripcion, enviar_resumenes_suscripciones
    from config.celery import app

    app.conf.task_always_eager = False  # this module's conftest runs tasks inline otherwise
    cayambe = Canton.objects.get(codigo="1702")
    ayer = timezone.now() - timedelta(days=1)
    confirmada = Suscripcion.objects.create(
        email="si@example.org", tipo="canton", canton=cayambe, confirmada_en=ayer
    )
    Suscripcion.objects.create(email="no@example.org", tipo="canton", canton=cayambe)
    Suscripcion.objects.create(
        email="baja@example.org", tipo="noticias", confirmada_en=ayer, baja_en=timezone.now()
    )
    crear_noticia(publicar=True, cantones=["1702"], titulo="Feria en Cayambe")

    assert enviar_resumenes_suscripciones.delay().get(timeout=30) == 1
    assert enviar_resumen_suscripcion.delay(confirmada.pk).get(timeout=30) == 0
    assert enviar_resumenes_suscripciones.delay().get(timeout=30) == 1
    # The fan-out tasks ran on the worker too; wait until the queue is drained.
    assert enviar_resumen_suscripcion.delay(confirmada.pk).get(timeout=30) == 0
    assert [c.to for c in mail.outbox] == [["si@example.org"]]
    assert "Feria en Cayambe" in mail.outbox[0].body
    assert EnvioSuscripcion.objects.count() == 1
