"""Fixtures of the roadmap tests (imported by each test_hoja_de_ruta*.py module, so that the
Pactos tests can have their own conftest.py)."""

import datetime

import pytest

from pactos import indicadores_programa
from pactos.models import Actividad, EstadoActividad

HOY = datetime.date(2026, 6, 15)


def actividad(codigo: str) -> Actividad:
    return Actividad.objects.get(codigo=codigo)


def planificar(codigo: str, inicio: str, fin: str, **extra) -> Actividad:
    """Set planned dates (and any other field) straight in the database, for fixtures."""
    a = actividad(codigo)
    a.inicio_previsto = datetime.date.fromisoformat(inicio)
    a.fin_previsto = datetime.date.fromisoformat(fin)
    for campo, valor in extra.items():
        setattr(a, campo, valor)
    a.save()
    return a


def planificar_hecha(codigo: str, inicio: str, fin: str, terminada: str, **extra) -> Actividad:
    """An activity planned from inicio to fin, and done on terminada."""
    fin_real = datetime.date.fromisoformat(terminada)
    return planificar(codigo, inicio, fin, estado=EstadoActividad.HECHA, fin_real=fin_real, **extra)


@pytest.fixture
def sin_cifras():
    """An empty registry of figures and tables, for computations on known fixtures."""
    with indicadores_programa.CIFRAS.aislado(), indicadores_programa.TABLAS.aislado():
        yield indicadores_programa


@pytest.fixture
def medios(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def claves_rapidas(settings):
    """Test users are created with a fast hasher: PBKDF2 costs about a second per user here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
