"""The living home page: next dates, the open consultation, latest news, commitment progress of
published pactos, figures and the "Participe" block; nothing unpublished; served from the page
cache and rendered again when the data changes; Participe in the header and the footer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comunicacion.services import consulta as srv_consulta
from eventos import services as srv_eventos
from mesas.models import Mesa, Sesion
from pactos.models import Actualizacion, Pacto
from tests.factories import CompromisoFactory, NoticiaFactory, PactoFactory, SesionFactory
from tests.publicados import evento_proximo

pytestmark = pytest.mark.django_db


def desde_cache(respuesta) -> bool:
    return respuesta.get("X-Pagina-Publica") == "cache"


@pytest.fixture
def portada(coordinadora):
    ahora = timezone.now()
    cayambe = Mesa.objects.get(slug="turismo-cayambe")
    SesionFactory(mesa=cayambe, dias=4, lugar="Casa comunal de Ayora")
    SesionFactory(mesa=cayambe, dias=5, lugar="Local cancelado", estado=Sesion.Estado.CANCELADA)
    evento_proximo("Feria de los pactos", dentro_de=timedelta(days=6), publicado=True)
    evento_proximo("Evento en borrador", dentro_de=timedelta(days=2))
    NoticiaFactory(titulo="Las mesas avanzan", publicada=True)
    NoticiaFactory(titulo="Noticia en borrador", slug="borrador")
    NoticiaFactory(
        titulo="Noticia programada",
        slug="programada",
        publicada=True,
        publicada_en=ahora + timedelta(days=1),
    )
    publicado = PactoFactory(titulo="Pacto publicado de turismo", estado=Pacto.Estado.PUBLICADO)
    hecho = CompromisoFactory(pacto=publicado, titulo="Rutas señalizadas")
    Actualizacion.objects.create(
        compromiso=hecho, texto="Se colocaron 20 letreros", estado="en_curso", avance=40
    )
    borrador = PactoFactory(titulo="Pacto del noroccidente")
    secreto = CompromisoFactory(pacto=borrador, titulo="Compromiso aún en borrador")
    Actualizacion.objects.create(compromiso=secreto, texto="x", estado="en_curso", avance=10)
    srv_consulta.consulta_abrir(
        pacto=borrador,
        usuario=coordinadora,
        abre=ahora - timedelta(days=1),
        cierra=ahora + timedelta(days=10),
    )


def test_la_portada_muestra_lo_que_hay_y_nada_sin_publicar(client, portada):
    html = client.get("/").content.decode()
    proximas = html.split('id="proximas"')[1].split("</ul>")[0]
    assert "Casa comunal de Ayora" in proximas and "Feria de los pactos" in proximas
    assert "Local cancelado" not in proximas
    assert "Las mesas avanzan" in html
    assert "Rutas señalizadas" in html and "40 %" in html
    # The open consultation, with a link to comment on it.
    participa = html.split('id="participa"')[1].split("</section>")[0]
    assert "Pacto del noroccidente" in participa and "/comunicacion/consultas/" in participa
    for oculto in [
        "Evento en borrador",
        "Noticia en borrador",
        "Noticia programada",
        "Compromiso aún en borrador",
    ]:
        assert oculto not in html
    cifras = html.split('id="cifras"')[1].split("</dl>")[0]
    assert "compromisos en pactos publicados" in cifras
    assert "<dt>1</dt>" in cifras  # one commitment in a published pacto (the draft's not counted)


def test_participe_en_la_portada_la_cabecera_y_el_pie(client, portada):
    html = client.get("/").content.decode()
    participa = html.split('id="participa"')[1].split("</section>")[0]
    cabecera = html.split("<header", 1)[1].split("</header>", 1)[0]
    pie = html.split("<footer", 1)[1]
    for bloque in (participa, cabecera, pie):
        for enlace in (
            'href="/comunicacion/contacto/"',
            'href="/comunicacion/suscripciones/"',
            'href="/agenda/"',
        ):
            assert enlace in bloque
    assert (
        'href="/comunicacion/consultas/"' in cabecera and 'href="/comunicacion/consultas/"' in pie
    )
    assert 'href="/agenda/agenda.ics"' in pie


def test_la_portada_anuncia_sus_feeds(client):
    cabeza = client.get("/").content.decode().split("</head>")[0]
    assert (
        'type="application/atom+xml"' in cabeza and 'href="/comunicacion/noticias/atom/"' in cabeza
    )
    assert 'type="application/rss+xml"' in cabeza and 'href="/agenda/feed/"' in cabeza


def test_la_portada_en_cache_se_renueva_al_publicar_un_evento(client, coordinadora):
    assert not desde_cache(client.get("/"))
    assert desde_cache(client.get("/"))
    inicio = timezone.now() + timedelta(days=3)
    evento = srv_eventos.evento_crear(
        usuario=coordinadora,
        datos={
            "titulo": "Lanzamiento recién anunciado",
            "inicio": inicio,
            "fin": inicio + timedelta(hours=2),
            "modalidad": "virtual",
            "enlace_virtual": "https://sala.example.org/lanzamiento",
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "publicado": False,
        },
    )
    oculto = client.get("/")
    assert "Lanzamiento recién anunciado" not in oculto.content.decode()
    assert desde_cache(client.get("/"))
    srv_eventos.evento_actualizar(evento=evento, usuario=coordinadora, datos={"publicado": True})
    nueva = client.get("/")
    assert not desde_cache(nueva) and "Lanzamiento recién anunciado" in nueva.content.decode()
