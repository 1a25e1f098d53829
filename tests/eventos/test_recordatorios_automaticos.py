"""Automatic reminders: beat sends one round, three days before the event, to those who have not answered."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from eventos import services
from eventos.models import Recordatorio

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tareas_en_proceso(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from config.celery import app

    anterior = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = anterior


def _en(dias, horas=0):
    inicio = timezone.now() + timedelta(days=dias, hours=horas)
    return {"inicio": inicio, "fin": inicio + timedelta(hours=4)}


def _recordatorios(para):
    return [m for m in mail.outbox if "Recordatorio" in m.subject and m.to[0] == para.email]


def test_una_ronda_automatica_tres_dias_antes_solo_a_quien_no_respondio(
    crear_evento, invitar, django_capture_on_commit_callbacks
):
    evento = crear_evento(**_en(2, 3))
    lejano = crear_evento(titulo="Evento lejano", **_en(20))
    a, b = invitar(2, ev=evento)
    (c,) = invitar(1, ev=lejano)
    services.invitacion_responder(invitado=a, asiste=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        creados = services.recordatorios_automaticos_programar()
    assert [r.evento for r in creados] == [evento]
    assert creados[0].automatico and creados[0].creado_por is None
    assert len(_recordatorios(b)) == 1
    assert _recordatorios(a) == [] and _recordatorios(c) == []

    # Beat fires again (the next day, or twice by mistake): nothing more is sent.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.recordatorios_automaticos_programar() == []
    assert len(_recordatorios(b)) == 1
    assert Recordatorio.objects.filter(evento=evento, automatico=True).count() == 1


def test_sin_invitados_pendientes_o_evento_pasado_no_hay_ronda(crear_evento, invitar):
    evento = crear_evento(**_en(1))
    (a,) = invitar(1, ev=evento)
    services.invitacion_responder(invitado=a, asiste=False)
    assert services.recordatorios_automaticos_programar() == []
    pasado = crear_evento(titulo="Ya fue", **_en(1))
    invitar(1, ev=pasado)
    ahora = timezone.now() + timedelta(days=2)  # the event has started
    assert services.recordatorios_automaticos_programar(ahora=ahora) == []


def test_la_lista_de_invitados_distingue_la_ronda_automatica(
    crear_evento, invitar, coordinadora, cliente_de
):
    evento = crear_evento(**_en(2))
    invitar(1, ev=evento)
    services.recordatorios_automaticos_programar()
    html = cliente_de(coordinadora).get(f"/eventos/gestion/{evento.pk}/invitados/").content.decode()
    assert "automático" in html
