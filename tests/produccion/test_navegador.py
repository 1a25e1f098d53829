"""In a real browser over HTTPS with the production settings (secure cookies, CSP, HSTS, the
static files of collectstatic): a coordinator logs in and her pages work, a visitor's pages draw
without a blocked script or a missing file."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def contexto(browser, stack):
    contexto = browser.new_context(ignore_https_errors=True, base_url=stack.url, locale="es-EC")
    yield contexto
    contexto.close()


def _problemas(pagina):
    problemas = []
    pagina.on("console", lambda m: m.type == "error" and problemas.append(f"consola: {m.text}"))
    pagina.on("pageerror", lambda e: problemas.append(f"error: {e}"))
    pagina.on(
        "response",
        lambda r: r.status >= 400 and problemas.append(f"{r.status} {r.url}"),
    )
    return problemas


def test_visitante_ve_las_paginas_publicas_completas(contexto):
    pagina = contexto.new_page()
    problemas = _problemas(pagina)
    for ruta in ("/", "/mesas/", "/pactos/", "/eventos/", "/comunicacion/noticias/"):
        pagina.goto(ruta, wait_until="networkidle")
        assert pagina.locator("link[rel=stylesheet]").count(), f"{ruta} sin hojas de estilo"
    assert not problemas, "\n".join(problemas)


def test_coordinadora_entra_por_https_y_trabaja(contexto, stack):
    pagina = contexto.new_page()
    problemas = _problemas(pagina)
    pagina.goto("/cuentas/login/?next=/pactos/hoja-de-ruta/informes/")
    pagina.fill("input[name=username]", "coordinadora")
    pagina.fill("input[name=password]", stack.demo_password)
    pagina.press("input[name=password]", "Enter")
    pagina.wait_for_url(re.compile(r"/pactos/hoja-de-ruta/informes/$"))
    galletas = {c["name"]: c for c in contexto.cookies()}
    assert galletas["sessionid"]["secure"], "la cookie de sesión no es Secure"
    for ruta in ("/panel/", "/actores/", "/mesas/", "/eventos/"):
        respuesta = pagina.goto(ruta, wait_until="networkidle")
        assert respuesta.status == 200, f"{ruta}: {respuesta.status}"
    assert not problemas, "\n".join(problemas)
