"""Shared fixtures: users per role, real services, Debian's chromium for Playwright."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from core.roles import Rol

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def pytest_configure(config):
    # Browser tests drive a live server from an event loop thread (see ../shared/TOOLCHAIN.md).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if REQUIRE_SERVICES:
        db_url = os.environ.get("DATABASE_URL", "")
        if not db_url.startswith(("postgres://", "postgresql://")):
            raise pytest.UsageError("REQUIRE_SERVICES=1 necesita DATABASE_URL hacia PostgreSQL.")
        if not os.environ.get("REDIS_URL"):
            raise pytest.UsageError("REQUIRE_SERVICES=1 necesita REDIS_URL.")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The tests of tests/produccion run together, after the others: pytest groups the tests of
    the parametrized `browser` fixture ([chromium]), which took test_navegador away from the rest
    of its package, so the package's production-like stack was started, stopped and started
    again (the second start: 269 s of a 55-minute run on the loaded machine)."""
    carpeta = Path(__file__).parent / "produccion"
    produccion = [item for item in items if Path(str(item.path)).is_relative_to(carpeta)]
    if produccion:
        aparte = set(produccion)
        items[:] = [item for item in items if item not in aparte] + produccion


def pytest_collection_finish(session):
    """The stack of tests/produccion starts at the end of the run: its collectstatic starts now,
    in the background at the lowest priority (tests/estaticos_de_produccion.py)."""
    from tests import estaticos_de_produccion

    carpeta = Path(__file__).parent / "produccion"
    if not os.environ.get("PRODUCCION_ESTADO") and any(
        Path(str(item.path)).is_relative_to(carpeta) for item in session.items
    ):
        estaticos_de_produccion.empezar()


def pytest_sessionfinish(session):
    from tests import estaticos_de_produccion

    estaticos_de_produccion.parar()


