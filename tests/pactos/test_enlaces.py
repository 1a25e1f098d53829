"""Issue 14, item 1: the commitment reminders, the roadmap's weekly digest, the progress feed and
the pactos API lead to the portal's public address (PORTAL_URL), never the request's host."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.roles import Rol
from pactos.models import EstadoActividad
from pactos.services import pactos as srv
from pactos.services.hoja_de_ruta import resumen_semanal_enviar
from tests._enlaces import PUBLICA, comprobar, urls_del_correo, urls_en

from .fixtures_hoja_de_ruta import planificar

pytestmark = pytest.mark.django_db

OTRO_HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PUBLICA


def test_recordatorio_de_compromiso_lleva_a_mis_compromisos(pacto_publicado, responsable, client):
    compromiso = pacto_publicado.compromisos.get()
    compromiso.plazo = timezone.localdate() - datetime.timedelta(days=3)
    compromiso.save(update_fields=["plazo"])
    assert srv.recordatorios_enviar(hoy=timezone.localdate()) == 1
    (correo,) = mail.outbox
    urls = urls_del_correo(correo)
    # The commitment's own form first (issue 17), then the list of all of them.
    assert urls == [
        f"{PUBLICA}/pactos/mis-compromisos/#compromiso-{compromiso.pk}",
        f"{PUBLICA}/pactos/mis-compromisos/",
    ]
    client.force_login(responsable, backend="django.contrib.auth.backends.ModelBackend")
    comprobar(urls, cliente=client, abrir=("/pactos/",))


def test_resumen_semanal_de_la_hoja_de_ruta_enlaza_cada_actividad(crear_usuario, client):
    luis = crear_usuario("luis", Rol.COORDINACION, first_name="Luis")
    actividad = planificar(
        "pactos-convocatoria",
        "2026-05-04",
        "2026-06-01",
        estado=EstadoActividad.EN_CURSO,
        responsable=luis,
    )
    assert resumen_semanal_enviar(hoy=datetime.date(2026, 6, 15)) == 1
    (correo,) = mail.outbox
    urls = urls_del_correo(correo)
    assert f"{PUBLICA}{actividad.get_absolute_url()}" in urls
    assert f"{PUBLICA}/pactos/hoja-de-ruta/" in urls
    client.force_login(luis, backend="django.contrib.auth.backends.ModelBackend")
    comprobar(urls, cliente=client, abrir=("/pactos/",))


def test_feed_de_avances_y_api_de_pactos(pacto_publicado, coordinadora, client):
    compromiso = pacto_publicado.compromisos.get()
    srv.compromiso_actualizar(
        compromiso=compromiso, usuario=coordinadora, texto="Avanza", estado="en_curso", avance=20
    )
    texto = client.get("/pactos/avances/feed/", **OTRO_HOST).content.decode()
    assert "127.0.0.1" not in texto
    urls = [u for u in urls_en(texto) if "w3.org" not in u]
    assert f"{PUBLICA}{compromiso.get_public_url()}" in urls
    comprobar(urls, cliente=client, abrir=("/pactos/",))

    (pacto,) = client.get("/api/v1/pactos/", **OTRO_HOST).json()["results"]
    (comp,) = client.get("/api/v1/compromisos/", **OTRO_HOST).json()["results"]
    comprobar([pacto["url"], comp["url"]], cliente=client, abrir=("/pactos/",))
