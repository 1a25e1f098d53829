"""Parts that fail: the visitor gets a clear Spanish page with the right status, never a traceback."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.mark.django_db
def test_base_de_datos_caida_da_503_en_espanol():
    cliente = Client(raise_request_exception=False)
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    ):
        respuesta = cliente.get("/sie/cantones/")
    assert respuesta.status_code == 503
    assert respuesta["Retry-After"] == "60"
    html = respuesta.content.decode()
    assert "El portal no está disponible en este momento" in html
    assert "Traceback" not in html and "Connection refused" not in html


@pytest.mark.django_db
def test_otro_error_da_500_sin_detalles():
    cliente = Client(raise_request_exception=False)
    with mock.patch(
        "sie.views.publico.cantones_publicos", side_effect=RuntimeError("detalle interno")
    ):
        respuesta = cliente.get("/sie/cantones/")
    assert respuesta.status_code == 500
    html = respuesta.content.decode()
    assert "Algo salió mal" in html
    assert "detalle interno" not in html and "Traceback" not in html
