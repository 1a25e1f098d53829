"""The public list of participating organisations reflows on a 320 px phone.

Found on the production-like stack: a sector badge keeps its text on one line, and the longest
sector ("Palmito, frutas tropicales, especies menores y piscicultura") made the whole page
scroll sideways on a 320 px screen (397 px wide).
"""

import pytest

from sie.models import Sector
from tests.pasos import organizacion_comunitaria

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_la_lista_de_organizaciones_no_se_desborda_a_320_px(page, live_server):
    largo = max(Sector.objects.all(), key=lambda s: len(s.nombre))
    assert len(largo.nombre) > 40
    organizacion = organizacion_comunitaria(
        "Asociación de Piscicultores del Noroccidente", visible_publico=True
    )
    organizacion.sectores.add(largo)

    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{live_server.url}/actores/participantes/")
    assert largo.nombre in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
