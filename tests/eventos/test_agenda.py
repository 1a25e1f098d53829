"""The public agenda (/agenda/): upcoming table sessions (planned ones too: date, place, table)
and published events, filters, .ics per item and for all, the RSS feed, the page cache.

What a visitor gets: the rendered page, the calendar files read back with icalendar, the feed
read back as XML."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from mesas.models import Mesa, Sesion
from sie.models import Parroquia
from tests.factories import SesionFactory
from tests.publicados import evento_proximo

pytestmark = pytest.mark.django_db

ENLACE = "https://reuniones.example.org/sala-secreta"


@pytest.fixture
def agenda(db):
    """Cayambe's tourism table planned, Floricultura's (agriculture) planned, a cancelled one, a
    past one; a published event in Mejía, a draft event."""
    cayambe = Mesa.objects.get(slug="turismo-cayambe")
    flores = Mesa.objects.get(tipo="agropecuario", sector__nombre__icontains="flor")
    parroquia_mejia = Parroquia.objects.get(canton__codigo="1703", nombre="Alóag")
    return {
        "turismo": SesionFactory(
            mesa=cayambe,
            dias=5,
            lugar="Casa comunal de Ayora",
            enlace=ENLACE,
            objetivo="Objetivo interno de la sesión",
        ),
        "agro": SesionFactory(mesa=flores, dias=6, lugar="Finca florícola de Tabacundo"),
        "cancelada": SesionFactory(
            mesa=cayambe, dias=7, lugar="Salón que no se usará", estado=Sesion.Estado.CANCELADA
        ),
        "pasada": SesionFactory(mesa=cayambe, dias=-3, lugar="Sesión de hace días"),
        "evento": evento_proximo(
            "Feria de los pactos en Mejía",
            dentro_de=timedelta(days=8),
            publicado=True,
            lugar="Coliseo de Alóag",
            parroquia=parroquia_mejia,
            resumen="Una feria abierta.",
        ),
        "borrador": evento_proximo("Evento en borrador", dentro_de=timedelta(days=9)),
    }


def _eventos_ics(respuesta) -> list:
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(respuesta.content).walk("VEVENT")


def test_la_agenda_muestra_lo_que_viene_y_nada_privado(client, agenda):
    html = client.get("/agenda/").content.decode()
    assert "Mesa cantonal de turismo de Cayambe — sesión" in html
    assert "Casa comunal de Ayora" in html and "Finca florícola de Tabacundo" in html
    assert (
        "Feria de los pactos en Mejía" in html
        and 'href="/eventos/feria-de-los-pactos-en-mejia/"' in html
    )
    # A planned session leads to its table's page (its own page exists once the acta is out).
    assert 'href="/mesas/turismo-cayambe/"' in html
    # Cancelled: shown as cancelled, without an "add to calendar".
    fila = html.split("Salón que no se usará")[0].rsplit("<li", 1)[1]
    assert "entrada-cancelada" in fila and "Cancelada" in html.split("Salón que no se usará")[0]
    # Never drafts, the past, the meeting link or the session's objective.
    for oculto in ["Evento en borrador", "Sesión de hace días", ENLACE, "Objetivo interno"]:
        assert oculto not in html
    assert html.count("Añadir al calendario") == 3
    assert '<link rel="alternate"' in html and 'href="/agenda/feed/"' in html


def test_filtros_por_canton_y_tema(client, agenda):
    turismo = client.get("/agenda/", {"tema": "turismo"}).content.decode()
    assert "Casa comunal de Ayora" in turismo and "Finca florícola" not in turismo
    assert "Feria de los pactos" in turismo  # events concern both themes
    agricultura = client.get("/agenda/", {"tema": "agricultura"}).content.decode()
    assert "Finca florícola" in agricultura and "Casa comunal de Ayora" not in agricultura
    mejia = client.get("/agenda/", {"canton": "mejia"}).content.decode()
    assert "Feria de los pactos" in mejia and "Casa comunal de Ayora" not in mejia
    cayambe = client.get("/agenda/", {"canton": "cayambe", "tema": "turismo"}).content.decode()
    assert "Casa comunal de Ayora" in cayambe and "Feria de los pactos" not in cayambe
    assert 'href="/agenda/"' in cayambe  # "Quitar filtros"
    # An unknown value is ignored, not an error.
    assert client.get("/agenda/", {"canton": "<script>"}).status_code == 200


def test_la_agenda_se_pagina(client, agenda):
    cayambe = Mesa.objects.get(slug="turismo-cayambe")
    for dias in range(10, 32):
        SesionFactory(mesa=cayambe, dias=dias)
    primera = client.get("/agenda/").content.decode()
    segunda = client.get("/agenda/", {"pagina": 2}).content.decode()
    assert "Página 1 de 2" in primera and "Página 2 de 2" in segunda
    assert "Casa comunal de Ayora" in primera and "Casa comunal de Ayora" not in segunda


def test_calendarios_con_url_y_descripcion(client, agenda):
    """The whole agenda, one session, one event, and the two older public calendars: every entry
    names its page (URL, also inside DESCRIPTION); cancelled, past and draft entries stay out."""
    todo = _eventos_ics(client.get("/agenda/agenda.ics"))
    resumenes = [str(e["SUMMARY"]) for e in todo]
    assert len(todo) == 3 and "Feria de los pactos en Mejía" in resumenes
    for evento in todo:
        assert str(evento["URL"]).startswith("http") and str(evento["URL"]) in str(
            evento["DESCRIPTION"]
        )
        assert ENLACE not in str(evento.get("LOCATION", ""))
        assert "Objetivo interno" not in str(evento["DESCRIPTION"])
    solo_turismo = _eventos_ics(client.get("/agenda/agenda.ics", {"tema": "agricultura"}))
    assert {str(e["SUMMARY"]) for e in solo_turismo} == {
        f"{agenda['agro'].mesa.nombre} — sesión {agenda['agro'].numero}",
        "Feria de los pactos en Mejía",
    }
    sesion = agenda["turismo"]
    (una,) = _eventos_ics(client.get(f"/agenda/sesiones/turismo-cayambe/{sesion.numero}.ics"))
    assert str(una["URL"]).endswith("/mesas/turismo-cayambe/") and "Casa comunal de Ayora" in str(
        una["LOCATION"]
    )
    cancelada = agenda["cancelada"].numero
    assert client.get(f"/agenda/sesiones/turismo-cayambe/{cancelada}.ics").status_code == 404
    for ruta in (
        "/eventos/calendario.ics",
        "/mesas/calendario.ics",
        "/eventos/feria-de-los-pactos-en-mejia/evento.ics",
    ):
        for evento in _eventos_ics(client.get(ruta)):
            assert evento.get("URL") and evento.get("DESCRIPTION"), ruta
            assert ENLACE not in evento.to_ical().decode(), ruta


def test_feed_rss_de_la_agenda(client, agenda):
    respuesta = client.get("/agenda/feed/")
    canal = ET.fromstring(respuesta.content).find("channel")
    titulos = [i.findtext("title") for i in canal.findall("item")]
    assert "Feria de los pactos en Mejía" in titulos and len(titulos) == 3
    assert "Evento en borrador" not in respuesta.content.decode()
    guids = [i.findtext("guid") for i in canal.findall("item")]
    assert len(set(guids)) == 3  # two sessions of one table share a link, never an id


def test_la_agenda_sale_de_la_cache_y_se_renueva(client, agenda):
    assert client.get("/agenda/").get("X-Pagina-Publica") != "cache"
    assert client.get("/agenda/").get("X-Pagina-Publica") == "cache"
    SesionFactory(
        mesa=Mesa.objects.get(slug="turismo-mejia"), dias=3, lugar="Nueva sede en Machachi"
    )
    nueva = client.get("/agenda/")
    assert nueva.get("X-Pagina-Publica") != "cache"
    assert "Nueva sede en Machachi" in nueva.content.decode()


def test_la_lista_de_eventos_anuncia_su_feed(client):
    html = client.get("/eventos/").content.decode()
    cabeza = html.split("</head>")[0]
    assert 'type="application/rss+xml"' in cabeza and 'href="/eventos/feed/"' in cabeza


def test_una_sesion_sin_fin_que_empezo_hace_poco_sigue_en_la_agenda(client, agenda):
    en_curso = SesionFactory(
        mesa=Mesa.objects.get(slug="turismo-mejia"), dias=0, lugar="Ahora mismo"
    )
    Sesion.objects.filter(pk=en_curso.pk).update(inicio=timezone.now() - timedelta(hours=1))
    assert "Ahora mismo" in client.get("/agenda/").content.decode()
