"""Waiting for what a real Celery worker does in its own thread."""

import time

import pytest

from core.models import Documento


def esperar(condicion, segundos: float = 30, pausa: float = 0.2) -> bool:
    """Poll condicion() until it holds (True) or the time runs out (False)."""
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if condicion():
            return True
        time.sleep(pausa)
    return False


def documento_terminado(documento: Documento, segundos: float = 90) -> Documento:
    """The document, refreshed, once the worker has finished it (ready or failed)."""

    def terminado() -> bool:
        documento.refresh_from_db()
        return documento.estado in (Documento.Estado.LISTO, Documento.Estado.ERROR)

    if not esperar(terminado, segundos, pausa=0.3):
        pytest.fail(f"el documento «{documento}» sigue {documento.estado}")
    return documento
