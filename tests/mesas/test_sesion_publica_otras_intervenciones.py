"""The public session page shows what the published acta shows of the session's development.

Found on the production-like stack: interventions recorded without an agenda item (the common
case on a phone, where "Punto de agenda" defaults to "(ninguno)") were in the published acta
under "Otras intervenciones" but missing from the public page, which showed an empty
"Agenda y desarrollo" heading instead.
"""

import pytest

from core.documentos import documento_generar
from mesas import selectors, services
from tests.personas_publicas import CONSIENTE, ORGANIZACION, crear_personas, sin_nombres_ocultos

pytestmark = pytest.mark.django_db


def _publicar(sesion, fac, coordinadora):
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac)
    # as the pipeline does: the acta for signature, then the published version publication asks
    documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
    sesion = services.acta_publicar(sesion=sesion, usuario=coordinadora)
    documento_generar(documento_id=selectors.acta_publica_actual(sesion=sesion).pk)
    return sesion


def test_las_intervenciones_sin_punto_de_agenda_se_publican_con_la_regla_del_nombre(
    client, mesa_cayambe, fac_cayambe, coordinadora, crear_sesion
):
    p = crear_personas()
    sesion = crear_sesion(mesa_cayambe, dias=-2)
    services.asistencia_registrar(sesion=sesion, actor=p.consiente, organizacion=p.organizacion)
    services.asistencia_registrar(sesion=sesion, actor=p.reservado, organizacion=p.organizacion)
    for persona, resumen in (
        (p.consiente, "Propone la ruta del bizcocho."),
        (p.reservado, "Pide señalética bilingüe en Olmedo."),
    ):
        services.intervencion_registrar(
            sesion=sesion, actor=persona, tipo="propuesta", resumen=resumen
        )
    sesion = _publicar(sesion, fac_cayambe, coordinadora)

    respuesta = client.get(_url(sesion))
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Agenda y desarrollo" in html
    assert "Otras intervenciones" in html
    assert f"{CONSIENTE}: Propone la ruta del bizcocho." in html
    # the one who did not consent speaks through the organisation he represented
    assert f"{ORGANIZACION}: Pide señalética bilingüe en Olmedo." in html
    sin_nombres_ocultos(html, "la página pública de la sesión")


def test_sin_intervenciones_no_queda_un_titulo_vacio(
    client, mesa_cayambe, fac_cayambe, coordinadora, crear_sesion
):
    p = crear_personas()
    sesion = crear_sesion(mesa_cayambe, dias=-2)
    services.asistencia_registrar(sesion=sesion, actor=p.consiente, organizacion=p.organizacion)
    sesion = _publicar(sesion, fac_cayambe, coordinadora)

    html = client.get(_url(sesion)).content.decode()
    assert "Agenda y desarrollo" not in html


def _url(sesion) -> str:
    from django.urls import reverse

    return reverse(
        "mesas:sesion_publica", kwargs={"slug": sesion.mesa.slug, "numero": sesion.numero}
    )
