"""The permission table: role × action × actor (in the facilitator's territory or outside it)."""

import pytest
from django.urls import reverse

from actores.models import Actor
from tests.ayudas_roles import EQUIPO, ROLES, usuario_de

# action -> roles allowed, for an actor IN the facilitator's canton / OUTSIDE it.
# Administración is a Django superuser here (the demo admin too), so it passes every rule.
TABLA = {
    "actores.ver_mapa": (EQUIPO,) * 2,
    "actores.ver_actor": (EQUIPO,) * 2,
    "actores.ver_datos_personales": (
        {"coordinacion", "facilitacion", "administracion"},
        {"coordinacion", "administracion"},
    ),
    "actores.editar_actor": (
        {"coordinacion", "facilitacion", "administracion"},
        {"coordinacion", "administracion"},
    ),
    "actores.cambiar_posicion": (
        {"coordinacion", "facilitacion", "administracion"},
        {"coordinacion", "administracion"},
    ),
    "actores.gestionar_relaciones": (
        {"coordinacion", "facilitacion", "administracion"},
        {"coordinacion", "administracion"},
    ),
    "actores.crear_actor": ({"coordinacion", "facilitacion", "administracion"},) * 2,
    "actores.importar": ({"coordinacion", "facilitacion", "administracion"},) * 2,
    "actores.exportar": (EQUIPO,) * 2,
    "actores.exportar_datos_personales": ({"coordinacion", "administracion"},) * 2,
    "actores.fusionar": ({"coordinacion", "administracion"},) * 2,
}


@pytest.fixture
def actores_dentro_y_fuera(crear_actor, canton, otro_canton, facilitador_asignado):
    dentro = crear_actor(canton=canton)
    fuera = crear_actor(canton=otro_canton)
    return dentro, fuera


@pytest.mark.parametrize("permiso", sorted(TABLA))
def test_tabla_de_permisos(permiso, usuarios_por_rol, actores_dentro_y_fuera):
    for indice, actor in enumerate(actores_dentro_y_fuera):
        permitidos = TABLA[permiso][indice]
        for rol in ROLES:
            user = usuario_de(usuarios_por_rol, rol)
            esperado = rol in permitidos
            assert user.has_perm(permiso, actor) is esperado, (
                permiso,
                rol,
                "dentro" if indice == 0 else "fuera",
            )


def test_facilitador_sin_asignacion_no_crea_ni_edita(facilitador, crear_actor):
    actor = crear_actor()
    assert not facilitador.has_perm("actores.crear_actor")
    assert not facilitador.has_perm("actores.editar_actor", actor)
    assert facilitador.has_perm("actores.ver_mapa")


def test_asignacion_por_sector(facilitador, crear_actor, sector, otro_canton):
    from actores.services import asignacion_crear

    asignacion_crear(usuario=None, facilitador=facilitador, sector=sector)
    facilitador.__dict__.pop("_asignaciones_actores", None)  # cached per request
    con_sector = crear_actor(canton=otro_canton, sectores=[sector])
    sin_sector = crear_actor(canton=otro_canton)
    assert facilitador.has_perm("actores.editar_actor", con_sector)
    assert not facilitador.has_perm("actores.editar_actor", sin_sector)


def test_publico_solo_ve_organizaciones_que_aceptaron(crear_actor, sin_rol):
    from django.contrib.auth.models import AnonymousUser

    publica = crear_actor(visible_publico=True)
    privada = crear_actor()
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA)
    for user in (AnonymousUser(), sin_rol):
        assert user.has_perm("actores.ver_actor", publica)
        assert not user.has_perm("actores.ver_actor", privada)
        assert not user.has_perm("actores.ver_actor", persona)


@pytest.mark.parametrize(
    ("rol", "estado_editar_dentro", "estado_editar_fuera"),
    [
        ("coordinacion", 200, 200),
        ("facilitacion", 200, 403),
        ("comunicacion", 403, 403),
        ("analisis", 403, 403),
        ("sin_rol", 403, 403),
        ("anonimo", 302, 302),
    ],
)
def test_vistas_de_edicion_respetan_la_tabla(
    rol,
    estado_editar_dentro,
    estado_editar_fuera,
    usuarios_por_rol,
    cliente_de,
    actores_dentro_y_fuera,
):
    dentro, fuera = actores_dentro_y_fuera
    cliente = cliente_de(usuarios_por_rol[rol])
    assert (
        cliente.get(reverse("actores:editar", args=[dentro.pk])).status_code == estado_editar_dentro
    )
    assert (
        cliente.get(reverse("actores:editar", args=[fuera.pk])).status_code == estado_editar_fuera
    )


def test_403_explica_lo_que_falta(cliente_de, comunicador, crear_actor):
    actor = crear_actor()
    respuesta = cliente_de(comunicador).get(reverse("actores:editar", args=[actor.pk]))
    assert respuesta.status_code == 403
    assert "Facilitación" in respuesta.content.decode()


def test_facilitador_no_puede_crear_fuera_de_su_canton(
    cliente_de, facilitador_asignado, otro_canton, canton
):
    datos = {
        "naturaleza": "organizacion",
        "nombre": "Asociación fuera de mi cantón",
        "tipo": "comunitario",
        "ambito": "cantonal",
        "canton": otro_canton.pk,
        "influencia": "3",
        "interes": "3",
        "posicion": "apoya",
        "activo": "on",
    }
    cliente = cliente_de(facilitador_asignado)
    respuesta = cliente.post(reverse("actores:crear"), datos)
    assert respuesta.status_code == 400
    assert "cantones o sectores asignados" in respuesta.content.decode()
    assert not Actor.objects.filter(nombre="Asociación fuera de mi cantón").exists()
    datos["canton"] = canton.pk
    respuesta = cliente.post(reverse("actores:crear"), datos)
    assert respuesta.status_code == 302
    assert Actor.objects.filter(
        nombre="Asociación fuera de mi cantón", creado_por=facilitador_asignado
    ).exists()
