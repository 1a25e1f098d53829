"""Unpublished values never reach the public: pages, map, API and downloads."""

import io
import json

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

BORRADOR = 777_777
VALIDADO = 888_888
PUBLICADO = 65_432


@pytest.fixture
def datos(registrar, analista):
    registrar("TUR-01", "1702", 2023, PUBLICADO, publicar=True, usuario=analista)
    registrar("TUR-01", "1703", 2023, VALIDADO, validar=True, usuario=analista)
    registrar("TUR-01", "1704", 2023, BORRADOR, usuario=analista)


def sin_miles(texto: str) -> str:
    return texto.replace(".", "").replace(",", "").replace("\u00a0", "")


URLS = [
    "/sie/indicadores/",
    "/sie/indicadores/TUR-01/",
    "/sie/indicadores/TUR-01/?canton=1703",
    "/sie/mapa/?indicador=TUR-01",
    "/sie/cantones/1703/",
    "/sie/cantones/1704/",
    "/sie/cantones/1702/",
    "/api/v1/mediciones/",
    "/api/v1/mediciones/?format=csv",
    "/api/v1/indicadores/TUR-01/",
    "/sie/datos/mediciones.csv",
    "/en/sie/indicadores/TUR-01/",
]


@pytest.mark.parametrize("url", URLS)
def test_borradores_y_validados_no_se_ven(client, datos, url):
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    contenido = sin_miles(respuesta.content.decode())
    assert str(BORRADOR) not in contenido
    assert str(VALIDADO) not in contenido


@pytest.mark.parametrize(
    "url",
    [
        "/sie/indicadores/TUR-01/",
        "/sie/cantones/1702/",
        "/sie/mapa/?indicador=TUR-01",
        "/api/v1/mediciones/",
        "/sie/datos/mediciones.csv",
    ],
)
def test_lo_publicado_si_se_ve(client, datos, url):
    assert str(PUBLICADO) in sin_miles(client.get(url).content.decode())


def test_xlsx_sin_borradores_y_con_diccionario_y_licencia(client, datos):
    respuesta = client.get("/sie/datos/mediciones.xlsx")
    libro = load_workbook(io.BytesIO(respuesta.content))
    assert libro.sheetnames == ["datos", "diccionario", "licencia"]
    valores = [fila[9] for fila in libro["datos"].iter_rows(min_row=2, values_only=True)]
    assert valores == [PUBLICADO]
    assert "CC BY 4.0" in libro["licencia"]["B1"].value
    campos = [fila[0] for fila in libro["diccionario"].iter_rows(values_only=True)]
    assert "unidad" in campos and "fuente" in campos


def test_api_de_mediciones_solo_publicadas_con_unidad_y_fuente(client, datos):
    datos_api = json.loads(client.get("/api/v1/mediciones/?indicador=TUR-01").content)
    assert len(datos_api["results"]) == 1
    fila = datos_api["results"][0]
    assert fila["valor"] == PUBLICADO
    assert fila["unidad"] == "personas"
    assert fila["fuente"] == "MINTUR"
    assert fila["licencia"] == "CC BY 4.0"


def test_api_filtra_por_canton_y_periodo(client, registrar, analista):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    registrar("TUR-01", "1702", 2024, 65_000, publicar=True, usuario=analista)
    registrar("TUR-01", "1703", 2024, 90_000, publicar=True, usuario=analista)

    def cuantas(url):
        return len(json.loads(client.get(url).content)["results"])

    assert cuantas("/api/v1/mediciones/?canton=1702") == 2
    assert cuantas("/api/v1/mediciones/?periodo=2024") == 2
    assert cuantas("/api/v1/mediciones/?anio=2023") == 1


def test_api_pagina_con_cursor(client, registrar, analista):
    for anio in (2021, 2022, 2023):
        registrar("TUR-01", "1702", anio, 60_000 + anio, publicar=True, usuario=analista)
    primera = json.loads(client.get("/api/v1/mediciones/?page_size=2").content)
    assert len(primera["results"]) == 2
    segunda = json.loads(client.get(primera["next"]).content)
    assert [m["periodo"] for m in segunda["results"]] == ["2023"]


def test_api_indicador_trae_su_serie_publicada(client, registrar, analista):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    registrar("TUR-01", "1702", 2024, 65_000, usuario=analista)
    datos_api = json.loads(client.get("/api/v1/indicadores/TUR-01/").content)
    assert datos_api["unidad"] == "personas"
    assert datos_api["serie"] == {"periodos": ["2023"], "territorios": {"1702": {"2023": 60000.0}}}


def test_csv_lleva_unidades_fuentes_y_licencia(client, datos):
    respuesta = client.get("/sie/datos/mediciones.csv")
    assert respuesta["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in respuesta["Link"]
    lineas = respuesta.content.decode("utf-8-sig").splitlines()
    cabecera = lineas[0].split(",")
    for columna in ("unidad", "fuente", "fecha_dato", "licencia", "dato_demo"):
        assert columna in cabecera
    fila = dict(zip(cabecera, lineas[1].split(","), strict=True))
    assert fila["unidad"] == "personas"
    assert fila["fuente"] == "MINTUR"
    assert fila["licencia"] == "CC BY 4.0"
    assert len(lineas) == 2


def test_csv_de_la_api_lleva_unidad_y_fuente(client, datos):
    respuesta = client.get("/api/v1/mediciones/?format=csv")
    cabecera = respuesta.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert "unidad" in cabecera and "fuente" in cabecera and "licencia" in cabecera


def test_datos_de_demostracion_se_senalan(client, registrar, analista):
    from sie.models import Medicion

    medicion = registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    Medicion.objects.filter(pk=medicion.pk).update(es_demo=True)
    assert "Datos de demostración" in client.get("/sie/cantones/1702/").content.decode()
    assert "Datos de demostración" in client.get("/sie/indicadores/TUR-01/").content.decode()
    lineas = client.get("/sie/datos/mediciones.csv").content.decode("utf-8-sig").splitlines()
    assert lineas[1].split(",")[14] == "sí"


def test_pagina_de_datos_abiertos_con_diccionario(client):
    contenido = client.get("/sie/datos/").content.decode()
    assert "Diccionario de datos" in contenido
    assert "CC BY 4.0" in contenido
    assert client.get("/sie/datos/diccionario.csv").status_code == 200


def test_tablero_del_canton_muestra_variacion_meta_y_fuente(
    client, registrar, analista, guardar_meta
):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    registrar("TUR-01", "1702", 2024, 66_000, publicar=True, usuario=analista, fuente="GAD Cayambe")
    guardar_meta("TUR-01", linea_base=60_000, valor_meta=75_000)
    contenido = client.get("/sie/cantones/1702/").content.decode()
    assert "66.000" in contenido
    assert "10,0 %" in contenido  # change from 2023
    assert "75.000" in contenido  # target
    assert "40 % de avance" in contenido
    assert "GAD Cayambe" in contenido
