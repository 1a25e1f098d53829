"""Reminders go through a real Celery worker, only to those without an answer, once per round."""

import time

import pytest
from django.core import mail

from eventos import services
from eventos.models import Correo
from eventos.tasks import enviar_recordatorio
from tests.ayudas_worker import esperar

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_recordatorios_solo_a_quien_no_respondio(celery_worker_real, invitar, coordinadora, evento):
    a, b, c, d = invitar(4)
    services.invitacion_responder(invitado=a, asiste=True)
    services.invitacion_responder(invitado=b, asiste=False)
    mail.outbox.clear()

    primero = services.recordatorio_crear(evento=evento, usuario=coordinadora)
    assert esperar(lambda: Correo.objects.filter(recordatorio=primero).count() == 2)
    assert esperar(lambda: len([m for m in mail.outbox if "Recordatorio" in m.subject]) == 2)
    # The same round delivered again (a retried task) sends nothing new.
    enviar_recordatorio.apply_async(args=[primero.pk]).get(timeout=30)
    segundo = services.recordatorio_crear(evento=evento, usuario=coordinadora)
    assert esperar(lambda: Correo.objects.filter(recordatorio=segundo).count() == 2)
    time.sleep(0.5)
    recordatorios = [m for m in mail.outbox if "Recordatorio" in m.subject]
    destinatarios = sorted(m.to[0] for m in recordatorios)
    assert destinatarios == sorted([c.email, c.email, d.email, d.email])
    assert {m.to[0] for m in mail.outbox} <= {a.email, c.email, d.email}  # a: confirmation only
    assert segundo.numero == 2
