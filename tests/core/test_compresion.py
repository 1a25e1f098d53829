"""Pages travel compressed to a browser that says it accepts brotli or gzip, and only to one that
does."""

import gzip

import brotli
import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from core.compresion import (
    CALIDAD_BROTLI,
    CALIDAD_BROTLI_RED_LENTA,
    CompresionMiddleware,
    brotli_con_relleno,
    compactar_html,
    es_texto,
)
from core.roles import Rol
from tests.factories import ActorFactory, AsistenciaFactory, SesionFactory
from tests.factories.mesas import mesa_de

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}  # what a browser says
SOLO_GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}


@pytest.fixture
def pagina_de_sesion(crear_usuario, cliente_de):
    """The session page as its facilitator opens it, with 40 people present."""
    mesa = mesa_de("turismo-cayambe")
    facilitador = crear_usuario("fac_compresion", Rol.FACILITACION)
    mesa.facilitadores.add(facilitador)
    sesion = SesionFactory(mesa=mesa, dias=0)
    for _ in range(40):
        AsistenciaFactory(sesion=sesion, actor=ActorFactory(persona=True))
    return cliente_de(facilitador), f"/mesas/sesion/{sesion.pk}/"


def _comprimida(respuesta, codificacion: str = "br") -> bytes:
    assert respuesta["Content-Encoding"] == codificacion
    assert "Accept-Encoding" in respuesta["Vary"]
    assert int(respuesta["Content-Length"]) == len(respuesta.content)
    if codificacion == "br":
        return brotli.decompress(respuesta.content)
    return gzip.decompress(respuesta.content)


def test_pagina_de_sesion_del_facilitador_viaja_comprimida(pagina_de_sesion):
    cliente, url = pagina_de_sesion
    sin_comprimir = cliente.get(url)
    comprimida = cliente.get(url, **GZIP)

    assert sin_comprimir.status_code == comprimida.status_code == 200
    html = _comprimida(comprimida)
    assert b'id="seccion-asistencia"' in html
    # The same page (tokens and nonces aside) in under a quarter of the bytes.
    assert abs(len(html) - len(sin_comprimir.content)) < 2_000
    assert len(comprimida.content) < len(html) / 4, (len(comprimida.content), len(html))


def test_paginas_publicas_viajan_comprimidas_tambien_desde_la_cache(client):
    primera = client.get("/", **GZIP)
    segunda = client.get("/", **GZIP)  # served from the public page cache

    assert segunda["X-Pagina-Publica"] == "cache"
    for respuesta in (primera, segunda):
        html = _comprimida(respuesta)
        assert b"Pactos por Pichincha" in html
        assert len(respuesta.content) < len(html) / 3


def test_sin_accept_encoding_la_respuesta_no_se_comprime(client, pagina_de_sesion):
    cliente, url = pagina_de_sesion
    for respuesta in (cliente.get(url), client.get("/mesas/")):
        assert respuesta.status_code == 200
        assert not respuesta.has_header("Content-Encoding")
        assert respuesta.content.lstrip().startswith(b"<!DOCTYPE html>")
        # Caches between the portal and the browser keep the two versions apart.
        assert "Accept-Encoding" in respuesta["Vary"]


def test_un_navegador_sin_brotli_recibe_gzip(pagina_de_sesion):
    cliente, url = pagina_de_sesion
    html = _comprimida(cliente.get(url, **SOLO_GZIP), "gzip")
    assert b'id="seccion-asistencia"' in html
    html = _comprimida(cliente.get(url, HTTP_ACCEPT_ENCODING="gzip, br;q=0"), "gzip")
    assert b'id="seccion-asistencia"' in html


def test_brotli_es_mas_ligero_que_gzip(pagina_de_sesion):
    cliente, url = pagina_de_sesion
    con_brotli = cliente.get(url, **GZIP)
    con_gzip = cliente.get(url, **SOLO_GZIP)
    assert len(con_brotli.content) < len(con_gzip.content) * 0.95


