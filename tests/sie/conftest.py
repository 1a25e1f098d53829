"""Fixtures of the SIE tests: values recorded through the services, as users do."""

import datetime
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
def guardar_meta(db, indicador, canton):
    """guardar_meta("TUR-01", linea_base=60_000, valor_meta=75_000): a target for Cayambe at the
    end of 2027, from its 2023 baseline, through sie.services."""

    def guardar(codigo, *, linea_base, valor_meta):
        return services.meta_guardar(
            indicador=indicador(codigo),
            canton=canton("1702"),
            linea_base=Decimal(linea_base),
            linea_base_periodo="2023",
            valor_meta=Decimal(valor_meta),
            fecha_meta=datetime.date(2027, 12, 31),
        )

    return guardar


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
