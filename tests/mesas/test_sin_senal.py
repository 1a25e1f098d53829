"""The session page without signal: its service worker and what the page gives the outbox."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from core.estaticos import PAQUETES
from mesas.sin_senal import MODULOS_WORKBOX

pytestmark = pytest.mark.django_db


def test_el_service_worker_se_sirve_en_la_raiz_sin_cache_y_solo_con_archivos_propios(client):
    respuesta = client.get("/sw.js")
    codigo = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/javascript")
    assert "no-cache" in respuesta["Cache-Control"]
    # everything it loads or precaches is one of the portal's static files, nothing from a CDN
    urls = re.findall(r'"(/static/[^"]+)"', codigo)
    assert "https://" not in codigo.replace("https://storage.googleapis.com", "")
    for url in urls:
        assert finders.find(url.removeprefix("/static/")), url
    for modulo in MODULOS_WORKBOX:
        assert f"/static/vendor/workbox/{modulo}.prod.js" in urls
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", codigo).group(1))
    assert "precaching.precacheAndRoute(PRECACHE," in codigo
    precacheadas = {p["url"] for p in precache}
    # the page's scripts, in the one bundle the page loads (core/estaticos.py, PAQUETES)
    assert "/static/paquetes/sin-senal.js" in precacheadas
    paquete = Path(finders.find("paquetes/sin-senal.js")).read_text("utf-8")
    for activo in ("vendor/htmx/htmx.min.js", "mesas/registro.js", "vendor/idb/idb.umd.js"):
        assert activo in PAQUETES["paquetes/sin-senal.js"]
        assert Path(finders.find(activo)).read_text("utf-8").strip()[:500] in paquete, activo
    assert all(p["revision"] for p in precache)


def test_la_pagina_de_la_sesion_muestra_los_pendientes_y_manda_todo_por_la_bandeja(
    cliente_de, fac_cayambe, sesion_cayambe
):
    html = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert 'id="pendientes"' in html and "0 pendientes de enviar" in html
    assert f'data-sesion="{sesion_cayambe.pk}"' in html
    assert 'data-bandeja="cierre"' in html
    assert html.count("data-borrador=") == 7  # every record form of the page
    assert 'data-sw="/sw.js"' in html
    assert 'id="aviso-conexion"' not in html


def test_mis_mesas_deja_sus_sesiones_disponibles_sin_senal(cliente_de, fac_cayambe, sesion_cayambe):
    html = cliente_de(fac_cayambe).get("/mesas/mis-mesas/").content.decode()
    assert "data-sin-senal" in html and 'data-sw="/sw.js"' in html
    assert f"/mesas/sesion/{sesion_cayambe.pk}/" in html


def test_todo_lo_que_carga_la_pagina_de_la_sesion_queda_en_el_telefono(
    client, cliente_de, fac_cayambe, sesion_cayambe
):
    """A script, style sheet, font or image the session page loads and the worker does not
    precache would be missing after a reload without signal."""
    html = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    cargados = set(re.findall(r'(?:src|href)="(/static/[^"?#]+)', html))
    codigo = client.get("/sw.js").content.decode()
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", codigo).group(1))
    assert cargados and cargados <= {p["url"] for p in precache}