def test_las_paginas_de_la_red_lenta_se_comprimen_mas(pagina_de_sesion, client):
    """The session page and "Mis mesas" (first visit on a slow link) at a higher brotli quality
    than the rest: smaller than the same page at the usual quality, padding included."""
    cliente, url = pagina_de_sesion
    for direccion in (url, "/mesas/mis-mesas/"):
        respuesta = cliente.get(direccion, **GZIP)
        html = _comprimida(respuesta)
        habitual = brotli.compress(html, quality=CALIDAD_BROTLI, mode=brotli.MODE_TEXT)
        assert len(respuesta.content) < len(habitual) - 100, direccion  # padding is ≤ 100 bytes
    # any other page keeps the usual quality: no larger than quality 5 plus its padding
    publica = client.get("/", **GZIP)
    html = _comprimida(publica)
    assert len(publica.content) > len(brotli.compress(html, quality=CALIDAD_BROTLI_RED_LENTA))


def test_cada_respuesta_lleva_relleno_aleatorio_contra_breach(pagina_de_sesion):
    """Django pads the gzip header's file name with 0–99 random bytes, and the portal's brotli a
    metadata block of 1–100 random bytes: the length of a page that holds a token then says
    nothing certain about the token."""
    cliente, url = pagina_de_sesion
    respuesta = cliente.get(url, **SOLO_GZIP)
    assert respuesta.content[3] & gzip.FNAME

    texto = b"<p>csrf=abcdef</p>" * 500
    longitudes = set()
    for _ in range(8):
        comprimido = brotli_con_relleno(texto)
        assert brotli.decompress(comprimido) == texto
        longitudes.add(len(comprimido))
    assert len(longitudes) > 1  # eight equal draws out of 100: never in practice


def test_lo_ya_comprimido_no_se_vuelve_a_comprimir():
    peticion = RequestFactory().get("/", **GZIP)
    pdf = FileResponse(iter([b"%PDF-1.7 " + b"0" * 5_000]), content_type="application/pdf")
    pdf["Content-Length"] = "5009"
    respuesta = CompresionMiddleware(lambda r: pdf)(peticion)
    assert not respuesta.has_header("Content-Encoding")
    assert respuesta["Content-Length"] == "5009"  # the download keeps its progress bar

    csv = HttpResponse("canton;total\n" * 400, content_type="text/csv; charset=utf-8")
    assert CompresionMiddleware(lambda r: csv)(peticion)["Content-Encoding"] == "br"


@pytest.mark.parametrize(
    ("tipo", "texto"),
    [
        ("text/html; charset=utf-8", True),
        ("application/json", True),
        ("application/vnd.oai.openapi+json", True),
        ("application/rss+xml; charset=utf-8", True),
        ("text/calendar", True),
        ("image/svg+xml", True),
        ("application/pdf", False),
        ("image/jpeg", False),
        ("font/woff2", False),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
        ("", False),
    ],
)
def test_que_tipos_se_comprimen(tipo, texto):
    assert es_texto(tipo) is texto


def test_el_html_pierde_la_sangria_de_las_plantillas_y_nada_mas():
    html = (
        b'<div class="card">\n      <p\n         class="mensaje-texto">Primera l\xc3\xadnea\n\n'
        b"   segunda</p>\n    <textarea name=t>\n  uno\n    dos</textarea>\n  <pre>\n  a</pre>\n"
        b"  <script>\n    const x = `\n  y`;</script>\n</div>"
    )
    assert compactar_html(html) == (
        b'<div class="card">\n<p\nclass="mensaje-texto">Primera l\xc3\xadnea\n\n'
        b"segunda</p>\n<textarea name=t>\n  uno\n    dos</textarea>\n<pre>\n  a</pre>\n"
        b"<script>\n    const x = `\n  y`;</script>\n</div>"
    )


def test_la_pagina_de_sesion_llega_sin_sangria_aun_sin_compresion(pagina_de_sesion):
    cliente, url = pagina_de_sesion
    respuesta = cliente.get(url)
    assert not respuesta.has_header("Content-Encoding")
    assert b"\n  <" not in respuesta.content and b'id="seccion-asistencia"' in respuesta.content
    assert int(respuesta["Content-Length"]) == len(respuesta.content)
