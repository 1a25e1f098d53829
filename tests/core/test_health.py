"""/health/ reports database, cache and Celery broker; 503 naming the broker when it is down."""

import pytest

pytestmark = pytest.mark.django_db


def test_salud_en_json_lista_base_de_datos_cache_y_broker(client):
    respuesta = client.get("/health/", headers={"Accept": "application/json"})
    assert respuesta.status_code == 200
    datos = respuesta.json()
    assert {k: datos[k] for k in ("database", "cache", "broker")} == {
        "database": "OK",
        "cache": "OK",
        "broker": "OK",
    }
    assert client.get("/health/?format=json").json()["broker"] == "OK"


def test_salud_fuera_de_los_idiomas_y_sin_cache(client):
    respuesta = client.get("/health/?format=json")
    assert "no-cache" in respuesta["Cache-Control"] or "max-age=0" in respuesta["Cache-Control"]
    assert client.get("/en/health/?format=json").status_code == 404


def test_sin_redis_el_broker_es_en_proceso_y_sano(client, settings):
    from celery import current_app

    if not current_app.conf.task_always_eager:
        pytest.skip("REDIS_URL está definido: el broker es Redis")
    datos = client.get("/health/?format=json").json()
    assert datos["broker"] == "OK"
    assert "en proceso" in datos["detalles"]["broker"]


def test_broker_caido_da_503_y_lo_nombra(client, sin_broker):
    with sin_broker():
        respuesta = client.get("/health/?format=json")
    assert respuesta.status_code == 503
    datos = respuesta.json()
    assert datos["database"] == "OK" and datos["cache"] == "OK"
    assert datos["broker"].startswith("Unavailable")
    assert "broker" in datos["broker"]


def test_broker_caido_en_texto_plano(client, sin_broker):
    with sin_broker():
        respuesta = client.get("/health/", headers={"Accept": "text/plain"})
    assert respuesta.status_code == 503
    assert "broker: Unavailable" in respuesta.content.decode()
