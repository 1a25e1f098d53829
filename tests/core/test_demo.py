"""cargar_demo: the demo accounts, idempotence, and no known password in production."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core import demo
from core.demo import DEMO_PASSWORD_POR_DEFECTO
from core.roles import Rol, roles_de

pytestmark = pytest.mark.django_db

CUENTAS = {
    "coordinadora": {Rol.COORDINACION},
    "facilitador": {Rol.FACILITACION},
    "comunicacion": {Rol.COMUNICACION},
    "analista": {Rol.ANALISIS},
    "admin": {Rol.ADMINISTRACION},
}


@pytest.fixture(autouse=True)
def modo_desarrollo(settings):
    """The test runner turns DEBUG off; `make run` has it on."""
    settings.DEBUG = True


@pytest.fixture
def solo_cuentas():
    """Only the accounts: the other apps' loaders are slow and tested by test_dos_veces."""
    with demo.CARGADORES_DEMO.aislado():
        yield


def _filas_por_modelo() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def _cargar() -> str:
    salida = io.StringIO()
    call_command("cargar_demo", stdout=salida)
    return salida.getvalue()


def test_crea_las_cuentas_con_sus_roles_y_la_clave_de_demostracion(settings, solo_cuentas):
    assert settings.DEMO_PASSWORD == DEMO_PASSWORD_POR_DEFECTO
    assert "Datos de demostración listos." in _cargar()
    User = get_user_model()
    for username, roles in CUENTAS.items():
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD_POR_DEFECTO), username
        assert roles_de(user) == roles, username
        assert user.is_active
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.filter(is_superuser=True).exclude(username="admin").exists()


def test_dos_veces_no_cambia_nada(settings):
    """The whole command, with every app's demo loader."""
    _cargar()
    antes = _filas_por_modelo()
    salida = _cargar()
    despues = _filas_por_modelo()
    assert "Datos de demostración listos." in salida
    assert set(get_user_model().objects.values_list("username", flat=True)) >= set(CUENTAS)
    cambios = {m: (antes[m], despues[m]) for m in antes if antes[m] != despues[m]}
    assert cambios == {}


def test_las_cuentas_demo_ingresan(client, settings, solo_cuentas):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    _cargar()
    respuesta = client.post(
        "/cuentas/login/", {"username": "coordinadora", "password": DEMO_PASSWORD_POR_DEFECTO}
    )
    assert respuesta["Location"] == "/panel/"


def test_con_debug_apagado_rechaza_la_clave_conocida(settings, solo_cuentas):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        _cargar()
    assert not get_user_model().objects.filter(username__in=CUENTAS).exists()


def test_con_debug_apagado_acepta_otra_clave(settings, solo_cuentas):
    settings.DEBUG = False
    settings.DEMO_PASSWORD = "otra-clave-larga-para-ensayo"
    _cargar()
    assert (
        get_user_model()
        .objects.get(username="analista")
        .check_password("otra-clave-larga-para-ensayo")
    )
