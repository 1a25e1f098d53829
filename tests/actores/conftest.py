"""Fixtures of the actores tests: actors built through the services from ActorFactory's data."""

import factory
import pytest

from actores.models import Actor
from actores.services import actor_crear, asignacion_crear
from sie.models import Canton, Eje, Sector
from tests.factories import ActorFactory, cedula_valida, ruc_sociedad_valido

__all__ = ["cedula_valida", "ruc_sociedad_valido"]


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
    """An actor made through actor_crear (so it has its first map position): an organisation in
    Cayambe, or a person with naturaleza=PERSONA; any field can be given."""

    def crear(*, usuario=None, ejes=None, sectores=None, **datos):
        persona = datos.pop("naturaleza", None) == Actor.Naturaleza.PERSONA
        base = factory.build(dict, FACTORY_CLASS=ActorFactory, persona=persona, canton=canton)
        return actor_crear(usuario=usuario, datos=base | datos, ejes=ejes, sectores=sectores)

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
