"""Issue 14 item 8: numeric query parameters of the open-data API answer 400 with a message (or an
empty list) for values no row can have; they used to answer 500 (`?anio=0`: "year 0 is out of
range")."""

import pytest

pytestmark = pytest.mark.django_db

ANIO_INVALIDO = "El año debe ser un número entero entre 1 y 9999."


@pytest.mark.parametrize("anio", ["0", "-5", "10000", "99999999999999999999", "2024.5", "dos"])
def test_un_anio_imposible_es_un_400_con_mensaje(client, anio):
    respuesta = client.get("/api/v1/mediciones/", {"anio": anio})
    assert respuesta.status_code == 400
    assert respuesta.json() == {"anio": [ANIO_INVALIDO]}
    csv = client.get("/api/v1/mediciones/", {"anio": anio, "format": "csv"})
    assert csv.status_code == 400


def test_un_anio_valido_filtra(client):
    assert client.get("/api/v1/mediciones/", {"anio": "2024"}).status_code == 200


@pytest.mark.parametrize(
    ("ruta", "parametros", "esperado"),
    [
        ("/api/v1/consulta-comentarios/", {"consulta": "99999999999999999999"}, 200),
        ("/api/v1/consulta-comentarios/", {"consulta": "0"}, 400),
        ("/api/v1/consulta-comentarios/", {"consulta": "-3"}, 400),
        ("/api/v1/consulta-comentarios/", {"consulta": "abc"}, 400),
        ("/api/v1/sesiones/", {"numero": "99999999999999999999"}, 200),
        ("/api/v1/sesiones/", {"numero": "-1"}, 200),
        ("/api/v1/sesiones/", {"numero": "abc"}, 400),
        ("/api/v1/eventos/", {"desde": "0000-01-01"}, 400),
        ("/api/v1/eventos/", {"hasta": "9999-12-31"}, 200),
        ("/api/v1/pactos/", {"page_size": "99999999999999999999"}, 200),
        ("/api/v1/compromisos/", {"page": "99999999999999999999"}, 404),
        ("/api/v1/mediciones/", {"page_size": "-1"}, 200),
        ("/api/v1/indicadores/", {"periodicidad": "99999999999999999999"}, 400),
    ],
)
def test_otros_parametros_numericos_nunca_dan_500(client, ruta, parametros, esperado):
    respuesta = client.get(ruta, parametros)
    assert respuesta.status_code == esperado, respuesta.content[:300]
    if esperado == 200:
        cuerpo = respuesta.json()
        filas = cuerpo["results"] if isinstance(cuerpo, dict) else cuerpo
        if parametros.get("consulta") or parametros.get("numero"):
            assert filas == []


def test_la_consulta_mal_escrita_se_explica(client):
    respuesta = client.get("/api/v1/consulta-comentarios/", {"consulta": "abc"})
    assert respuesta.json() == {
        "consulta": ["La consulta se indica con su número (un entero positivo)."]
    }
