"""The header's drop-downs open, close and stay on the screen (static/js/portal.js opens them, with
no Bootstrap JavaScript and no Popper: CSS places them), on a phone inside the collapsed menu and
on a wide screen, where the account menu opens to the left of its toggle."""

import pytest
from playwright.sync_api import expect

from tests.browser.mesas_pasos import entrar

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _dentro_de_la_pantalla(page, localizador) -> None:
    caja = localizador.bounding_box()
    ancho = page.viewport_size["width"]
    assert caja is not None
    assert caja["x"] >= 0 and caja["x"] + caja["width"] <= ancho, (caja, ancho)


def test_los_menus_de_la_cabecera_en_el_telefono_y_en_pantalla_ancha(
    page, live_server, sesion_del_facilitador
):
    entrar(page, live_server.url, sesion_del_facilitador.get_absolute_url())

    # a phone: the menu is collapsed behind its button
    menu = page.locator("#menu-principal")
    expect(menu).to_be_hidden()
    page.get_by_role("button", name="Abrir el menú").click()
    expect(menu).to_be_visible()
    page.locator("#menu-participe").click()
    consulta = page.locator("[aria-labelledby=menu-participe]").get_by_role(
        "link", name="Consulta pública"
    )
    expect(consulta).to_be_visible()
    expect(page.locator("#menu-participe")).to_have_attribute("aria-expanded", "true")
    _dentro_de_la_pantalla(page, page.locator("[aria-labelledby=menu-participe]"))

    page.locator("#menu-usuario").click()  # opening one closes the other
    expect(consulta).to_be_hidden()
    salir = page.get_by_role("button", name="Cerrar sesión")
    expect(salir).to_be_visible()
    _dentro_de_la_pantalla(page, page.locator("[aria-labelledby=menu-usuario]"))
    page.keyboard.press("Escape")
    expect(salir).to_be_hidden()
    expect(page.locator("#menu-usuario")).to_have_attribute("aria-expanded", "false")

    # a wide screen: the menus hang under the bar, the account menu aligned to its right edge
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("#menu-usuario").click()
    expect(salir).to_be_visible()
    lista = page.locator("[aria-labelledby=menu-usuario]")
    _dentro_de_la_pantalla(page, lista)
    boton = page.locator("#menu-usuario").bounding_box()
    caja = lista.bounding_box()
    assert caja["y"] >= boton["y"] + boton["height"] - 1  # below its toggle
    assert abs((caja["x"] + caja["width"]) - (boton["x"] + boton["width"])) < 20  # right-aligned
    page.keyboard.press("ArrowDown")  # the keyboard walks the items
    expect(page.locator("[aria-labelledby=menu-usuario] .dropdown-item").first).to_be_focused()
    page.locator("h1").click()  # a click elsewhere closes it
    expect(salir).to_be_hidden()
