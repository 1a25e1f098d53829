"""Issue 14, item 1: every link of a table's convocation, its reminder and its calendars opens the
portal's public address (PORTAL_URL), never the host of a worker or a request."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from mesas import services
from mesas.correo import recordatorios_enviar
from mesas.models import Invitacion
from tests._enlaces import PUBLICA, comprobar, urls_de_ics, urls_del_correo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PUBLICA


def test_convocatoria_y_recordatorio_enlazan_a_la_direccion_publica(
    convocar, client, sesion_cayambe, crear_persona
):
    services.punto_agenda_agregar(sesion=sesion_cayambe, titulo="Ruta del bizcocho")
    rosa = crear_persona("Rosa", "Farinango", email="rosa@correo.ec")
    convocar(sesion_cayambe, rosa)
    (convocatoria,) = mail.outbox
    urls = urls_del_correo(convocatoria)
    invitacion = Invitacion.objects.get(actor=rosa)
    rsvp = f"{PUBLICA}/mesas/invitacion/{invitacion.token}/"
    assert rsvp in urls
    # The .ics attached leads to the table's public page (the session's opens with its acta).
    assert f"{PUBLICA}/mesas/turismo-cayambe/" in urls
    comprobar(urls, cliente=client, abrir=("/mesas/",))

    # Following the RSVP link as Rosa would: the page opens and records her answer.
    client.post(rsvp.removeprefix(PUBLICA), {"respuesta": "si"})
    invitacion.refresh_from_db()
    assert invitacion.respuesta == Invitacion.Respuesta.CONFIRMADA

    mail.outbox.clear()
    ahora = timezone.localtime(sesion_cayambe.inicio) - datetime.timedelta(days=1)
    assert recordatorios_enviar(ahora=ahora) == 1
    (recordatorio,) = mail.outbox
    assert "Recordatorio" in recordatorio.subject
    urls = urls_del_correo(recordatorio)
    assert rsvp in urls
    comprobar(urls, cliente=client, abrir=("/mesas/",))


def test_calendarios_publicos_con_url_y_descripcion(client, sesion_cayambe):
    for ruta in ("/mesas/calendario.ics", "/mesas/turismo-cayambe/calendario.ics"):
        respuesta = client.get(ruta, HTTP_HOST="127.0.0.1")
        urls = urls_de_ics(respuesta.content)
        assert f"{PUBLICA}/mesas/turismo-cayambe/" in urls
        comprobar(urls, cliente=client, abrir=("/mesas/",))
