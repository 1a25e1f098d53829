"""Figures are written as the page's language writes them (sie.cifras.cifra): Spanish as in
Ecuador, 1.234,5 (shared/DOMAIN.md), English 1,234.5."""

from decimal import Decimal

import pytest
from django.utils import translation

from sie.cifras import cifra

pytestmark = pytest.mark.django_db


def test_la_ficha_del_canton_agrupa_los_miles_como_el_idioma_de_la_pagina(
    client, registrar, analista
):
    registrar("TUR-01", "1702", 2024, 1_234_567, publicar=True, usuario=analista)
    espanol = client.get("/sie/cantones/1702/").content.decode()
    ingles = client.get("/en/sie/cantones/1702/").content.decode()
    assert "1.234.567" in espanol
    assert "1,234,567" in ingles
    assert "1\xa0234\xa0567" not in espanol and "1.234.567" not in ingles


@pytest.mark.parametrize(("idioma", "esperado"), [("es", "1.234,5"), ("en", "1,234.5")])
def test_los_decimales_sobrantes_se_quitan_y_los_miles_se_agrupan(idioma, esperado):
    with translation.override(idioma):
        assert cifra(Decimal("1234.50")) == esperado
        assert cifra(None) == "—"


def test_la_plantilla_agrupa_con_el_mismo_separador_que_cifra():
    """intcomma/localize in templates and cifra() agree: one es-EC way of writing a figure."""
    from django.contrib.humanize.templatetags.humanize import intcomma

    with translation.override("es"):
        assert intcomma(1234567) == "1.234.567"
