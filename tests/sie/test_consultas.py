"""Dashboards and API lists run the same number of queries whatever the amount of data."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sie import services
from sie.models import Canton, Indicador
from tests.factories import DatoMedicionFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/sie/indicadores/",
    "/sie/indicadores/TUR-01/",
    "/sie/indicadores/TUR-07/?canton=1702",
    "/sie/mapa/?indicador=TUR-01",
    "/sie/cantones/1702/",
    "/api/v1/indicadores/",
    "/api/v1/indicadores/TUR-06/",
    "/api/v1/mediciones/",
    "/api/v1/mediciones/?format=csv",
    "/api/v1/mediciones/?canton=1702&indicador=TUR-07",
    "/sie/datos/mediciones.csv",
]


def cargar(anios):
    indicadores = {
        i.codigo: i for i in Indicador.objects.select_related("numerador", "denominador")
    }
    datos = []
    for canton in Canton.objects.all():
        for anio in anios:
            for codigo, valor in (
                ("TUR-01", 1000),
                ("TUR-04", 100),
                ("TUR-05", 210),
                ("TUR-07", 50),
            ):
                datos.append(
                    DatoMedicionFactory(
                        indicador=indicadores[codigo],
                        canton=canton,
                        periodo=str(anio),
                        valor=Decimal(valor + anio % 7),
                        fecha_dato=datetime.date(2025, 1, 1),
                    )
                )
            datos.append(
                DatoMedicionFactory(
                    indicador=indicadores["TUR-07"],
                    canton=canton,
                    periodo=str(anio),
                    valor=Decimal(20),
                    fecha_dato=datetime.date(2025, 1, 1),
                    desagregacion="sexo",
                    categoria="mujeres",
                )
            )
    services.mediciones_registrar(datos=datos, es_demo=True, estado="publicado")
    for canton in Canton.objects.all():
        services.meta_guardar(
            indicador=indicadores["TUR-01"],
            canton=canton,
            linea_base=Decimal(1000),
            linea_base_periodo=str(anios[0]),
            valor_meta=Decimal(2000),
            fecha_meta=datetime.date(2030, 1, 1) + datetime.timedelta(days=len(anios)),
        )


def contar(client, url):
    with CaptureQueriesContext(connection) as consultas:
        respuesta = client.get(url)
    assert respuesta.status_code == 200, url
    return len(consultas)


def test_consultas_constantes(client):
    cargar([2021, 2022])
    pocas = {url: contar(client, url) for url in URLS}
    cargar(list(range(2000, 2021)))
    muchas = {url: contar(client, url) for url in URLS}
    assert muchas == pocas
    assert max(pocas.values()) <= 15
