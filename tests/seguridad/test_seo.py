"""Findable and shareable: robots.txt, sitemap.xml, icons, the tags a shared link shows, the
accessibility statement and the privacy notice; on the security scenario (drafts included)."""

import io
import urllib.robotparser
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from core.enlaces import url_absoluta

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _con_paquete() -> dict:
    """No kwargs; the open-data bundle built first, so its page has a date to show."""
    from datos.models import PaqueteDatos
    from datos.services import paquete_construir

    if not PaqueteDatos.objects.exists():
        paquete_construir()
    return {}


def _consulta(o) -> int:
    from comunicacion.models import Consulta

    return Consulta.objects.order_by("pk").values_list("pk", flat=True).first()


# One page of each public kind: (URL name, kwargs from the scenario, a word its og:title holds).
PAGINAS = [
    ("inicio", lambda o: {}, "turismo"),  # a shared home says what the programme is
    ("mesas:mesa", lambda o: {"slug": o.mesa.slug}, None),
    (
        "mesas:sesion_publica",
        lambda o: {"slug": o.mesa.slug, "numero": o.sesion_publicada.numero},
        "Sesión",
    ),
    ("pactos:pacto_publico", lambda o: {"slug": o.pacto.slug}, None),
    (
        "pactos:compromiso_publico",
        lambda o: {"slug": o.pacto.slug, "numero": o.compromiso.numero},
        None,
    ),
    ("eventos:detalle", lambda o: {"slug": o.otro_evento.slug}, None),
    ("comunicacion:noticia", lambda o: {"slug": o.noticia.slug}, None),
    ("sie:indicador", lambda o: {"codigo": o.indicador.codigo}, None),
    ("sie:canton", lambda o: {"codigo": o.canton.codigo}, None),
    ("comunicacion:consultas", lambda o: {}, "Consultas"),
    ("comunicacion:consulta", lambda o: {"pk": _consulta(o)}, None),
    ("agenda:lista", lambda o: {}, "Agenda"),
    ("datos:inicio", lambda o: _con_paquete(), "datos"),
    ("core:buscar", lambda o: {}, None),
    ("core:accesibilidad", lambda o: {}, "accesibilidad"),
    ("core:privacidad", lambda o: {}, "privacidad"),
]

# Content pages: each says when its content last changed.
CON_FECHA = {
    "inicio",
    "agenda:lista",
    "comunicacion:consulta",
    "datos:inicio",
    "mesas:mesa",
    "mesas:sesion_publica",
    "pactos:pacto_publico",
    "pactos:compromiso_publico",
    "eventos:detalle",
    "comunicacion:noticia",
    "sie:indicador",
    "sie:canton",
    "core:accesibilidad",
    "core:privacidad",
}


