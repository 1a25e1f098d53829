"""The session page's first visit on a slow link (issue 15): what it carries and what it asks for
only when needed (docs/performance.md)."""

import re

import pytest

pytestmark = pytest.mark.django_db


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
