"""Figures are written as Django's locale says for the page's language (sie.cifras.cifra)."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import get_format

from sie.cifras import cifra

pytestmark = pytest.mark.django_db


def _miles(idioma: str) -> str:
    return get_format("THOUSAND_SEPARATOR", lang=idioma, use_l10n=True)


def test_la_ficha_del_canton_agrupa_los_miles_como_el_idioma_de_la_pagina(
    client, registrar, analista
):
    registrar("TUR-01", "1702", 2024, 1_234_567, publicar=True, usuario=analista)
    espanol = client.get("/sie/cantones/1702/").content.decode()
    ingles = client.get("/en/sie/cantones/1702/").content.decode()
    miles = _miles("es")
    assert f"1{miles}234{miles}567" in espanol
    assert "1,234,567" in ingles
    assert "1.234.567" not in espanol and f"1{miles}234{miles}567" not in ingles


@pytest.mark.parametrize(
    ("idioma", "esperado"),
    [("es", "1{m}234,5"), ("en", "1,234.5")],
)
def test_los_decimales_sobrantes_se_quitan_y_los_miles_se_agrupan(idioma, esperado):
    with translation.override(idioma):
        assert cifra(Decimal("1234.50")) == esperado.format(m=_miles(idioma))
        assert cifra(None) == "—"
