"""The session page's first visit on a slow link (issue 15): what it carries and what it asks for
only when needed (docs/performance.md)."""

import json
import re

import pytest

from mesas.selectors import registro_para_asistencia

pytestmark = pytest.mark.django_db


def test_la_pagina_lleva_el_registro_de_la_busqueda_de_asistentes(
    cliente_de, fac_cayambe, sesion_cayambe
):
    """asistentes.js reads the registry from the page (the form names its block), outside the
    attendance section a save replaces; no other address gives it."""
    cliente = cliente_de(fac_cayambe)
    html = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    bloque = re.search(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    assert bloque and f'data-registro="{bloque.group(1)}"' in html.replace(bloque.group(0), "")
    assert json.loads(bloque.group(2)) == registro_para_asistencia(sesion=sesion_cayambe)
    assert "<" not in bloque.group(2) and "&" not in bloque.group(2)
    seccion = re.search(r'<section id="seccion-asistencia".*?</section>', html, re.S).group(0)
    assert bloque.group(0) not in seccion
    assert cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/registro.json").status_code == 404


def test_los_datos_de_la_sesion_se_piden_al_abrirlos(cliente_de, fac_cayambe, sesion_cayambe):
    """The data form comes when asked for: with htmx when its section opens, or by the link."""
    cliente = cliente_de(fac_cayambe)
    url = f"/mesas/sesion/{sesion_cayambe.pk}/"
    html = cliente.get(url).content.decode()
    assert 'name="objetivo"' not in html
    assert 'href="?datos=1#seccion-datos"' in html and 'hx-select="#form-datos"' in html
    assert f'action="/mesas/sesion/{sesion_cayambe.pk}/cancelar/"' in html  # still in place
    con_datos = cliente.get(url + "?datos=1").content.decode()
    assert 'id="form-datos"' in con_datos and 'name="objetivo"' in con_datos
    assert re.search(r'<details class="card mb-3"\s+id="seccion-datos"\s+open', con_datos)
