"""Issue 14 item 7: the public list of tables counts each published acta once, whatever the
number of members of the table (a JOIN used to multiply the count)."""

import re

import pytest

from mesas import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def mesa_con_miembros_y_dos_actas(
    mesa_cayambe, fac_cayambe, coordinadora, crear_sesion, crear_persona, organizacion
):
    from core.documentos import documento_generar

    mesa_cayambe.miembros.add(*[crear_persona("Miembro", f"Número {i}") for i in range(11)])
    for dias in (-10, -3):
        sesion = crear_sesion(mesa_cayambe, dias=dias)
        services.asistencia_registrar(
            sesion=sesion, actor=crear_persona(), organizacion=organizacion
        )
        services.acuerdo_registrar(sesion=sesion, texto=f"Acuerdo {sesion.numero}")
        sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
        documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
        services.acta_publicar(sesion=sesion, usuario=coordinadora)
    crear_sesion(mesa_cayambe, dias=4)  # a future session is not an acta
    return mesa_cayambe


def test_la_lista_de_mesas_y_la_api_cuentan_cada_acta_una_vez(
    client, mesa_con_miembros_y_dos_actas
):
    mesa = mesa_con_miembros_y_dos_actas
    html = client.get("/mesas/").content.decode()
    tarjeta = html[html.index(f">{mesa.nombre}</a>") :]
    cifra = re.search(r"(\d+) actas? publicadas?", tarjeta)
    assert cifra is not None and cifra.group(1) == "2"

    fila = client.get(f"/api/v1/mesas/{mesa.slug}/").json()
    assert fila["sesiones_publicadas"] == 2
    lista = {m["slug"]: m for m in client.get("/api/v1/mesas/").json()}
    assert lista[mesa.slug]["sesiones_publicadas"] == 2
