"""The session's data form is brought from the server when its section opens (issue #15, light
on a bad connection). Without signal it cannot come: the facilitator is told so, beside the
link, instead of a link that does nothing; back online, the same link brings the form."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import navegador
from tests.browser.mesas_pasos import TELEFONO

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_los_datos_de_la_sesion_sin_senal_dicen_por_que_no_se_abren(
    browser, live_server, sesion_del_facilitador
):
    contexto = browser.new_context(viewport=TELEFONO, is_mobile=True, has_touch=True)
    page = contexto.new_page()
    ruta = f"/mesas/sesion/{sesion_del_facilitador.pk}/"
    navegador.entrar(page, live_server.url + ruta, "facilitador", re.escape(ruta))
    datos = page.locator("#seccion-datos")
    enlace = datos.get_by_role("link", name="Cambiar los datos")

    contexto.set_offline(True)
    datos.locator("> summary").tap()
    aviso = datos.get_by_role("status")
    expect(aviso).to_have_text(
        "Sin conexión: los datos de la sesión se pueden cambiar cuando vuelva la señal."
    )
    enlace.tap()
    expect(aviso).to_be_visible()
    expect(datos.get_by_label("Lugar")).to_have_count(0)

    contexto.set_offline(False)
    enlace.tap()
    expect(datos.get_by_label("Lugar")).to_have_value("Casa comunal de Olmedo")
    expect(aviso).to_have_count(0)
    contexto.close()
