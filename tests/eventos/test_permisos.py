"""Who may do what with an event: role × object tables, and what the views answer."""

import pytest

from eventos import services
from eventos.models import MiembroEquipo
from tests.ayudas_roles import CON_CUENTA, EQUIPO

pytestmark = pytest.mark.django_db


# permiso: roles allowed on an event where they have no role in the working group
TABLA_SIN_EQUIPO = {
    "eventos.ver_gestion": EQUIPO,
    "eventos.crear_evento": {"coordinacion"},
    "eventos.ver_evento": {"coordinacion", "comunicacion"},
    "eventos.editar_evento": {"coordinacion"},
    "eventos.gestionar_invitados": {"coordinacion"},
    "eventos.registrar_asistencia": {"coordinacion"},
    "eventos.editar_logistica": {"coordinacion"},
    "eventos.sistematizar": {"coordinacion"},
}

# working-group role of a facilitator (no programme-wide power) → permissions on THAT event
TABLA_EQUIPO = {
    MiembroEquipo.Rol.RESPONSABLE: {
        "eventos.ver_evento",
        "eventos.editar_evento",
        "eventos.gestionar_invitados",
        "eventos.registrar_asistencia",
        "eventos.editar_logistica",
        "eventos.sistematizar",
    },
    MiembroEquipo.Rol.PROTOCOLO: {
        "eventos.ver_evento",
        "eventos.gestionar_invitados",
        "eventos.registrar_asistencia",
    },
    MiembroEquipo.Rol.LOGISTICA: {
        "eventos.ver_evento",
        "eventos.registrar_asistencia",
        "eventos.editar_logistica",
    },
    MiembroEquipo.Rol.ACREDITACION: {"eventos.ver_evento", "eventos.registrar_asistencia"},
    MiembroEquipo.Rol.SISTEMATIZACION: {
        "eventos.ver_evento",
        "eventos.registrar_asistencia",
        "eventos.sistematizar",
    },
}
POR_EVENTO = [
    p for p in TABLA_SIN_EQUIPO if p not in ("eventos.ver_gestion", "eventos.crear_evento")
]


@pytest.mark.parametrize("rol", CON_CUENTA)
@pytest.mark.parametrize("permiso", list(TABLA_SIN_EQUIPO))
def test_tabla_por_rol(usuarios_por_rol, evento, rol, permiso):
    usuario = usuarios_por_rol[rol]
    obj = None if permiso in ("eventos.ver_gestion", "eventos.crear_evento") else evento
    # Administración is a Django superuser: every permission, by Django's design.
    esperado = rol == "administracion" or rol in TABLA_SIN_EQUIPO[permiso]
    assert usuario.has_perm(permiso, obj) is esperado


def test_anonimo_no_tiene_ningun_permiso(evento):
    from django.contrib.auth.models import AnonymousUser

    for permiso in TABLA_SIN_EQUIPO:
        assert not AnonymousUser().has_perm(permiso, evento)


@pytest.mark.parametrize("rol_equipo", list(TABLA_EQUIPO))
def test_tabla_por_rol_en_el_equipo(facilitador, coordinadora, evento, crear_evento, rol_equipo):
    services.miembro_agregar(
        evento=evento, rol=rol_equipo, miembro=facilitador, usuario=coordinadora
    )
    otro = crear_evento(titulo="Otro evento del programa")
    for permiso in POR_EVENTO:
        assert facilitador.has_perm(permiso, evento) is (permiso in TABLA_EQUIPO[rol_equipo]), (
            permiso
        )
        # The role is for that event only.
        assert not facilitador.has_perm(permiso, otro), permiso


def test_certificado_usa_el_evento_del_invitado(facilitador, coordinadora, evento, invitar):
    (invitado,) = invitar(1)
    assert not facilitador.has_perm("eventos.sistematizar", invitado)
    services.miembro_agregar(
        evento=evento,
        rol=MiembroEquipo.Rol.SISTEMATIZACION,
        miembro=facilitador,
        usuario=coordinadora,
    )
    facilitador = type(facilitador).objects.get(pk=facilitador.pk)
    assert facilitador.has_perm("eventos.sistematizar", invitado)


def test_vistas_de_gestion(evento, cliente_de, usuarios_por_rol):
    url = f"/eventos/gestion/{evento.pk}/invitados/"
    esperado = {"coordinacion": 200, "comunicacion": 403, "facilitacion": 403, "sin_rol": 403}
    for rol, codigo in esperado.items():
        respuesta = cliente_de(usuarios_por_rol[rol]).get(url)
        assert respuesta.status_code == codigo, rol
        if codigo == 403:
            assert (
                "el rol de Coordinación o ser responsable o de protocolo"
                in respuesta.content.decode()
            )
    anonimo = cliente_de(None).get(url)
    assert anonimo.status_code == 302 and "/cuentas/" in anonimo["Location"]


def test_comunicacion_ve_el_evento_pero_no_la_lista_de_invitados(
    evento, cliente_de, comunicador, invitar
):
    invitar(1)
    cliente = cliente_de(comunicador)
    html = cliente.get(f"/eventos/gestion/{evento.pk}/").content.decode()
    assert evento.titulo in html
    assert f"i{evento.pk}-0@example.org" not in html
    assert f"/eventos/gestion/{evento.pk}/invitados/" not in html


def test_lista_de_gestion_muestra_solo_los_eventos_del_equipo(
    evento, crear_evento, cliente_de, facilitador, coordinadora
):
    otro = crear_evento(titulo="Foro de turismo del Chocó Andino")
    services.miembro_agregar(
        evento=otro, rol=MiembroEquipo.Rol.ACREDITACION, miembro=facilitador, usuario=coordinadora
    )
    html = cliente_de(facilitador).get("/eventos/gestion/").content.decode()
    assert "Foro de turismo del Chocó Andino" in html
    assert evento.titulo not in html
