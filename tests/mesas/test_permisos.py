"""Role × object tables: who may see and record which session."""

import pytest

from mesas import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def actores_usuarios(usuarios_por_rol, fac_cayambe, fac_mejia):
    return {**usuarios_por_rol, "fac_cayambe": fac_cayambe, "fac_mejia": fac_mejia}


# GET of the recording page of a session of Cayambe's table
TABLA_VER = [
    ("coordinacion", 200),
    ("fac_cayambe", 200),
    ("fac_mejia", 403),
    ("facilitacion", 403),  # a facilitator with no table
    ("comunicacion", 403),
    ("analisis", 403),
    ("sin_rol", 403),
    ("anonimo", 302),
]


@pytest.mark.parametrize(("quien", "esperado"), TABLA_VER)
def test_quien_ve_el_registro_de_una_sesion_de_cayambe(
    quien, esperado, actores_usuarios, cliente_de, sesion_cayambe
):
    respuesta = cliente_de(actores_usuarios[quien]).get(f"/mesas/sesion/{sesion_cayambe.pk}/")
    assert respuesta.status_code == esperado
    if esperado == 403:
        assert "facilitar la mesa de esta sesión" in respuesta.content.decode()


# POST of an intervention/attendee to an OPEN session of Cayambe; then to a CLOSED one
TABLA_REGISTRAR = [
    # quien, abierta, cerrada
    ("coordinacion", 200, 403),
    ("fac_cayambe", 200, 403),
    ("fac_mejia", 403, 403),
    ("facilitacion", 403, 403),
    ("comunicacion", 403, 403),
    ("sin_rol", 403, 403),
    ("anonimo", 302, 302),
]


@pytest.mark.parametrize(("quien", "abierta", "cerrada"), TABLA_REGISTRAR)
def test_quien_registra_asistencia_en_una_sesion_abierta_y_en_una_cerrada(
    quien, abierta, cerrada, actores_usuarios, cliente_de, crear_sesion, mesa_cayambe, crear_persona
):
    sesion = crear_sesion(mesa_cayambe)
    persona = crear_persona()
    cliente = cliente_de(actores_usuarios[quien])
    url = f"/mesas/sesion/{sesion.pk}/asistencia/"
    respuesta = cliente.post(url, {"asistencia-actor": persona.pk}, HTTP_HX_REQUEST="true")
    assert respuesta.status_code == abierta
    assert sesion.asistencias.exists() == (abierta == 200)

    cerrada_s = crear_sesion(mesa_cayambe, dias=-1)  # closed after it took place
    services.asistencia_registrar(sesion=cerrada_s, actor=crear_persona())
    services.sesion_cerrar(
        sesion=cerrada_s, version=cerrada_s.version, usuario=actores_usuarios["coordinacion"]
    )
    otra = crear_persona()
    respuesta = cliente.post(
        f"/mesas/sesion/{cerrada_s.pk}/asistencia/", {"asistencia-actor": otra.pk}
    )
    assert respuesta.status_code == cerrada
    assert not cerrada_s.asistencias.filter(actor=otra).exists()


def test_facilitador_de_cayambe_no_lee_ni_cambia_una_sesion_de_mejia(
    fac_cayambe, cliente_de, sesion_mejia, crear_persona
):
    cliente = cliente_de(fac_cayambe)
    assert cliente.get(f"/mesas/sesion/{sesion_mejia.pk}/").status_code == 403
    for seccion, datos in [
        ("asistencia", {"asistencia-actor": crear_persona().pk}),
        ("acuerdo", {"acuerdo-texto": "Intruso"}),
        ("agenda", {"agenda-titulo": "Intruso"}),
    ]:
        assert cliente.post(f"/mesas/sesion/{sesion_mejia.pk}/{seccion}/", datos).status_code == 403
    assert (
        cliente.post(f"/mesas/sesion/{sesion_mejia.pk}/cerrar/", {"version": 1}).status_code == 403
    )
    assert not sesion_mejia.asistencias.exists() and not sesion_mejia.acuerdos.exists()


def test_nadie_edita_una_sesion_cerrada_sin_reabrirla(
    coordinadora, fac_cayambe, sesion_cayambe_ayer, crear_persona
):
    from django.core.exceptions import ValidationError

    services.asistencia_registrar(sesion=sesion_cayambe_ayer, actor=crear_persona())
    sesion = services.sesion_cerrar(
        sesion=sesion_cayambe_ayer, version=sesion_cayambe_ayer.version, usuario=fac_cayambe
    )
    with pytest.raises(ValidationError, match="reabrirla"):
        services.acuerdo_registrar(sesion=sesion, texto="Tarde")
    assert not coordinadora.has_perm("mesas.registrar_sesion", sesion)
    assert fac_cayambe.has_perm("mesas.reabrir_sesion", sesion)
    sesion = services.sesion_reabrir(sesion=sesion, usuario=fac_cayambe)
    services.acuerdo_registrar(sesion=sesion, texto="Corregido tras reabrir")
    assert sesion.acuerdos.count() == 1


def test_solo_coordinacion_publica_y_reabre_un_acta_publicada(
    coordinadora, fac_cayambe, sesion_cayambe
):
    sesion_cayambe.estado = "cerrada"
    assert coordinadora.has_perm("mesas.publicar_acta", sesion_cayambe)
    assert not fac_cayambe.has_perm("mesas.publicar_acta", sesion_cayambe)
    sesion_cayambe.estado = "acta_publicada"
    assert coordinadora.has_perm("mesas.reabrir_sesion", sesion_cayambe)
    assert not fac_cayambe.has_perm("mesas.reabrir_sesion", sesion_cayambe)


def test_mis_mesas_solo_para_facilitacion_y_coordinacion(usuarios_por_rol, cliente_de, fac_cayambe):
    esperado = {
        "coordinacion": 200,
        "facilitacion": 200,
        "comunicacion": 403,
        "analisis": 403,
        "sin_rol": 403,
        "anonimo": 302,
    }
    for quien, codigo in esperado.items():
        assert cliente_de(usuarios_por_rol[quien]).get("/mesas/mis-mesas/").status_code == codigo
    html = cliente_de(fac_cayambe).get("/mesas/mis-mesas/").content.decode()
    assert "Mesa cantonal de turismo de Cayambe" in html
    assert "Mesa cantonal de turismo de Mejía" not in html