class _Cabeza(HTMLParser):
    """The <meta> and <link> tags of a page, and the links of its footer."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.enlaces: list[dict] = []
        self.pie: list[str] = []
        self._en_pie = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("property") or a.get("name") or ""] = a.get("content", "")
        elif tag == "link":
            self.enlaces.append(a)
        elif tag == "footer":
            self._en_pie = True
        elif tag == "a" and self._en_pie:
            self.pie.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "footer":
            self._en_pie = False


def _cabeza(respuesta) -> _Cabeza:
    lector = _Cabeza()
    lector.feed(respuesta.content.decode())
    return lector


@pytest.mark.parametrize(("nombre", "kwargs", "palabra"), PAGINAS, ids=[p[0] for p in PAGINAS])
def test_cada_clase_de_pagina_publica_dice_que_es_al_compartirla(
    client, escenario, nombre, kwargs, palabra
):
    ruta = reverse(nombre, kwargs=kwargs(escenario))
    respuesta = client.get(ruta)
    assert respuesta.status_code == 200
    cabeza = _cabeza(respuesta)
    meta = cabeza.meta
    for clave in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
        assert meta.get(clave), f"{nombre}: falta {clave}"
    if palabra:
        assert palabra.lower() in meta["og:title"].lower()
    assert meta["og:description"] == meta["description"]
    assert meta["og:image"].startswith(url_absoluta("/"))
    assert meta["og:url"] == url_absoluta(ruta)
    canonica = [e["href"] for e in cabeza.enlaces if e.get("rel") == "canonical"]
    assert canonica == [url_absoluta(ruta)]
    idiomas = {e["hreflang"]: e["href"] for e in cabeza.enlaces if e.get("hreflang")}
    assert idiomas == {
        "es": url_absoluta(ruta),
        "en": url_absoluta("/en" + ruta),
        "x-default": url_absoluta(ruta),
    }
    if nombre in CON_FECHA:
        assert "Actualizado el" in respuesta.content.decode()
    # Both legal pages are linked from every page's footer.
    assert reverse("core:privacidad") in cabeza.pie
    assert reverse("core:accesibilidad") in cabeza.pie


def test_cada_objeto_tiene_su_propia_descripcion(client, escenario):
    descripciones = {
        _cabeza(client.get(reverse(nombre, kwargs=kwargs(escenario)))).meta["description"]
        for nombre, kwargs, _p in PAGINAS
    }
    assert len(descripciones) == len(PAGINAS)


def test_sitemap_lista_lo_publicado_en_ambos_idiomas_y_nunca_un_borrador(client, escenario):
    respuesta = client.get("/sitemap.xml")
    assert respuesta.status_code == 200
    raiz = ET.fromstring(respuesta.content)
    urls = {u.findtext("s:loc", namespaces=NS): u for u in raiz.findall("s:url", NS)}
    publicado = url_absoluta(escenario.pacto.get_public_url())
    assert publicado in urls
    assert urls[publicado].findtext("s:lastmod", namespaces=NS)
    with translation.override("en"):
        assert url_absoluta(escenario.pacto.get_public_url()) in urls
    alternos = {
        a.get("hreflang")
        for a in urls[publicado].findall("x:link", NS)
        if a.get("rel") == "alternate"
    }
    assert alternos == {"es", "en", "x-default"}
    for esperado in (
        escenario.sesion_publicada.get_public_url(),
        escenario.noticia.get_absolute_url(),
        escenario.otro_evento.get_absolute_url(),
        escenario.indicador.get_absolute_url(),
        escenario.canton.get_absolute_url(),
        reverse("core:privacidad"),
    ):
        assert url_absoluta(esperado) in urls
    borrador = reverse("pactos:pacto_publico", kwargs={"slug": escenario.pacto_borrador.slug})
    assert url_absoluta(borrador) not in urls
    assert url_absoluta(escenario.sesion_ajena.get_public_url()) not in urls
    assert url_absoluta(escenario.noticia_borrador.get_absolute_url()) not in urls
    assert url_absoluta(escenario.evento_borrador.get_absolute_url()) not in urls
    assert "Secreto" not in respuesta.content.decode()


def test_robots_cierra_las_areas_del_personal_y_senala_el_sitemap(client, escenario):
    respuesta = client.get("/robots.txt")
    assert respuesta.status_code == 200
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(respuesta.content.decode().splitlines())
    assert robots.site_maps() == [url_absoluta("/sitemap.xml")]
    for privada in ("/admin/", "/en/pactos/gestion/1/", "/sie/gestion/", "/cuentas/login/"):
        assert not robots.can_fetch("*", url_absoluta(privada)), privada
    for publica in ("/", escenario.pacto.get_public_url(), "/en/mesas/", "/sie/indicadores/"):
        assert robots.can_fetch("*", url_absoluta(publica)), publica


def test_favicon_iconos_y_manifiesto(client, escenario):
    icono = client.get("/favicon.ico")
    assert icono.status_code == 200
    assert Image.open(io.BytesIO(icono.content)).format == "ICO"
    tactil = Image.open(io.BytesIO(client.get("/apple-touch-icon.png").content))
    assert tactil.size == (180, 180)
    manifiesto = client.get("/en/manifest.webmanifest").json()
    assert manifiesto["start_url"] == "/en/"
    assert {i["sizes"] for i in manifiesto["icons"]} >= {"192x192", "512x512"}


@pytest.mark.parametrize(
    ("nombre", "kwargs"),
    [
        ("pactos:pacto_tarjeta", lambda o: {"slug": o.pacto.slug}),
        ("eventos:evento_tarjeta", lambda o: {"slug": o.otro_evento.slug}),
        (
            "mesas:sesion_tarjeta",
            lambda o: {"slug": o.mesa.slug, "numero": o.sesion_publicada.numero},
        ),
    ],
)
def test_tarjeta_para_compartir_es_un_png_de_1200x630(client, escenario, nombre, kwargs):
    respuesta = client.get(reverse(nombre, kwargs=kwargs(escenario)))
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "image/png"
    imagen = Image.open(io.BytesIO(respuesta.content))
    assert (imagen.format, imagen.size) == ("PNG", (1200, 630))


def test_paginas_legales_en_ambos_idiomas(client, escenario):
    for nombre, texto in (
        ("core:accesibilidad", "NTE INEN-ISO/IEC 40500"),
        ("core:privacidad", "Protección de Datos Personales"),
    ):
        with translation.override("es"):  # the English request before left English active
            assert texto in client.get(reverse(nombre)).content.decode()
        with translation.override("en"):
            ruta = reverse(nombre)
        respuesta = client.get(ruta)
        assert ruta.startswith("/en/")
        assert respuesta.status_code == 200
        assert '<html lang="en">' in respuesta.content.decode()


def test_toda_pagina_publica_en_html_dice_que_es_al_compartirla(client, escenario):
    """Beyond one page of each kind above: every HTML page the security matrix opens to an
    anonymous visitor carries the tags a shared link shows (the API's pages and the health
    check, a status page for machines, aside)."""
    from .test_cache_publica import _es_api
    from .test_matriz_urls import MATRIZ

    sin_etiquetas = []
    for fila in MATRIZ:
        if fila.esperado.split()[0] != "200" or _es_api(fila.nombre) or fila.nombre == "salud":
            continue
        url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
        respuesta = client.get(url)
        if not respuesta.get("Content-Type", "").startswith("text/html"):
            continue
        meta = _cabeza(respuesta).meta
        faltan = [
            clave
            for clave in ("og:title", "og:description", "og:image", "og:url", "twitter:card")
            if not meta.get(clave)
        ]
        if faltan or not meta["og:image"].startswith(url_absoluta("/")):
            sin_etiquetas.append((url, faltan))
    assert not sin_etiquetas
