"""Recording with htmx: each addition saved at once, and nothing typed lost on an error."""

import re

import pytest

from mesas import services

pytestmark = pytest.mark.django_db


def test_anadir_asistente_devuelve_la_lista_sin_formularios_y_refresca_los_selects(
    cliente_de, fac_cayambe, sesion_cayambe, crear_persona
):
    persona = crear_persona("Lucía", "Tipán")
    cliente = cliente_de(fac_cayambe)
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion_cayambe.pk}/asistencia/",
        {"asistencia-actor": persona.pk},
        HTTP_HX_REQUEST="true",
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    # the list replaces the list: the forms stay on the page (it empties them itself), and
    # the answer does not carry them again (with their selects of every person and organisation)
    assert respuesta["HX-Retarget"] == "#lista-asistencia"
    assert "<html" not in html and 'id="lista-asistencia"' in html
    for seccion in ("asistencia", "nuevo"):
        assert f'action="/mesas/sesion/{sesion_cayambe.pk}/{seccion}/"' not in html
    assert 'name="asistencia-organizacion"' not in html and 'name="nuevo-nombres"' not in html
    assert "Lucía Tipán" in html and "Asistencia registrada." in html
    assert re.search(r'id="total-asistentes"\s+hx-swap-oob="true">1<', html)
    assert 'id="campo-intervencion-actor" hx-swap-oob' in html
    assert 'id="traer-anteriores" hx-swap-oob' in html
    assert "En curso" in html and 'id="estado-sesion"' in html  # header badge, out of band
    assert 'id="seccion-historial"' not in html  # an addition is not a correction
    assert sesion_cayambe.asistencias.filter(actor=persona).exists()


def test_error_de_validacion_conserva_lo_escrito(cliente_de, fac_cayambe, sesion_cayambe):
    cliente = cliente_de(fac_cayambe)
    resumen = "Propuesta larga escrita con cuidado en el salón parroquial"
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion_cayambe.pk}/intervencion/",
        {"intervencion-tipo": "propuesta", "intervencion-resumen": resumen},
        HTTP_HX_REQUEST="true",
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 400
    assert "Elija a la persona que interviene." in html
    assert resumen in html
    assert not sesion_cayambe.intervenciones.exists()


def test_acuerdo_con_plazo_invalido_conserva_el_texto(cliente_de, fac_cayambe, sesion_cayambe):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion_cayambe.pk}/acuerdo/",
        {"acuerdo-texto": "Mejorar la señalética", "acuerdo-plazo": "2020-01-01"},
        HTTP_HX_REQUEST="true",
    )
    html = respuesta.content.decode()
    assert "El plazo no puede ser anterior a la fecha de la sesión." in html
    assert "Mejorar la señalética" in html


def test_persona_nueva_rapida(cliente_de, fac_cayambe, sesion_cayambe, organizacion):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion_cayambe.pk}/nuevo/",
        {
            "nuevo-nombres": "Blanca",
            "nuevo-apellidos": "Tupiza",
            "nuevo-genero": "mujer",
            "nuevo-tipo": "comunitario",
            "nuevo-organizacion": organizacion.pk,
        },
        HTTP_HX_REQUEST="true",
    )
    assert "Blanca Tupiza" in respuesta.content.decode()
    assert sesion_cayambe.asistencias.get().organizacion == organizacion


def test_sin_htmx_redirige_a_la_seccion(cliente_de, fac_cayambe, sesion_cayambe):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion_cayambe.pk}/agenda/", {"agenda-titulo": "Bienvenida"}
    )
    assert respuesta.status_code == 302 and respuesta["Location"].endswith("#seccion-agenda")


def test_cerrar_desde_la_pagina_y_conflicto_de_version(
    cliente_de, fac_cayambe, sesion_cayambe_ayer, crear_persona
):
    services.asistencia_registrar(sesion=sesion_cayambe_ayer, actor=crear_persona())
    url = f"/mesas/sesion/{sesion_cayambe_ayer.pk}/cerrar/"
    vieja = sesion_cayambe_ayer.version - 1
    respuesta = cliente_de(fac_cayambe).post(url, {"version": vieja})
    assert respuesta.status_code == 409
    assert "Otra persona guardó cambios" in respuesta.content.decode()
    respuesta = cliente_de(fac_cayambe).post(
        url, {"version": sesion_cayambe_ayer.version}, follow=True
    )
    html = respuesta.content.decode()
    assert "Sesión cerrada. El acta se está generando." in html
    assert "Sesión cerrada: su registro está congelado." in html
