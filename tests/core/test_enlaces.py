"""Issue 14, item 1: the portal's public address (PORTAL_URL) is the one base of every link that
leaves it; the request's host never leaks into an e-mail, a feed or an API field. Item 9 (the
client's address behind a proxy) is tested in test_red.py."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail

from core.enlaces import url_absoluta, url_base, url_de, url_en_portal
from tests._enlaces import PUBLICA, comprobar, urls_del_correo

RAIZ = Path(__file__).resolve().parents[2]
OTRO_HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PUBLICA


def test_las_ayudas_construyen_sobre_la_direccion_publica(settings):
    settings.PORTAL_URL = PUBLICA + "/"
    assert url_base() == PUBLICA
    assert url_absoluta("/mesas/") == f"{PUBLICA}/mesas/"
    assert url_absoluta("mesas/") == f"{PUBLICA}/mesas/"
    assert url_absoluta("https://otro.example/x") == "https://otro.example/x"
    assert url_de("mesas:mesa", slug="turismo-cayambe") == f"{PUBLICA}/mesas/turismo-cayambe/"
    assert url_de("comunicacion:suscripcion_baja", "abc") == (
        f"{PUBLICA}/comunicacion/suscripciones/baja/abc/"
    )
    assert url_en_portal("http://10.0.0.5:8000/api/v1/pactos/?page=2") == (
        f"{PUBLICA}/api/v1/pactos/?page=2"
    )
    assert url_en_portal(None) is None


def test_ninguna_copia_privada_de_la_direccion_publica():
    """One helper builds every absolute link: no app reads PORTAL_URL or asks the request."""
    apps = ["core", "sie", "actores", "mesas", "pactos", "eventos", "comunicacion"]
    salida = subprocess.run(
        ["grep", "-rnE", "PORTAL_URL|build_absolute_uri|get_current_site|localhost:8000", *apps],
        cwd=RAIZ,
        capture_output=True,
        text=True,
    ).stdout
    lineas = [
        linea
        for linea in salida.splitlines()
        if not linea.startswith("core/enlaces.py:") and "/locale/" not in linea
    ]
    assert lineas == []


@pytest.mark.django_db
def test_restablecer_la_clave_enlaza_la_direccion_publica(client, coordinadora):
    client.post("/cuentas/clave/restablecer/", {"email": "coord@example.org"}, **OTRO_HOST)
    (correo,) = mail.outbox
    urls = urls_del_correo(correo)
    assert len(urls) == 1 and "/cuentas/clave/" in urls[0]
    comprobar(urls, cliente=client, abrir=("/cuentas/clave/",))
    # Its id names the portal too, not the machine that sent it ("…@localhost" before).
    assert correo.message()["Message-ID"].endswith(f"@{urlsplit(PUBLICA).hostname}>")


def test_cada_correo_del_portal_lleva_un_id_con_su_direccion_publica():
    from core.correo import correo_componer

    correo = correo_componer(
        para="ana@example.org",
        plantilla="cuentas/email/clave_restablecer",
        contexto={"url_base": PUBLICA, "uid": "x", "token": "y", "user": None},
    )
    ids = {correo.message()["Message-ID"] for _ in range(2)}
    assert all(i.endswith(f"@{urlsplit(PUBLICA).hostname}>") for i in ids)


@pytest.mark.django_db
def test_api_de_territorio_e_indicadores_y_paginas_siguientes(client):
    cantones = client.get("/api/v1/cantones/", **OTRO_HOST).json()
    comprobar([c["url"] for c in cantones], cliente=client, abrir=("/sie/",))
    indicadores = client.get("/api/v1/indicadores/", **OTRO_HOST).json()
    if indicadores:
        comprobar([i["mediciones"] for i in indicadores])

    # The next-page link of a paginated list opens the public address too.
    pagina = client.get("/api/v1/mesas/", **OTRO_HOST).json()
    comprobar([m["url"] for m in pagina], cliente=client, abrir=("/mesas/",))
    actores = client.get("/api/v1/sesiones/?page_size=1", **OTRO_HOST).json()
    assert actores["next"] is None or actores["next"].startswith(PUBLICA + "/")


@pytest.mark.django_db
def test_el_enlace_a_la_pagina_siguiente_no_usa_el_host_de_la_peticion(rf):
    from rest_framework.request import Request

    from core.api import Paginacion

    paginacion = Paginacion()
    paginacion.page_size = 2
    peticion = Request(rf.get("/api/v1/cantones/", **OTRO_HOST))
    pagina = paginacion.paginate_queryset(list(range(5)), peticion)
    assert pagina == [0, 1]
    assert paginacion.get_next_link() == f"{PUBLICA}/api/v1/cantones/?page=2"
    paginacion.paginate_queryset(list(range(5)), Request(rf.get("/api/v1/cantones/?page=3")))
    assert paginacion.get_previous_link() == f"{PUBLICA}/api/v1/cantones/?page=2"


def _ajustes(**env) -> dict:
    entorno = {**os.environ, "DJANGO_SECRET_KEY": "x" * 60, **env}
    entorno.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for nombre, valor in env.items():
        if valor is None:
            entorno.pop(nombre)
    codigo = (
        "import json; from django.conf import settings; print(json.dumps("
        "{'hosts': settings.ALLOWED_HOSTS, 'origenes': settings.CSRF_TRUSTED_ORIGINS}))"
    )
    r = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", codigo],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    import json

    return json.loads(r.stdout.strip().splitlines()[-1])


def test_produccion_deduce_host_y_origen_de_la_direccion_publica():
    ajustes = _ajustes(
        DJANGO_DEBUG="0",
        PORTAL_URL="https://pactos.pichincha.gob.ec",
        DJANGO_ALLOWED_HOSTS=None,
        DJANGO_CSRF_TRUSTED_ORIGINS=None,
    )
    assert ajustes["hosts"] == ["pactos.pichincha.gob.ec"]
    assert ajustes["origenes"] == ["https://pactos.pichincha.gob.ec"]


def test_las_variables_explicitas_ganan():
    ajustes = _ajustes(
        DJANGO_DEBUG="0",
        PORTAL_URL="https://pactos.pichincha.gob.ec",
        DJANGO_ALLOWED_HOSTS="interno.example,pactos.pichincha.gob.ec",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://otro.example",
    )
    assert ajustes["hosts"] == ["interno.example", "pactos.pichincha.gob.ec"]
    assert ajustes["origenes"] == ["https://otro.example", "https://pactos.pichincha.gob.ec"]
