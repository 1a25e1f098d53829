"""Fixtures of the document pipeline: media in a temporary folder, Celery in process or with
its broker unreachable, and temporary document kinds."""

import contextlib
import socket

import pytest
from celery import current_app

from core import documentos


@pytest.fixture
def medios(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _puerto_cerrado() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nobody listens there


@contextlib.contextmanager
def _sin_broker():
    """Point the Celery app at a Redis port where nothing listens, then restore it."""
    app = current_app
    conf = app.conf
    anterior = (conf.broker_url, conf.task_always_eager, app._pool, app.amqp._producer_pool)
    conf.broker_url = f"redis://127.0.0.1:{_puerto_cerrado()}/0"
    conf.task_always_eager = False
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield app
    finally:
        if app._pool is not None:
            app._pool.force_close_all()
        conf.broker_url, conf.task_always_eager, app._pool, app.amqp._producer_pool = anterior


@pytest.fixture
def sin_broker():
    """sin_broker() is a context manager: inside it the broker is unreachable."""
    return _sin_broker


@pytest.fixture
def tipos_temporales():
    """Register document kinds for one test only."""
    claves = set(documentos.TIPOS_DOCUMENTO.claves())
    yield documentos.registrar_tipo_documento
    for clave in set(documentos.TIPOS_DOCUMENTO.claves()) - claves:
        documentos.TIPOS_DOCUMENTO.retirar(clave)
