"""Issue 14, item 1: invitations, reminders, confirmations, their QR codes, the event calendars,
the feed and the API open the portal's public address (PORTAL_URL), never the request's host."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import resolve

from eventos import enlaces, services
from eventos.models import Invitado
from tests._enlaces import PUBLICA, comprobar, qr_de_png, urls_de_ics, urls_del_correo, urls_en

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PUBLICA


def _qr_de_la_pagina(html: str) -> str:
    datos = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    return qr_de_png(base64.b64decode(datos))


def test_invitacion_recordatorio_confirmacion_y_qr(evento, coordinadora, invitar, client):
    (invitado,) = invitar(1)
    (invitacion,) = mail.outbox
    assert invitacion.subject.startswith("Invitación")
    urls = urls_del_correo(invitacion)
    personal = next(u for u in urls if "/eventos/invitacion/" in u)
    comprobar(urls, cliente=client, abrir=("/eventos/",))

    mail.outbox.clear()
    recordatorio = services.recordatorio_crear(evento=evento, usuario=coordinadora)
    assert services.recordatorio_despachar(recordatorio_id=recordatorio.pk) == 1
    (correo,) = mail.outbox
    urls = urls_del_correo(correo)
    comprobar(urls, cliente=client, abrir=("/eventos/invitacion/",))
    (de_nuevo,) = [u for u in urls if "/eventos/invitacion/" in u]
    token = resolve(urlsplit(de_nuevo).path).kwargs["token"]
    assert enlaces.invitado_por_token_respuesta(token) == invitado

    # The guest confirms from the link in the e-mail, as they would on their phone.
    mail.outbox.clear()
    client.post(personal.removeprefix(PUBLICA), {"respuesta": "si"})
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.CONFIRMADO
    services.confirmacion_despachar(invitado_id=invitado.pk)
    (confirmacion,) = mail.outbox
    urls = urls_del_correo(confirmacion)  # reads the attached QR code with zbarimg
    qr = next(u for u in urls if "/acreditar/" in u or "/qr/" in u)
    comprobar(urls, cliente=client, abrir=("/eventos/invitacion/",))

    # The QR code on the guest's page opens the same check-in, on the public address (the signed
    # token carries a timestamp, so the two codes differ in their last characters).
    html = client.get(personal.removeprefix(PUBLICA), HTTP_HOST="127.0.0.1").content.decode()
    en_pagina = _qr_de_la_pagina(html)
    comprobar([en_pagina])
    for url in (qr, en_pagina):
        token = resolve(urlsplit(url).path).kwargs["token"]
        assert enlaces.invitado_por_token_acreditacion(token) == invitado

    # The check-in staff scanning it reach the check-in page of the portal.
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(qr.removeprefix(PUBLICA)).status_code == 200


def test_lista_de_espera_y_lista_imprimible(crear_evento, invitar, coordinadora, client):
    evento = crear_evento(capacidad=1)
    a, b = invitar(2, ev=evento)
    mail.outbox.clear()
    for invitado in (a, b):
        services.invitacion_responder(invitado=invitado, asiste=True)
        services.confirmacion_despachar(invitado_id=invitado.pk)
    espera = next(m for m in mail.outbox if m.subject.startswith("Lista de espera"))
    comprobar(urls_del_correo(espera), cliente=client, abrir=("/eventos/invitacion/",))

    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(f"/eventos/gestion/{evento.pk}/invitados/imprimir/").content.decode()
    comprobar([_qr_de_la_pagina(html)])


def test_calendarios_feed_y_api_en_la_direccion_publica(evento, client):
    for ruta in (f"/eventos/{evento.slug}/evento.ics", "/eventos/calendario.ics"):
        urls = urls_de_ics(client.get(ruta, HTTP_HOST="127.0.0.1").content)
        assert f"{PUBLICA}/eventos/{evento.slug}/" in urls
        comprobar(urls, cliente=client, abrir=("/eventos/",))

    feed = client.get("/eventos/feed/", HTTP_HOST="127.0.0.1").content.decode()
    urls = urls_en(feed)
    assert f"{PUBLICA}/eventos/{evento.slug}/" in urls
    comprobar(
        [u for u in urls if not u.startswith("http://www.w3.org")],
        cliente=client,
        abrir=("/eventos/",),
    )
    assert "127.0.0.1" not in feed

    datos = client.get("/api/v1/eventos/", HTTP_HOST="127.0.0.1").json()
    item = next(e for e in datos["results"] if e["slug"] == evento.slug)
    comprobar([item["url"], item["ics"]], cliente=client, abrir=("/eventos/",))


def test_foto_de_ponente_en_la_api(evento, coordinadora, client):
    from tests.eventos.test_documentos import _foto

    services.ponente_guardar(
        evento=evento, usuario=coordinadora, datos={"nombre": "Ana", "foto": _foto()}
    )
    datos = client.get("/api/v1/eventos/", HTTP_HOST="127.0.0.1").json()
    (ponente,) = next(e for e in datos["results"] if e["slug"] == evento.slug)["ponentes"]
    assert ponente["foto"].startswith(PUBLICA + "/")
