"""Links in the API, feeds and .ics files are built on PORTAL_URL, not on the request's host.

A request that reaches the portal under another name it accepts (here `localhost`, as a
proxy or an internal health check may) must still get links to the public address: the links
are read by people and programs elsewhere, later.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest

URL = re.compile(r"""https?://[^\s<>"'()\[\]{}\\]+""")
ICS = re.compile(r'href="([^"]+\.ics[^"]*)"')
FEED = re.compile(r'href="([^"]+/(?:rss|atom|feed)/?[^"]*)"')


@pytest.fixture(scope="module")
def fuentes(stack):
    """API lists (from the API root), feeds and .ics files linked from the public pages."""
    visitante = stack.cliente()
    raiz = visitante.get("/api/v1/", cabeceras={"Accept": "application/json"})
    assert raiz.status == 200, f"/api/v1/: {raiz.status}"
    rutas = {urllib.parse.urlsplit(u).path for u in URL.findall(raiz.texto)}
    for pagina in ("/", "/eventos/", "/mesas/", "/comunicacion/noticias/"):
        texto = visitante.get(pagina).texto
        rutas |= {urllib.parse.urlsplit(u).path for u in ICS.findall(texto) + FEED.findall(texto)}
    return sorted(r for r in rutas if r.startswith("/"))


def test_hay_api_feeds_y_calendarios(fuentes):
    for clase in ("/api/v1/", ".ics", "rss"):
        assert any(clase in r for r in fuentes), f"ninguna fuente {clase}: {fuentes}"


def test_los_enlaces_usan_la_direccion_publica_aunque_se_pida_por_otro_nombre(stack, fuentes):
    puerto = urllib.parse.urlsplit(stack.url).port
    otro = f"localhost:{puerto}"
    malos = []
    for ruta in fuentes:
        r = stack.get(ruta, cabeceras={"Host": otro, "Accept": "application/json, */*"})
        if r.status != 200:
            malos.append(f"{r.status} {ruta}")
            continue
        texto = re.sub(r"\r?\n[ \t]", "", r.texto)  # unfold .ics lines
        for enlace in URL.findall(texto):
            host = urllib.parse.urlsplit(enlace).hostname
            if host in ("localhost", "127.0.0.1") and not enlace.startswith(stack.url + "/"):
                malos.append(f"{ruta}: {enlace}")
    assert not malos, (
        f"enlaces que no usan PORTAL_URL={stack.url} (pedido como Host: {otro}):\n"
        + "\n".join(sorted(set(malos))[:40])
    )
