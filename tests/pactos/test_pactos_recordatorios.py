"""Reminders to responsibles: overdue or silent commitments, once per period, by a real worker."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from pactos.models import RecordatorioCompromiso
from pactos.services import pactos as srv


@pytest.fixture
def vencido(pacto_publicado, responsable):
    compromiso = pacto_publicado.compromisos.get()
    compromiso.plazo = timezone.localdate() - datetime.timedelta(days=3)
    compromiso.save(update_fields=["plazo"])
    return compromiso


@pytest.mark.django_db
def test_se_recuerda_una_vez_por_periodo_y_no_lo_cerrado(vencido, responsable, coordinadora):
    hoy = timezone.localdate()
    assert srv.recordatorios_enviar(hoy=hoy) == 1
    assert srv.recordatorios_enviar(hoy=hoy) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [responsable.email]
    assert vencido.titulo in mail.outbox[0].body
    # Next month it is reminded again, unless it is done.
    siguiente = hoy + datetime.timedelta(days=32)
    srv.compromiso_actualizar(
        compromiso=vencido, usuario=coordinadora, texto="Terminado", estado="cumplido"
    )
    assert srv.recordatorios_enviar(hoy=siguiente) == 0


@pytest.mark.django_db
def test_silencioso_sin_actualizacion_en_60_dias(pacto_publicado, responsable, coordinadora):
    compromiso = pacto_publicado.compromisos.get()
    srv.compromiso_actualizar(
        compromiso=compromiso, usuario=responsable, texto="Algo", estado="en_curso", avance=10
    )
    hoy = timezone.localdate()
    assert compromiso not in srv.compromisos_para_recordar(hoy=hoy)
    type(compromiso).objects.filter(pk=compromiso.pk).update(
        ultima_actualizacion=timezone.now() - datetime.timedelta(days=61)
    )
    assert compromiso in srv.compromisos_para_recordar(hoy=hoy)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_un_worker_real_recuerda_una_sola_vez_aunque_beat_dispare_dos_veces(
    celery_worker_real, vencido, responsable
):
    from pactos.tasks.pactos import enviar_recordatorios_compromisos

    primero = enviar_recordatorios_compromisos.delay()
    assert primero.get(timeout=30) == 1
    segundo = enviar_recordatorios_compromisos.delay()
    assert segundo.get(timeout=30) == 0
    assert RecordatorioCompromiso.objects.filter(compromiso=vencido).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [responsable.email]
