import datetime

import pytest
from django.utils import timezone

from actores.models import Actor
from actores.services import actor_crear
from core.roles import Rol
from mesas import services
from mesas.models import Mesa


@pytest.fixture
def mesa_cayambe(db):
    return Mesa.objects.get(slug="turismo-cayambe")


@pytest.fixture
def mesa_mejia(db):
    return Mesa.objects.get(slug="turismo-mejia")


@pytest.fixture
def fac_cayambe(crear_usuario, mesa_cayambe):
    user = crear_usuario("fac_cayambe", Rol.FACILITACION, first_name="Ana", last_name="Lema")
    mesa_cayambe.facilitadores.add(user)
    return user


@pytest.fixture
def fac_mejia(crear_usuario, mesa_mejia):
    user = crear_usuario("fac_mejia", Rol.FACILITACION)
    mesa_mejia.facilitadores.add(user)
    return user


@pytest.fixture
def crear_persona(db):
    contador = {"n": 0}

    def crear(nombres="Rosa", apellidos=None, genero="mujer", email=""):
        contador["n"] += 1
        return actor_crear(
            usuario=None,
            datos={
                "naturaleza": Actor.Naturaleza.PERSONA,
                "nombres": nombres,
                "apellidos": apellidos or f"Farinango {contador['n']}",
                "genero": genero,
                "tipo": Actor.Tipo.COMUNITARIO,
                "ambito": Actor.Ambito.PROVINCIAL,
                "email": email,
                "telefono": "0991234567",
            },
        )

    return crear


@pytest.fixture
def organizacion(db):
    return actor_crear(
        usuario=None,
        datos={
            "naturaleza": Actor.Naturaleza.ORGANIZACION,
            "nombre": "Asociación de Turismo Comunitario Kayambi",
            "tipo": Actor.Tipo.COMUNITARIO,
            "ambito": Actor.Ambito.PROVINCIAL,
            "email": "kayambi@example.org",
        },
    )


@pytest.fixture
def crear_sesion(db):
    def crear(mesa, *, dias=1, por=None):
        inicio = (timezone.now() + datetime.timedelta(days=dias)).replace(microsecond=0)
        return services.sesion_crear(
            mesa=mesa,
            inicio=inicio,
            modalidad="presencial",
            lugar="Casa comunal",
            por=por,
        )

    return crear


@pytest.fixture
def sesion_cayambe(crear_sesion, mesa_cayambe):
    return crear_sesion(mesa_cayambe)


@pytest.fixture
def sesion_mejia(crear_sesion, mesa_mejia):
    return crear_sesion(mesa_mejia)


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    # Password hashing dominates fixture setup on a busy machine; these tests never log in by form.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
