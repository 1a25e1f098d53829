"""A shared link to a news item shows the item's own picture (og:image on the public address,
with its type and size), and the picture's address works for anyone; an item without one, and
an event, share a card of their own (the default card, the event's generated card)."""

import datetime
import io
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from core.medios import url_medio
from tests.publicados import evento_proximo, noticia_con_imagen

pytestmark = pytest.mark.django_db

PORTAL = "https://pactos.example"


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PORTAL


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content", "")


def _meta(respuesta) -> dict[str, str]:
    lector = _Meta()
    lector.feed(respuesta.content.decode())
    return lector.meta


def _jpeg(ancho: int, alto: int) -> ContentFile:
    salida = io.BytesIO()
    Image.new("RGB", (ancho, alto), (30, 120, 60)).save(salida, format="JPEG")
    return ContentFile(salida.getvalue(), name="feria.jpg")


def test_una_noticia_con_imagen_comparte_su_propia_imagen(client):
    ayer = timezone.now() - datetime.timedelta(days=1)
    noticia = noticia_con_imagen(
        "Feria del cacao en Puerto Quito",
        _jpeg(800, 500),
        imagen_alt="Mesas de cacao en la plaza",
        publicada_en=ayer,
    )
    for _visita in range(2):  # rendered, then served from the public page cache
        meta = _meta(client.get(noticia.get_absolute_url()))
        assert meta["og:image"] == f"{PORTAL}{url_medio(noticia.imagen)}"
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["og:image:type"] == "image/jpeg"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("800", "500")
        assert meta["og:image:alt"] == "Mesas de cacao en la plaza"
    imagen = client.get(meta["og:image"].removeprefix(PORTAL))
    assert imagen.status_code == 200 and imagen["Content-Type"] == "image/jpeg"


def test_una_noticia_sin_imagen_comparte_la_tarjeta_del_portal(client):
    noticia = noticia_con_imagen(
        "Noticia sin foto", None, publicada_en=timezone.now() - datetime.timedelta(hours=2)
    )
    meta = _meta(client.get(noticia.get_absolute_url()))
    assert meta["og:image"].startswith(f"{PORTAL}/static/") and "compartir" in meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:type"] == "image/png"


def test_una_noticia_con_la_imagen_perdida_comparte_la_tarjeta_del_portal(client):
    noticia = noticia_con_imagen(
        "Noticia con la foto perdida",
        _jpeg(40, 30),
        publicada_en=timezone.now() - datetime.timedelta(hours=2),
    )
    noticia.imagen.storage.delete(noticia.imagen.name)
    respuesta = client.get(noticia.get_absolute_url())
    assert respuesta.status_code == 200
    assert "compartir" in _meta(respuesta)["og:image"]


def test_un_evento_comparte_su_tarjeta_generada(client):
    evento = evento_proximo(
        "Encuentro provincial de agroturismo", dentro_de=datetime.timedelta(days=5), publicado=True
    )
    meta = _meta(client.get(evento.get_absolute_url()))
    ruta = f"/eventos/{evento.slug}/tarjeta.png"
    assert meta["og:image"] == f"{PORTAL}{ruta}"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    tarjeta = client.get(ruta)
    assert tarjeta.status_code == 200 and tarjeta["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(tarjeta.content)).size == (1200, 630)
    borrador = evento_proximo("Borrador de evento", dentro_de=datetime.timedelta(days=6))
    assert client.get(f"/eventos/{borrador.slug}/tarjeta.png").status_code == 404
