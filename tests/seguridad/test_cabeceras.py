"""Security headers on every page: CSP (Django's own), HSTS, frames, referrer, permissions."""

import pytest

pytestmark = pytest.mark.django_db


def test_una_pagina_publica_lleva_todas_las_cabeceras(client):
    r = client.get("/")
    assert r.status_code == 200
    csp = r["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp and "'unsafe-inline'" not in csp
    script = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe" not in script and "*" not in script  # only our files, or the page's nonce
    assert r["X-Frame-Options"] == "DENY"
    assert r["Referrer-Policy"] == "same-origin"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Cross-Origin-Opener-Policy"] == "same-origin"
    politica = r["Permissions-Policy"]
    for funcion in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert funcion in politica


def test_las_paginas_de_error_y_la_api_tambien(client):
    for url in ("/no-existe/", "/api/v1/cantones/"):
        r = client.get(url)
        assert "Permissions-Policy" in r and "Content-Security-Policy" in r, url
        assert r["X-Frame-Options"] == "DENY", url


def test_hsts_en_produccion(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    r = client.get("/", secure=True)
    assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Strict-Transport-Security" not in client.get("/")  # never over plain HTTP


def test_settings_de_produccion_activan_hsts_y_cookies_seguras(monkeypatch):
    import importlib

    import config.settings as modulo

    monkeypatch.setenv("DJANGO_DEBUG", "0")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "pactos.example.org")
    monkeypatch.setenv("PORTAL_URL", "https://pactos.example.org")
    try:
        produccion = importlib.reload(modulo)
        assert produccion.SECURE_HSTS_SECONDS >= 31536000
        assert produccion.SECURE_SSL_REDIRECT and produccion.SESSION_COOKIE_SECURE
        assert produccion.CSRF_COOKIE_SECURE
        assert "core.seguridad.CabecerasSeguridadMiddleware" in produccion.MIDDLEWARE
    finally:
        monkeypatch.undo()
        importlib.reload(modulo)
