"""The roadmap blocks count their activities in good Spanish (and English) whatever the number.

Found on the production-like stack: the home page's last block read "0 de 1 actividades
realizadas".
"""

import pytest

pytestmark = pytest.mark.django_db


def test_un_bloque_de_una_sola_actividad_se_lee_en_singular(client):
    html = client.get("/").content.decode()
    assert "0 de 1 actividad realizada" in html  # Socialización: one activity
    assert "de 1 actividades" not in html
    assert "0 de 9 actividades realizadas" in html  # and the plural stays
    ingles = client.get("/en/").content.decode()
    assert "0 of 1 activity done" in ingles and "0 of 9 activities done" in ingles


def test_la_hoja_de_ruta_publica_tambien(client):
    from django.template import Context, Template

    html = Template("{% load hoja_de_ruta_publica %}{% hoja_de_ruta_publica %}").render(Context())
    assert "0 de 1 actividad realizada" in html and "de 1 actividades" not in html