@pytest.fixture(autouse=True)
def _idioma_por_defecto():
    """Every test starts and ends in Spanish: a request to /en/... leaves English active in the
    thread, which changed the text later tests of the same process compared against."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def pasarela_de_registro(settings):
    """SMS and WhatsApp through the gateway that keeps what it would send (canales' `registro`),
    Kannel's secret of tests/mensajes_de_texto.py, the portal at its public address."""
    from canales.pasarelas import _INSTANCIAS
    from canales.pasarelas.registro import ENVIADOS
    from tests.mensajes_de_texto import CLAVE

    settings.CANALES_PASARELA_SMS = "registro"
    settings.CANALES_PASARELA_WHATSAPP = "registro"
    settings.KANNEL_CLAVE_ENTRANTE = CLAVE
    settings.PORTAL_URL = "https://pactos.pichincha.gob.ec"
    _INSTANCIAS.clear()
    ENVIADOS.clear()
    yield
    _INSTANCIAS.clear()


def requiere_servicio(nombre: str, disponible: bool):
    """Skip a test when a service is missing, or fail it when CI requires every service."""
    if disponible:
        return
    mensaje = f"{nombre} no está disponible"
    if REQUIRE_SERVICES:
        pytest.fail(f"{mensaje} y REQUIRE_SERVICES=1")
    pytest.skip(mensaje)


@pytest.fixture
def crear_usuario(db, django_user_model):
    def crear(username: str, *roles: str, **extra):
        user = django_user_model.objects.create_user(
            username=username,
            password="clave-de-prueba-123",
            email=f"{username}@example.org",
            **extra,
        )
        if roles:
            user.groups.add(*Group.objects.filter(name__in=roles))
        return user

    return crear


@pytest.fixture
def coordinadora(crear_usuario):
    return crear_usuario("coord", Rol.COORDINACION, first_name="María")


@pytest.fixture
def facilitador(crear_usuario):
    return crear_usuario("facil", Rol.FACILITACION)


@pytest.fixture
def comunicador(crear_usuario):
    return crear_usuario("comu", Rol.COMUNICACION)


@pytest.fixture
def analista(crear_usuario):
    return crear_usuario("anal", Rol.ANALISIS)


@pytest.fixture
def administrador(crear_usuario):
    return crear_usuario("adm", Rol.ADMINISTRACION, is_staff=True, is_superuser=True)


@pytest.fixture
def sin_rol(crear_usuario):
    return crear_usuario("ciudadano")


@pytest.fixture
def usuarios_por_rol(coordinadora, facilitador, comunicador, analista, administrador, sin_rol):
    return {
        "coordinacion": coordinadora,
        "facilitacion": facilitador,
        "comunicacion": comunicador,
        "analisis": analista,
        "administracion": administrador,
        "sin_rol": sin_rol,
        "anonimo": None,
    }


@pytest.fixture
def cliente_de(client):
    """cliente_de(user) returns the test client logged in as user (None: anonymous)."""

    def como(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return como


@pytest.fixture(scope="session", autouse=True)
def _medios_temporales(tmp_path_factory):
    """Uploads of every test (the demo's drawn pictures among them) go to a folder of the test
    run, never to var/media; tests that need a folder of their own set MEDIA_ROOT themselves.

    Session-wide, before any package fixture: a package's shared scenario (tests/seguridad)
    writes its documents before the first test's function fixtures run, and must find them
    in the same folder afterwards."""
    from django.test.utils import override_settings

    carpeta = tmp_path_factory.mktemp("media")
    cambio = override_settings(MEDIA_ROOT=carpeta)  # tells the storages, unlike an assignment
    cambio.enable()
    yield carpeta
    cambio.disable()


@pytest.fixture(autouse=True)
def _paginas_publicas_frescas(settings):
    """Public pages are cached as in production (the setting is off under DEBUG), and no page
    cached by an earlier test is served (the shared cache outlives rolled-back data)."""
    from core.cache import invalidar_paginas_publicas

    settings.CACHE_PAGINAS_PUBLICAS = True
    invalidar_paginas_publicas()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb
):
    """Keep serialized_rollback working once Playwright runs its event loop in this thread.

    Django's connections live in an asgiref Local keyed by the asyncio context when a loop runs,
    so tests after the first browser test get new connection objects without the serialized
    contents, and transactional tests silently lose the reference data of the data migrations.

    The serialized contents are restored from a copy in SQL (tests/instantanea.py), not by
    deserialising them row by row before each such test; flushes DELETE instead of TRUNCATE.

    A copy of the database as migrated is kept for the production-like stack (tests/plantilla_bd.py)
    when this run has its tests, unless the database was reused (--reuse-db): then it may hold
    more than its migrations.
    """
    from django.db import connection, connections

    from tests import instantanea, plantilla_bd

    produccion = Path(__file__).parent / "produccion"
    con_stack = any(
        Path(str(item.path)).is_relative_to(produccion) for item in request.session.items
    )
    if con_stack and (django_db_createdb or not django_db_keepdb):
        with django_db_blocker.unblock():
            plantilla_bd.crear(connection)
    for alias in connections:
        conexion = connections[alias]
        contenido = getattr(conexion, "_test_serialized_contents", None)
        if contenido is not None:
            type(conexion)._test_serialized_contents = contenido
            with django_db_blocker.unblock():
                instantanea.copiar(conexion, contenido)
    instantanea.instalar()
    instantanea.vaciar_con_delete()
    yield
    with django_db_blocker.unblock():
        plantilla_bd.borrar(connection)


@pytest.fixture
def celery_en_proceso():
    """Tasks run in the request, whatever REDIS_URL says (the embedded default's behaviour)."""
    from config.celery import app

    anterior = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = anterior


# --- Celery on the real broker ---------------------------------------------------------------


@pytest.fixture(scope="session")
def celery_worker_real(django_db_setup, django_db_blocker):
    """An in-process Celery worker on Redis; the tests that use it need transaction=True."""
    from django.conf import settings

    requiere_servicio("Redis (REDIS_URL)", bool(settings.REDIS_URL))
    from celery.contrib.testing.worker import start_worker

    from config.celery import COLAS, app

    app.conf.task_always_eager = False
    app.loader.import_module("celery.contrib.testing.tasks")
    with (
        django_db_blocker.unblock(),
        start_worker(
            app,
            pool="solo",
            perform_ping_check=True,
            queues=list(COLAS),
            shutdown_timeout=30,
        ) as worker,
    ):
        yield worker


# --- Playwright with Debian's chromium (never `playwright install`) --------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        if REQUIRE_SERVICES:
            pytest.fail("Debian's chromium is missing (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
