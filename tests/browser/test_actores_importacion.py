"""Browser journey: a facilitator imports a spreadsheet, fixes an error and sees the actor on the grid."""

import re

import pytest

from tests.referencia import reponer_datos_de_referencia

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENCABEZADO = "naturaleza,nombre,tipo,ambito,canton,sectores,email,telefono,identificacion,influencia,interes,posicion\n"


def _csv(identificacion: str) -> bytes:
    filas = [
        "organizacion,Asociación de Rosicultores de Olmedo,comunitario,cantonal,Cayambe,Floricultura,"
        f"rosas@example.org,0991234567,{identificacion},4,5,apoya",
        "organizacion,Centro de Acopio de Ayora,comunitario,cantonal,Cayambe,Leche y derivados,"
        "ayora@example.org,022360000,,2,4,neutral",
    ]
    return (ENCABEZADO + "\n".join(filas) + "\n").encode()


@pytest.fixture
def facilitador_de_cayambe(crear_usuario):
    """Reference data (groups, cantons, sectors) may have been flushed by an earlier transactional test."""

    from actores.services import asignacion_crear
    from core.roles import Rol
    from sie.models import Canton

    reponer_datos_de_referencia()

    user = crear_usuario("facilitadora", Rol.FACILITACION)
    asignacion_crear(usuario=None, facilitador=user, canton=Canton.objects.get(codigo="1702"))
    return user


def test_facilitador_importa_corrige_y_ve_el_actor_en_el_mapa(
    page, live_server, facilitador_de_cayambe
):
    page.goto(f"{live_server.url}/cuentas/login/?next=/actores/importar/")
    page.fill("input[name=username]", "facilitadora")
    page.fill("input[name=password]", "clave-de-prueba-123")
    page.press("input[name=password]", "Enter")
    page.wait_for_url(re.compile(r"/actores/importar/$"))

    # 1. A file with a wrong RUC: the preview explains the error and offers no confirmation.
    page.set_input_files(
        "input[name=archivo]",
        files=[{"name": "actores.csv", "mimeType": "text/csv", "buffer": _csv("1790011674000")}],
    )
    page.get_by_role("button", name="Ver la vista previa").click()
    errores = page.locator(".errores-importacion")
    assert "Fila 2" in errores.inner_text()
    assert "establecimiento" in errores.inner_text()
    assert page.get_by_role("button", name="Confirmar la importación").count() == 0

    # 2. The corrected file: preview without errors, then confirm.
    page.get_by_role("link", name="Subir el archivo corregido").click()
    page.set_input_files(
        "input[name=archivo]",
        files=[{"name": "actores.csv", "mimeType": "text/csv", "buffer": _csv("1790011674001")}],
    )
    page.get_by_role("button", name="Ver la vista previa").click()
    page.get_by_role("button", name="Confirmar la importación").click()
    assert "2 actores creados" in page.locator(".alert-success, .alert").first.inner_text()

    # 3. On the grid, the dot opens the actor.
    page.goto(f"{live_server.url}/actores/mapa/?canton=")
    punto = page.get_by_role(
        "link", name=re.compile(r"^Asociación de Rosicultores de Olmedo: influencia 4, interés 5")
    )
    punto.click()
    assert (
        page.locator("h1").inner_text().strip().startswith("Asociación de Rosicultores de Olmedo")
    )
    assert "Importación desde archivo." in page.content()
