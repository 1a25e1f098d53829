"""Fixtures of the actores tests: actors built through the services, valid ids from stdnum."""

import itertools

import pytest
from stdnum.ec import ruc as stdnum_ruc

from actores.models import Actor
from actores.services import actor_crear, asignacion_crear
from actores.validadores import digito_verificador_cedula
from sie.models import Canton, Eje, Sector

_contador = itertools.count(1)


def cedula_valida(n: int) -> str:
    return digito_verificador_cedula(f"17{n % 6}{n:06d}"[:9])


def ruc_sociedad_valido(n: int) -> str:
    """A company RUC that even passes the historical modulo-11 check (computed with stdnum)."""
    for k in range(10):
        base = f"179{n:05d}{k}"
        for d in "0123456789":
            if stdnum_ruc.is_valid(base + d + "001"):
                return base + d + "001"
    raise AssertionError(n)


@pytest.fixture
def canton(db):
    return Canton.objects.get(codigo="1702")  # Cayambe


@pytest.fixture
def otro_canton(db):
    return Canton.objects.get(codigo="1709")  # Puerto Quito


@pytest.fixture
def sector(db):
    return Sector.objects.get(slug="floricultura")


@pytest.fixture
def crear_actor(db, canton):
    def crear(*, usuario=None, ejes=None, sectores=None, **datos):
        n = next(_contador)
        base = {
            "naturaleza": Actor.Naturaleza.ORGANIZACION,
            "nombre": f"Organización de prueba {n}",
            "tipo": Actor.Tipo.COMUNITARIO,
            "ambito": Actor.Ambito.CANTONAL,
            "canton": canton,
            "email": f"org{n}@example.org",
            "telefono": "+59322500000",
            "identificacion": ruc_sociedad_valido(n),
        }
        if datos.get("naturaleza") == Actor.Naturaleza.PERSONA:
            base.update(
                nombre="",
                nombres=f"Rosa {n}",
                apellidos="Quishpe Farinango",
                identificacion=cedula_valida(n),
                email=f"persona{n}@example.org",
                telefono="0991234567",
                genero=Actor.Genero.MUJER,
            )
        base.update(datos)
        return actor_crear(usuario=usuario, datos=base, ejes=ejes, sectores=sectores)

    return crear


@pytest.fixture
def facilitador_asignado(facilitador, canton):
    asignacion_crear(usuario=None, facilitador=facilitador, canton=canton)
    return facilitador


@pytest.fixture
def eje_agro(db):
    return Eje.objects.get(codigo="agropecuario")


@pytest.fixture(autouse=True)
def _hasher_rapido(settings):
    """Users are created in many tests here; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
