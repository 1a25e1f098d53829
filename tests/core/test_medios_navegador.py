"""In a browser, on a phone: a news item's picture and the speakers' photos of an event render,
and a draft's picture is not there for a visitor who guesses its address.

Not on pytest-django's live_server: Django's test server answers MEDIA_URL itself, straight
from MEDIA_ROOT (django.test.testcases._MediaFilesHandler), so nothing of the portal's rule
would be tried. The portal's WSGI application is served here as gunicorn serves it, through the
whole middleware and URL conf (DEBUG is off in tests, as in production).
"""

import datetime
import os
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.utils import timezone

from core.demo_archivos import imagen_demo, retrato_demo
from core.medios import url_medio
from eventos.models import Ponente
from tests.publicados import evento_proximo, noticia_con_imagen

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CAPTURAS = os.environ.get("CAPTURAS_DIR", "")
TELEFONO = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def publicados(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    noticia = noticia_con_imagen(
        "Feria del cacao en Puerto Quito",
        imagen_demo("feria.png", "Feria del cacao"),
        slug="feria-del-cacao",
        resumen="Productores del noroccidente muestran su cacao fino de aroma.",
        cuerpo="La feria reunió a **doce asociaciones**.",
        imagen_alt="Cartel de la feria del cacao",
        publicada_en=timezone.now() - datetime.timedelta(hours=2),
    )
    borrador = noticia_con_imagen("Borrador", imagen_demo("borrador.png", "Borrador"))
    evento = evento_proximo(
        "Lanzamiento del programa",
        dentro_de=datetime.timedelta(days=7),
        slug="lanzamiento",
        publicado=True,
        institucion_organizadora="Gobierno Provincial de Pichincha",
    )
    for orden, nombre in enumerate(["Rosa Tipán", "Carlos Andrango"]):
        Ponente.objects.create(
            evento=evento,
            nombre=nombre,
            cargo="Ponente",
            orden=orden,
            foto=retrato_demo(f"ponente-{orden}.png", nombre[:1] + nombre.split()[1][:1]),
        )
    return noticia, borrador, evento


class _Silencioso(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def portal():
    """The portal's WSGI app on a free loopback port, for the length of one test."""
    servidor = ThreadedWSGIServer(("127.0.0.1", 0), _Silencioso, allow_reuse_address=False)
    servidor.set_app(get_wsgi_application())
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    yield f"http://127.0.0.1:{servidor.server_port}"
    servidor.shutdown()
    servidor.server_close()
    hilo.join(timeout=10)
    connections.close_all()


def _anchos(page, selector: str) -> list[int]:
    page.wait_for_load_state("load")
    return page.eval_on_selector_all(
        selector, "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)"
    )


def test_las_imagenes_publicas_se_ven_en_el_telefono(browser, portal, publicados):
    noticia, borrador, evento = publicados
    contexto = browser.new_context(**TELEFONO)
    page = contexto.new_page()
    fallidas = []
    page.on("response", lambda r: fallidas.append(r.url) if r.status >= 400 else None)

    page.goto(portal + noticia.get_absolute_url())
    assert _anchos(page, "img.noticia-imagen") == [640]
    if CAPTURAS:
        page.screenshot(path=os.path.join(CAPTURAS, "medios-noticia.png"), full_page=True)

    page.goto(portal + "/comunicacion/noticias/")
    assert _anchos(page, f'img[src="{url_medio(noticia.imagen)}"]') == [640]

    page.goto(portal + evento.get_absolute_url())
    assert _anchos(page, "img.foto-ponente") == [240, 240]
    if CAPTURAS:
        page.screenshot(path=os.path.join(CAPTURAS, "medios-evento.png"), full_page=True)
    assert fallidas == []

    respuesta = page.goto(portal + url_medio(borrador.imagen))
    assert respuesta.status == 404
    contexto.close()
