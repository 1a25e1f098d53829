import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_pagina_publica_de_un_canton(client):
    respuesta = client.get("/sie/cantones/1703/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Mejía" in html and "Machachi" in html and "El Chaupi" in html
    assert "INEC, Censo de Población y Vivienda 2022" in html


def test_codigo_de_canton_desconocido_da_404_en_espanol(client):
    for codigo in ["1706", "9999", "abc"]:
        respuesta = client.get(f"/sie/cantones/{codigo}/")
        assert respuesta.status_code == 404
        assert "No encontramos esta página" in respuesta.content.decode()


def test_api_cantones_json(client):
    datos = client.get("/api/v1/cantones/").json()
    assert [c["codigo"] for c in datos] == [
        "1701",
        "1702",
        "1703",
        "1704",
        "1705",
        "1707",
        "1708",
        "1709",
    ]
    mejia = next(c for c in datos if c["codigo"] == "1703")
    assert mejia["cabecera"] == "Machachi"
    assert mejia["poblacion"] == 101894 and mejia["poblacion_anio"] == 2022
    assert "Uyumbicho" in mejia["parroquias"]


def test_api_cantones_csv(client):
    respuesta = client.get("/api/v1/cantones/?format=csv")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/csv")
    filas = list(csv.DictReader(io.StringIO(respuesta.content.decode("utf-8-sig"))))
    assert len(filas) == 8
    assert filas[2]["nombre"] == "Mejía"


def test_api_es_de_solo_lectura(client):
    assert client.post("/api/v1/cantones/", {"codigo": "1799"}).status_code in (401, 403, 405)


def test_api_canton_desconocido(client):
    respuesta = client.get("/api/v1/cantones/1706/")
    assert respuesta.status_code == 404


def test_esquema_openapi(client):
    respuesta = client.get("/api/v1/schema/")
    assert respuesta.status_code == 200
    assert b"/api/v1/cantones/" in respuesta.content
