"""An analyst imports a file, fixes the value the rules flagged, validates and publishes it;
a visitor then finds it on the canton's dashboard and on the map."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from core.roles import Rol
from tests.browser.navegador import cuenta, entrar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARCHIVO = (
    "indicador,canton,parroquia,periodo,desagregacion,categoria,valor,fuente,fecha_dato\n"
    "TUR-01,1702,,2024,,,658000,GAD Municipal de Cayambe,2025-03-31\n"
    "TUR-01,1703,,2024,,,91500,MINTUR,2025-03-31\n"
)


def _analista_con_dato_anterior(django_user_model):
    """An analyst, and last year's published figure against which the new one is checked."""
    from sie import services
    from sie.models import Canton, Indicador

    analista = cuenta(django_user_model, "jcevallos", Rol.ANALISIS, first_name="Jorge")
    anterior = services.medicion_registrar(
        dato=services.DatoMedicion(
            indicador=Indicador.objects.get(codigo="TUR-01"),
            canton=Canton.objects.get(codigo="1702"),
            periodo="2023",
            valor=Decimal(61_000),
            fuente="GAD Municipal de Cayambe",
            fecha_dato=datetime.date(2024, 3, 31),
        )
    )
    services.medicion_validar(medicion=anterior, usuario=analista)
    services.medicion_publicar(medicion=anterior, usuario=analista)


def _entrar_e_importar(page, live_server, tmp_path):
    entrar(
        page, live_server.url + "/sie/gestion/importar/", "jcevallos", r"/sie/gestion/importar/$"
    )

    archivo = tmp_path / "llegadas-2024.csv"
    archivo.write_text(ARCHIVO, encoding="utf-8")
    page.get_by_label("Archivo CSV o XLSX").set_input_files(str(archivo))
    page.get_by_role("button", name="Revisar el archivo").click()
    expect(page.get_by_text("2 filas correctas, listas para importar.")).to_be_visible()
    page.get_by_role("button", name="Importar como borrador").click()
    expect(page.get_by_text("1 valores importados tienen alertas")).to_be_visible()


def _corregir_validar_y_publicar(page):
    """The flagged value: an extra digit. Open it, correct it, validate and publish."""
    page.get_by_role("link", name="borradores con alertas").click()
    page.locator("tr.table-warning").get_by_role("link", name="TUR-01").click()
    expect(page.locator("#alertas")).to_contain_text("frente al período anterior (2023: 61.000)")
    page.get_by_label("Valor").fill("65800")
    page.get_by_role("button", name="Guardar corrección").click()
    expect(page.get_by_text("Valor corregido: ya no tiene alertas.")).to_be_visible()
    expect(page.locator("#alertas")).to_have_count(0)
    page.get_by_role("button", name="Validar", exact=True).click()
    expect(page.locator("#estado-medicion")).to_have_text("Validado")
    page.get_by_role("button", name="Publicar").click()
    expect(page.locator("#estado-medicion")).to_have_text("Publicado")


def _el_visitante_lo_ve(browser, live_server):
    """A visitor, in a fresh browser context."""
    visitante = browser.new_context()
    publico = visitante.new_page()
    publico.goto(live_server.url + "/")
    publico.get_by_role("link", name="Territorio").first.click()
    publico.get_by_role("link", name="Cayambe").click()
    fila = publico.locator('tr[data-indicador="TUR-01"]')
    expect(fila.locator(".sie-ultimo")).to_have_text("65.800")
    expect(fila).to_contain_text("GAD Municipal de Cayambe")
    expect(fila).to_contain_text("7,9 %")
    # Mejía's imported value is still a draft: the visitor never sees it.
    publico.goto(live_server.url + "/sie/mapa/?indicador=TUR-01&periodo=2024")
    casilla = publico.locator('g[data-canton="1702"]')
    expect(casilla).to_contain_text("65.800")
    expect(publico.locator('g[data-canton="1703"]')).to_contain_text("—")
    expect(publico.locator("table")).not_to_contain_text("91.500")
    visitante.close()


def test_analista_importa_corrige_valida_publica_y_el_visitante_lo_ve(
    page, live_server, django_user_model, tmp_path, browser
):
    _analista_con_dato_anterior(django_user_model)
    _entrar_e_importar(page, live_server, tmp_path)
    _corregir_validar_y_publicar(page)
    _el_visitante_lo_ve(browser, live_server)
