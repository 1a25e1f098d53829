"""Fixtures of the SIE tests: values recorded through the services, as users do."""

from decimal import Decimal

import pytest

from sie import services
from sie.models import Canton, Indicador
from tests.factories import DatoMedicionFactory


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    """The role fixtures create several users: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def indicador():
    def buscar(codigo: str) -> Indicador:
        return Indicador.objects.select_related("numerador", "denominador").get(codigo=codigo)

    return buscar


@pytest.fixture
def canton():
    def buscar(codigo: str) -> Canton:
        return Canton.objects.get(codigo=codigo)

    return buscar


@pytest.fixture
def registrar(db, indicador, canton):
    """registrar("TUR-01", "1702", "2024", 1000, publicar=True, desagregacion=..., categoria=...)"""

    def hacer(
        codigo,
        canton_codigo,
        periodo,
        valor,
        *,
        publicar=False,
        validar=False,
        usuario=None,
        desagregacion="",
        categoria="",
        fuente="MINTUR",
    ):
        medicion = services.medicion_registrar(
            dato=DatoMedicionFactory(
                indicador=indicador(codigo),
                canton=canton(canton_codigo) if canton_codigo else None,
                periodo=str(periodo),
                valor=Decimal(str(valor)),
                fuente=fuente,
                desagregacion=desagregacion,
                categoria=categoria,
            ),
            usuario=usuario,
        )
        if validar or publicar:
            medicion = services.medicion_validar(
                medicion=medicion,
                usuario=usuario,
                justificacion="revisado" if medicion.alertas else "",
            )
        if publicar:
            medicion = services.medicion_publicar(medicion=medicion, usuario=usuario)
        return medicion

    return hacer
