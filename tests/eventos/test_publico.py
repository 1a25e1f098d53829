"""Public pages, calendar files, feed and API: published events only, never guests' data."""

import json

import pytest
from icalendar import Calendar

from eventos import services
from eventos.models import Evento

pytestmark = pytest.mark.django_db


@pytest.fixture
def con_programa(evento, coordinadora, invitar, programar):
    ponente = services.ponente_guardar(
        evento=evento,
        usuario=coordinadora,
        datos={
            "nombre": "Dra. Paulina Andrango",
            "cargo": "Directora de Planificación",
            "bio": "Economista.",
        },
    )
    programar("Resultados de las mesas de turismo", evento.fin, ponentes=[ponente])
    invitar(2)
    return evento


def test_pagina_publica_sin_datos_de_invitados(con_programa, client):
    evento = con_programa
    html = client.get(f"/eventos/{evento.slug}/").content.decode()
    assert evento.titulo in html
    assert "Resultados de las mesas de turismo" in html and "Dra. Paulina Andrango" in html
    assert "Auditorio del GAD de Mejía" in html
    for invitado in evento.invitados.all():
        assert invitado.nombre not in html and invitado.email not in html
    lista = client.get("/eventos/").content.decode()
    assert evento.titulo in lista


def test_borradores_no_se_ven(crear_evento, client):
    oculto = crear_evento(titulo="Evento todavía interno", publicado=False)
    assert client.get(f"/eventos/{oculto.slug}/").status_code == 404
    assert "Evento todavía interno" not in client.get("/eventos/").content.decode()
    assert client.get(f"/eventos/{oculto.slug}/evento.ics").status_code == 404
    assert "Evento todavía interno" not in client.get("/eventos/calendario.ics").content.decode()
    assert "Evento todavía interno" not in client.get("/api/v1/eventos/").content.decode()
    assert client.get(f"/api/v1/eventos/{oculto.slug}/").status_code == 404


def test_ics_del_evento_y_feed(con_programa, client):
    evento = con_programa
    respuesta = client.get(f"/eventos/{evento.slug}/evento.ics")
    assert respuesta["Content-Type"].startswith("text/calendar")
    calendario = Calendar.from_ical(respuesta.content)
    (vevento,) = calendario.walk("VEVENT")
    assert str(vevento["SUMMARY"]) == evento.titulo
    assert vevento.decoded("DTSTART") == evento.inicio.replace(microsecond=0)
    assert "Auditorio del GAD de Mejía" in str(vevento["LOCATION"])
    feed = client.get("/eventos/feed/").content.decode()
    assert evento.titulo in feed and "<rss" in feed


def test_api_sin_datos_personales(con_programa, client):
    evento = con_programa
    datos = client.get("/api/v1/eventos/").json()
    (item,) = datos["results"]
    assert item["titulo"] == evento.titulo
    assert item["sesiones"][0]["ponentes"] == ["Dra. Paulina Andrango"]
    assert item["ponentes"][0]["bio"] == "Economista."
    texto = json.dumps(datos)
    assert "invitados" not in texto and "example.org" not in texto and "email" not in texto
    for invitado in evento.invitados.all():
        assert invitado.nombre not in texto
    assert client.post("/api/v1/eventos/", {}).status_code in (401, 403, 405)
    filtrado = client.get("/api/v1/eventos/", {"tipo": Evento.Tipo.LANZAMIENTO}).json()
    assert filtrado["count"] == 0


def test_slug_unico_y_sin_palabras_reservadas(crear_evento):
    a = crear_evento(titulo="Gestión")
    b = crear_evento(titulo="Gestión")
    assert a.slug == "evento-gestion" and b.slug == "evento-gestion-2"


def test_paginas_en_ingles(con_programa, client):
    assert "Upcoming events" in client.get("/en/eventos/").content.decode()
    html = client.get(f"/en/eventos/{con_programa.slug}/").content.decode()
    assert "Add to my calendar" in html and "Speakers" in html


def test_esquema_openapi_incluye_eventos(client):
    respuesta = client.get("/api/v1/schema/", {"format": "json"})
    assert respuesta.status_code == 200
    assert "/api/v1/eventos/" in respuesta.content.decode()
