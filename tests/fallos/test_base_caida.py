"""PostgreSQL unavailable, for real (psycopg2 connecting to a port): refused, or a host that
accepts and never answers. Every page is a Spanish 503 with Retry-After, never a traceback, and
the silent host costs the connect timeout, not the whole request timeout.

tests/core/test_fallos.py covers the same page with the connection mocked; here nothing is.
"""

import contextlib
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse

from tests.conftest import requiere_servicio

PAGINAS = ["/", "/sie/cantones/", "/mesas/", "/pactos/"]


@contextlib.contextmanager
def base_de_datos_en(puerto: int, *, connect_timeout: int | None = None):
    """The default database is 127.0.0.1:puerto for the block, in every thread, then comes back.

    The settings dict is shared by the connections of all threads (async views run their
    database work in other threads), so it is changed in place.
    """
    datos = connections.settings["default"]
    anterior = {**datos, "OPTIONS": {**datos.get("OPTIONS", {})}}
    connections.close_all()
    datos.update(HOST="127.0.0.1", PORT=str(puerto))
    if connect_timeout is not None:
        datos["OPTIONS"]["connect_timeout"] = connect_timeout
    try:
        yield
    finally:
        connections.close_all()
        datos.clear()
        datos.update(anterior)


@contextlib.contextmanager
def servidor_mudo():
    """A TCP server that accepts connections and never says a word (a hung database host)."""
    escucha = socket.socket()
    escucha.bind(("127.0.0.1", 0))
    escucha.listen(16)
    aceptadas = []
    parar = threading.Event()

    def aceptar():
        escucha.settimeout(0.2)
        while not parar.is_set():
            with contextlib.suppress(OSError):
                aceptadas.append(escucha.accept()[0])

    hilo = threading.Thread(target=aceptar, daemon=True)
    hilo.start()
    try:
        yield escucha.getsockname()[1]
    finally:
        parar.set()
        hilo.join()
        for s in [escucha, *aceptadas]:
            s.close()


def puerto_cerrado() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def comprobar_503(respuesta):
    assert respuesta.status_code == 503, respuesta.content[:500]
    assert respuesta["Retry-After"] == "60"
    html = respuesta.content.decode()
    assert '<html lang="es">' in html
    assert "El portal no está disponible en este momento" in html
    assert "No se perdió nada de lo que ya estaba guardado" in html
    for detalle in ("Traceback", "OperationalError", "psycopg", "127.0.0.1", "connection"):
        assert detalle not in html


@pytest.fixture
def postgresql(django_db_blocker):
    requiere_servicio("PostgreSQL (DATABASE_URL)", connections["default"].vendor == "postgresql")
    with django_db_blocker.unblock():
        yield


def test_el_tiempo_de_conexion_esta_acotado():
    if connections["default"].vendor != "postgresql":
        pytest.skip("solo PostgreSQL")
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5


def test_postgresql_rechaza_la_conexion_cada_pagina_es_un_503_en_espanol(postgresql):
    cliente = Client(raise_request_exception=False)
    with base_de_datos_en(puerto_cerrado()):
        for pagina in PAGINAS:
            comprobar_503(cliente.get(pagina))
        # A visitor with a session cookie: the session store itself is the database.
        cliente.cookies["sessionid"] = "x" * 32
        comprobar_503(cliente.get("/panel/"))
        comprobar_503(cliente.post(reverse("cuentas:login"), {"username": "a", "password": "b"}))
        # /health/ is an async view (django-health-check): the sync test client runs it with
        # async_to_sync, which refuses a thread with a running event loop, and Playwright's sync
        # API leaves one on the main thread once browser tests have run in this process. A
        # WSGI worker thread never has one, so the request is made from a fresh thread.
        with ThreadPoolExecutor(max_workers=1) as hilo:
            salud = hilo.submit(cliente.get, "/health/?format=json").result()
        assert salud.status_code == 503 and salud.json()["database"] != "OK"


def test_postgresql_no_responde_el_503_llega_al_vencer_el_tiempo_de_conexion(postgresql):
    cliente = Client(raise_request_exception=False)
    with servidor_mudo() as puerto, base_de_datos_en(puerto, connect_timeout=2):
        inicio = time.monotonic()
        respuesta = cliente.get("/sie/cantones/")
        duracion = time.monotonic() - inicio
    comprobar_503(respuesta)
    assert 1.5 < duracion < 10, f"la página tardó {duracion:.1f} s"
