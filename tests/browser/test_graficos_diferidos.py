"""A visitor on a phone opens an indicator: the page and its data table arrive without Chart.js,
which is fetched only when the chart comes near the screen, and then draws it. The map, which
has no chart, never fetches it."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Short enough that the chart starts below the screen and the 200 px margin.
TELEFONO_BAJO = {"width": 390, "height": 400}


def _publicar_valores():
    from django.contrib.auth import get_user_model

    from sie import services
    from sie.models import Canton, Indicador

    analista = get_user_model().objects.create_user("analista-graficos")
    for periodo, valor in (("2023", 61_000), ("2024", 65_000)):
        medicion = services.medicion_registrar(
            dato=services.DatoMedicion(
                indicador=Indicador.objects.get(codigo="TUR-01"),
                canton=Canton.objects.get(codigo="1702"),
                periodo=periodo,
                valor=Decimal(valor),
                fuente="GAD Municipal de Cayambe",
                fecha_dato=datetime.date(int(periodo) + 1, 3, 31),
            )
        )
        services.medicion_validar(medicion=medicion, usuario=analista)
        services.medicion_publicar(medicion=medicion, usuario=analista)


def test_chartjs_llega_cuando_el_grafico_se_acerca_a_la_pantalla(page, live_server):
    _publicar_valores()
    pedidos = []
    page.on("request", lambda pedido: pedidos.append(pedido.url))
    page.set_viewport_size(TELEFONO_BAJO)

    page.goto(live_server.url + "/sie/mapa/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(live_server.url + "/sie/indicadores/TUR-01/", wait_until="load")
    expect(
        page.get_by_role("table", name="Tabla de la serie por cantón y período")
    ).to_contain_text("65")
    assert not [u for u in pedidos if "chart.umd" in u]

    lienzo = page.locator("canvas[data-grafico=datos-serie]")
    lienzo.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('canvas[data-grafico=datos-serie]').chart !== undefined"
    )
    assert [u for u in pedidos if "chart.umd" in u]
