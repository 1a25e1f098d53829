"""Fixtures of the fault tests: a Redis server of their own (so it can be stopped), Celery worker
processes of their own (so they can be killed), and a session of a table ready to be closed.

Never the shared Redis or PostgreSQL: the Redis here listens on a free port and is discarded;
the workers use the test database, which the tests commit to (transaction=True).
"""

import contextlib
import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import current_app
from django.db import connection

from core.roles import Rol
from mesas import services as mesas_services
from mesas.models import Mesa
from tests.conftest import requiere_servicio
from tests.otro_proceso import url_base_de_datos_de_prueba
from tests.pasos import persona_comunitaria, sesion_programada

RAIZ = Path(__file__).resolve().parents[2]
HORA = datetime.timedelta(hours=1)


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisPropio:
    """redis-server on a free loopback port, without persistence: stop() loses the queue."""

    def __init__(self, directorio: Path):
        self.puerto = _puerto_libre()
        self.directorio = directorio
        self.proceso: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.puerto}/{db}"

    def responde(self) -> bool:
        with socket.socket() as s:
            s.settimeout(0.5)
            try:
                s.connect(("127.0.0.1", self.puerto))
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
            except OSError:
                return False

    def arrancar(self) -> None:
        self.proceso = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.puerto),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.directorio),
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        limite = time.monotonic() + 10
        while not self.responde():
            if time.monotonic() > limite:
                raise RuntimeError(f"redis-server no arrancó en el puerto {self.puerto}")
            time.sleep(0.05)

    def parar(self) -> None:
        if self.proceso and self.proceso.poll() is None:
            self.proceso.kill()
            self.proceso.wait(timeout=10)
        self.proceso = None

    def contar(self, *orden: str) -> int:
        salida = subprocess.run(
            ["redis-cli", "-p", str(self.puerto), *orden], capture_output=True, text=True
        )
        return int(salida.stdout.strip() or 0)


@pytest.fixture
def solo_postgresql(transactional_db):
    # The worker processes share the test database: only a server database allows that.
    requiere_servicio("PostgreSQL (DATABASE_URL)", connection.vendor == "postgresql")


@pytest.fixture
def redis_propio(solo_postgresql, tmp_path):
    requiere_servicio("redis-server", bool(shutil.which("redis-server")))
    servidor = RedisPropio(tmp_path)
    servidor.arrancar()
    yield servidor
    servidor.parar()


@pytest.fixture
def medios(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def registro(tmp_path):
    """Where the instrumented workers say what they did (see worker_instrumentado)."""
    directorio = tmp_path / "registro"
    directorio.mkdir()
    return directorio


@pytest.fixture
def app_en_redis_propio(redis_propio, settings):
    """This process's Celery app and cache talk to the test's own Redis, like a web process."""
    app = current_app
    conf = app.conf
    anterior = (
        conf.broker_url,
        conf.result_backend,
        conf.task_always_eager,
        app._pool,
        app.amqp._producer_pool,
    )
    conf.broker_url = redis_propio.url(0)
    conf.result_backend = redis_propio.url(0)
    conf.task_always_eager = False
    app._pool = None
    app.amqp._producer_pool = None
    _olvidar_backend(app)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_propio.url(2),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    yield app
    if app._pool is not None:
        app._pool.force_close_all()
    (
        conf.broker_url,
        conf.result_backend,
        conf.task_always_eager,
        app._pool,
        app.amqp._producer_pool,
    ) = anterior
    _olvidar_backend(app)


def _olvidar_backend(app) -> None:
    # Celery keeps the result backend per thread once built: make it follow result_backend.
    if hasattr(app._local, "backend"):
        del app._local.backend


class Workers:
    """Start instrumented Celery worker processes and kill them (their own process groups)."""

    def __init__(self, redis_propio: RedisPropio, medios: Path, registro: Path, tmp_path: Path):
        self.redis = redis_propio
        self.medios = medios
        self.registro = registro
        self.logs = tmp_path
        self.procesos: list[subprocess.Popen] = []

    def lanzar(self, nombre: str, *, pool: str = "solo", pausa: float = 0) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": url_base_de_datos_de_prueba(),
            "REDIS_URL": self.redis.url(0),
            "DJANGO_MEDIA_ROOT": str(self.medios),
            "FALLOS_DIR": str(self.registro),
            "FALLOS_PAUSA": str(pausa),
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        log = open(self.logs / f"worker-{nombre}.log", "wb")  # noqa: SIM115 - closed with the process
        proceso = subprocess.Popen(
            [sys.executable, "-m", "tests.fallos.worker_instrumentado", pool, nombre],
            cwd=RAIZ,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        proceso.log = log
        self.procesos.append(proceso)
        listo = self.registro / f"listo-{nombre}"
        limite = time.monotonic() + 60
        while not listo.exists():
            if proceso.poll() is not None or time.monotonic() > limite:
                raise AssertionError(f"el worker {nombre} no arrancó:\n{self.log(nombre)}")
            time.sleep(0.1)
        return proceso

    def log(self, nombre: str) -> str:
        ruta = self.logs / f"worker-{nombre}.log"
        return ruta.read_text(errors="replace")[-4000:] if ruta.exists() else ""

    def matar(self, proceso: subprocess.Popen) -> None:
        """SIGKILL the worker and everything it forked: no shutdown, no acknowledgement."""
        if proceso.poll() is None:
            os.killpg(proceso.pid, signal.SIGKILL)
            proceso.wait(timeout=10)

    def cerrar(self) -> None:
        for proceso in self.procesos:
            if proceso.poll() is None:
                os.killpg(proceso.pid, signal.SIGTERM)
                try:
                    proceso.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self.matar(proceso)
            else:
                with contextlib.suppress(ProcessLookupError):  # children of a dead main process
                    os.killpg(proceso.pid, signal.SIGKILL)
            proceso.log.close()


@pytest.fixture
def workers(redis_propio, medios, registro, tmp_path):
    gestor = Workers(redis_propio, medios, registro, tmp_path)
    yield gestor
    gestor.cerrar()


# --- A session ready to be closed -----------------------------------------------------------


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def facilitadora(crear_usuario):
    usuario = crear_usuario("fac_fallos", Rol.FACILITACION, first_name="Ana", last_name="Lema")
    Mesa.objects.get(slug="turismo-cayambe").facilitadores.add(usuario)
    return usuario


@pytest.fixture
def sesion_con_asistentes(facilitadora):
    # began an hour ago: the tests close it, and a session cannot be closed before it starts
    sesion = sesion_programada(-HORA, "Casa comunal de Juan Montalvo", facilitadora)
    for nombres, apellidos, genero in (
        ("Rosa", "Farinango", "mujer"),
        ("Segundo", "Quilumbaquín", "hombre"),
    ):
        persona = persona_comunitaria(nombres, apellidos, genero)
        mesas_services.asistencia_registrar(sesion=sesion, actor=persona, usuario=facilitadora)
    mesas_services.acuerdo_registrar(sesion=sesion, texto="Levantar el inventario turístico")
    sesion.refresh_from_db()
    return sesion
