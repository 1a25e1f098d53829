"""The coordinator's page for a table's team: who facilitates it and which actors are members."""

import pytest

from core.roles import Rol

pytestmark = pytest.mark.django_db

URL = "/mesas/gestion/turismo-cayambe/equipo/"


@pytest.mark.parametrize(
    ("quien", "esperado"),
    [
        ("coordinacion", 200),
        ("fac_cayambe", 403),  # facilitating a table does not mean choosing its team
        ("facilitacion", 403),
        ("comunicacion", 403),
        ("analisis", 403),
        ("sin_rol", 403),
        ("anonimo", 302),
    ],
)
def test_solo_coordinacion_edita_el_equipo(
    quien, esperado, usuarios_por_rol, fac_cayambe, cliente_de
):
    usuarios = {**usuarios_por_rol, "fac_cayambe": fac_cayambe}
    assert cliente_de(usuarios[quien]).get(URL).status_code == esperado
    enviado = cliente_de(usuarios[quien]).post(URL, {"q": ""}).status_code
    assert enviado == (302 if esperado == 200 else esperado)


def test_asignar_facilitacion_abre_el_registro_de_sesiones(
    coordinadora, crear_usuario, cliente_de, mesa_cayambe, crear_sesion, client
):
    nueva = crear_usuario("rocio", Rol.FACILITACION, first_name="Rocío", last_name="Quishpe")
    sesion = crear_sesion(mesa_cayambe)
    cliente = cliente_de(coordinadora)
    assert "Rocío Quishpe" in cliente.get(URL).content.decode()

    respuesta = cliente.post(URL, {"facilitadores": [nueva.pk], "q": ""}, follow=True)
    assert "Equipo de la mesa actualizado." in respuesta.content.decode()
    assert list(mesa_cayambe.facilitadores.all()) == [nueva]
    assert cliente_de(nueva).get(f"/mesas/sesion/{sesion.pk}/").status_code == 200

    # Taking her off the table closes it to her again.
    cliente_de(coordinadora).post(URL, {"facilitadores": [], "q": ""})
    assert cliente_de(nueva).get(f"/mesas/sesion/{sesion.pk}/").status_code == 403


def test_solo_quien_tiene_el_rol_de_facilitacion_puede_facilitar(
    coordinadora, crear_usuario, cliente_de, mesa_cayambe, fac_cayambe
):
    sin_rol = crear_usuario("vecino")
    respuesta = cliente_de(coordinadora).post(URL, {"facilitadores": [sin_rol.pk], "q": ""})
    assert respuesta.status_code == 400
    assert "Escoja una opción válida" in respuesta.content.decode()
    # A former facilitator who lost the role is listed (so they can be removed) but not kept.
    fac_cayambe.groups.clear()
    respuesta = cliente_de(coordinadora).post(URL, {"facilitadores": [fac_cayambe.pk], "q": ""})
    assert "Solo quien tiene el rol de Facilitación puede facilitar una mesa" in (
        respuesta.content.decode()
    )
    assert list(mesa_cayambe.facilitadores.all()) == [fac_cayambe]  # nothing changed


def test_buscar_anadir_y_quitar_miembros(coordinadora, cliente_de, mesa_cayambe, organizacion):
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(URL, {"q": "kayambi"}).content.decode()
    assert "Asociación de Turismo Comunitario Kayambi" in pagina

    cliente.post(URL, {"q": "kayambi", "agregar": [organizacion.pk]})
    assert organizacion in mesa_cayambe.miembros.all()
    # Once a member, it is offered for removal, not for adding.
    pagina = cliente.get(URL, {"q": "kayambi"}).content.decode()
    assert "Ningún actor fuera de la mesa coincide con «kayambi»." in pagina

    cliente.post(URL, {"q": "", "quitar": [organizacion.pk]})
    assert organizacion not in mesa_cayambe.miembros.all()


def test_un_actor_que_no_salio_en_la_busqueda_no_se_cuela(
    coordinadora, cliente_de, mesa_cayambe, organizacion
):
    """Adding takes only actors offered by the search shown; a forged id is refused."""
    respuesta = cliente_de(coordinadora).post(URL, {"q": "zzz", "agregar": [organizacion.pk]})
    assert respuesta.status_code == 400
    assert organizacion not in mesa_cayambe.miembros.all()


def test_la_gestion_de_la_mesa_enlaza_al_equipo_solo_para_coordinacion(
    coordinadora, fac_cayambe, cliente_de
):
    assert URL in cliente_de(coordinadora).get("/mesas/gestion/turismo-cayambe/").content.decode()
    assert (
        URL not in cliente_de(fac_cayambe).get("/mesas/gestion/turismo-cayambe/").content.decode()
    )
