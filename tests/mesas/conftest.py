import pytest

from actores.models import Actor
from core.roles import Rol
from mesas.models import Mesa
from tests.factories import ActorFactory, SesionFactory


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
    """A person of the province (no e-mail unless given), as a walk-in at a session is."""

    def crear(nombres="Rosa", apellidos=None, genero="mujer", email=""):
        return ActorFactory(
            persona=True,
            nombres=nombres,
            apellidos=apellidos or f"Farinango {Actor.objects.count() + 1}",
            genero=genero,
            ambito=Actor.Ambito.PROVINCIAL,
            canton=None,
            email=email,
        )

    return crear


@pytest.fixture
def organizacion(db):
    return ActorFactory(
        nombre="Asociación de Turismo Comunitario Kayambi",
        ambito=Actor.Ambito.PROVINCIAL,
        canton=None,
        email="kayambi@example.org",
    )


@pytest.fixture
def crear_sesion(db):
    def crear(mesa, *, dias=1):
        return SesionFactory(mesa=mesa, dias=dias)

    return crear


@pytest.fixture
def sesion_cayambe(crear_sesion, mesa_cayambe):
    return crear_sesion(mesa_cayambe)


@pytest.fixture
def sesion_cayambe_ayer(crear_sesion, mesa_cayambe):
    """A session that took place yesterday: it can be closed (a session cannot before it starts)."""
    return crear_sesion(mesa_cayambe, dias=-1)


@pytest.fixture
def sesion_mejia(crear_sesion, mesa_mejia):
    return crear_sesion(mesa_mejia)


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    # Password hashing dominates fixture setup on a busy machine; these tests never log in by form.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def convocar(celery_en_proceso, cliente_de, fac_cayambe, django_capture_on_commit_callbacks):
    """Cayambe's facilitator convenes these actors from the session page; the e-mails leave."""

    def enviar(sesion, *actores, **opciones):
        with django_capture_on_commit_callbacks(execute=True):
            return cliente_de(fac_cayambe).post(
                f"/mesas/sesion/{sesion.pk}/convocar/",
                {"actores": [a.pk for a in actores]},
                **opciones,
            )

    return enviar
