"""Uploaded public files load over HTTPS with DJANGO_DEBUG=0; private ones stay private.

The uploads are found as a visitor finds them: in the HTML of the public pages (img src, and
links to the media URL), never from a list of paths.
"""

from __future__ import annotations

import html
import re

import pytest

PAGINAS = ["/", "/comunicacion/noticias/", "/eventos/", "/pactos/", "/mesas/"]
DETALLES = re.compile(
    r'href="(/(?:comunicacion/noticias|eventos|pactos/ver)/[\w-]+/(?:compromisos/\d+/)?)"'
)
IMG = re.compile(r'<img[^>]+src="([^"]+)"')
ENLACE = re.compile(r'href="([^"]+)"')


def _es_subida(url: str, media_url: str) -> bool:
    """An image that is not the portal's own static file: an upload, wherever it is served."""
    if url.startswith(media_url):
        return True
    return not url.startswith(("data:", "/static/", "http://", "https://", "//"))


@pytest.fixture(scope="module")
def media_url(stack):
    return stack.consulta("from django.conf import settings\nresultado = settings.MEDIA_URL")


@pytest.fixture(scope="module")
def subidas(stack, media_url):
    """{url: page} of every upload referenced by the public pages and their details."""
    visitante = stack.cliente()
    paginas, vistas = list(PAGINAS), set()
    imagenes, archivos = {}, {}
    while paginas and len(vistas) < 60:
        ruta = paginas.pop(0)
        if ruta in vistas:
            continue
        vistas.add(ruta)
        respuesta = visitante.get(ruta)
        if respuesta.status != 200 or "html" not in respuesta.tipo:
            continue
        texto = respuesta.texto
        for src in IMG.findall(texto):
            src = html.unescape(src)
            if _es_subida(src, media_url):
                imagenes.setdefault(src, ruta)
        for href in ENLACE.findall(texto):
            href = html.unescape(href)
            if href.startswith(media_url):
                archivos.setdefault(href, ruta)
        if ruta in PAGINAS or ruta.startswith("/pactos/ver/"):
            paginas += [d for d in DETALLES.findall(texto) if d not in vistas][:8]
    return {"imagenes": imagenes, "archivos": archivos}


def test_hay_imagenes_subidas_en_las_paginas_publicas(subidas):
    assert subidas["imagenes"], "ninguna página pública muestra una imagen subida"


def test_cada_imagen_subida_carga(stack, subidas):
    rotas = []
    for url, pagina in subidas["imagenes"].items():
        r = stack.get(url)
        if r.status != 200 or not r.body or not r.tipo.startswith("image/"):
            rotas.append(f"{r.status} {r.tipo or '-'} {len(r.body)} B {url} (en {pagina})")
    assert not rotas, "imágenes subidas que no cargan:\n" + "\n".join(rotas)


def test_cada_archivo_publico_enlazado_carga(stack, subidas):
    assert subidas["archivos"], (
        "ninguna página pública enlaza un archivo subido (copia firmada de un pacto publicado, "
        "evidencia de un compromiso)"
    )
    rotos = []
    for url, pagina in subidas["archivos"].items():
        r = stack.get(url)
        if r.status != 200 or not r.body:
            rotos.append(f"{r.status} {len(r.body)} B {url} (en {pagina})")
    assert not rotos, "archivos subidos enlazados que no cargan:\n" + "\n".join(rotos)


PRIVADOS = """
from django.core.files.storage import default_storage
from actores.models import Importacion
from core.models import Documento
resultado = []
for modelo, campo in ((Documento, "archivo"), (Importacion, "archivo")):
    for nombre in modelo.objects.exclude(**{campo: ""}).values_list(campo, flat=True)[:3]:
        resultado.append(default_storage.url(nombre))
"""


def test_un_archivo_privado_no_se_abre_sin_permiso(stack):
    privados = stack.consulta(PRIVADOS)
    assert privados, "la demostración no tiene archivos privados (documentos generados)"
    abiertos = []
    for url in privados:
        r = stack.get(url, seguir=False)
        if r.status == 200:
            abiertos.append(url)
    assert not abiertos, f"archivos privados que se abren sin sesión: {abiertos}"


EVIDENCIA_PRIVADA = """
from pactos.models import Actividad
actividad = Actividad.objects.exclude(evidencia_archivo="").order_by("pk").first()
resultado = actividad.evidencia_archivo.url if actividad else None
"""


def test_la_evidencia_de_la_hoja_de_ruta_solo_la_abre_el_personal(stack):
    """A roadmap activity's evidence is private: 404 for a visitor, the file for a coordinator."""
    url = stack.consulta(EVIDENCIA_PRIVADA)
    assert url, "la demostración no tiene evidencias en la hoja de ruta"
    assert stack.get(url, seguir=False).status == 404
    coordinadora = stack.cliente()
    coordinadora.entrar("coordinadora", stack.demo_password)
    r = coordinadora.get(url, seguir=False)
    assert r.status == 200 and r.body, f"la coordinadora no abre la evidencia ({r.status})"
