"""Who may do what with the roadmap: rules and pages, as role × object tables."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import pytest

from core.roles import Rol
from pactos.models import Actividad, EstadoActividad
from tests.ayudas_roles import EQUIPO, ROLES, usuario_de

from .fixtures_hoja_de_ruta import claves_rapidas  # noqa: F401

pytestmark = pytest.mark.django_db

TABLA_REGLAS = {
    # rule: roles that hold it (without owning the activity). Administración is the Django
    # superuser: it holds every rule, as in the Django admin.
    "pactos.ver_hoja_de_ruta": EQUIPO,
    "pactos.editar_hoja_de_ruta": {"coordinacion", "administracion"},
    "pactos.actualizar_actividad": {"coordinacion", "administracion"},
    "pactos.generar_informe": {"coordinacion", "administracion"},
    "pactos.ver_informes": EQUIPO,
}


@pytest.mark.parametrize("regla", sorted(TABLA_REGLAS))
def test_tabla_de_reglas_por_rol(usuarios_por_rol, regla):
    actividad = Actividad.objects.get(codigo="pactos-convocatoria")
    for rol in ROLES:
        esperado = rol in TABLA_REGLAS[regla]
        assert usuario_de(usuarios_por_rol, rol).has_perm(regla, actividad) is esperado, (
            regla,
            rol,
        )


# (role, owns the activity, may update it): the rule and the inline update agree.
ACTUALIZAN = [
    ("coordinacion", False, True),
    ("facilitacion", True, True),
    ("facilitacion", False, False),
    ("comunicacion", True, True),
    ("analisis", False, False),
    ("sin_rol", True, False),  # someone who left the team keeps no access
    ("anonimo", False, False),
]


def _convocatoria(responsable=None) -> Actividad:
    actividad = Actividad.objects.get(codigo="pactos-convocatoria")
    if responsable is not None:
        actividad.responsable = responsable
        actividad.save()
    return actividad


@pytest.mark.parametrize(("rol", "es_responsable", "puede"), ACTUALIZAN)
def test_responsable_actualiza_solo_sus_actividades(usuarios_por_rol, rol, es_responsable, puede):
    usuario = usuario_de(usuarios_por_rol, rol)
    actividad = _convocatoria(usuario if es_responsable else None)
    assert usuario.has_perm("pactos.actualizar_actividad", actividad) is puede
    assert usuario.has_perm("pactos.editar_hoja_de_ruta", actividad) is (rol == "coordinacion")


PAGINAS = [
    "/pactos/hoja-de-ruta/",
    "/pactos/hoja-de-ruta/linea-de-tiempo/",
    "/pactos/hoja-de-ruta/tablero/",
    "/pactos/hoja-de-ruta/panel/",
    "/pactos/hoja-de-ruta/informes/",
    "/pactos/hoja-de-ruta/actividades/{pk}/",
    "/en/pactos/hoja-de-ruta/",
]
ESPERADO_LECTURA = {
    "coordinacion": 200,
    "facilitacion": 200,
    "comunicacion": 200,
    "analisis": 200,
    "administracion": 200,
    "sin_rol": 403,
    "anonimo": 302,
}


@pytest.mark.parametrize("rol", ROLES)
def test_paginas_de_lectura_por_rol(usuarios_por_rol, cliente_de, rol):
    pk = Actividad.objects.get(codigo="pactos-convocatoria").pk
    cliente = cliente_de(usuarios_por_rol[rol])
    for pagina in PAGINAS:
        respuesta = cliente.get(pagina.format(pk=pk))
        assert respuesta.status_code == ESPERADO_LECTURA[rol], (pagina, rol)
        if rol == "anonimo":
            assert "/cuentas/login/" in respuesta["Location"]
        if rol == "sin_rol":
            assert "pertenecer al equipo del programa" in respuesta.content.decode()


@pytest.mark.parametrize(
    "rol, esperado",
    [
        ("coordinacion", 200),
        ("facilitacion", 403),
        ("comunicacion", 403),
        ("analisis", 403),
        ("administracion", 200),
        ("sin_rol", 403),
        ("anonimo", 302),
    ],
)
def test_paginas_de_edicion_solo_coordinacion(usuarios_por_rol, cliente_de, rol, esperado):
    pk = Actividad.objects.get(codigo="pactos-convocatoria").pk
    cliente = cliente_de(usuarios_por_rol[rol])
    for pagina in [
        "/pactos/hoja-de-ruta/actividades/nueva/",
        f"/pactos/hoja-de-ruta/actividades/{pk}/plan/",
    ]:
        assert cliente.get(pagina).status_code == esperado, (pagina, rol)
    respuesta = cliente.post(
        "/pactos/hoja-de-ruta/informes/", {"desde": "2026-05-01", "hasta": "2026-05-31"}
    )
    assert respuesta.status_code == (
        302 if rol in ("coordinacion", "administracion", "anonimo") else 403
    ), rol


@pytest.mark.parametrize(("rol", "es_responsable", "puede"), ACTUALIZAN)
def test_actualizacion_en_linea_por_rol_y_responsable(
    usuarios_por_rol, cliente_de, rol, es_responsable, puede
):
    esperado = 200 if puede else 302 if rol == "anonimo" else 403
    actividad = _convocatoria(usuarios_por_rol[rol] if es_responsable else None)
    cliente = cliente_de(usuarios_por_rol[rol])
    respuesta = cliente.post(
        f"/pactos/hoja-de-ruta/actividades/{actividad.pk}/estado/",
        {"estado": "en_curso", "avance": "30", "vista": "lista"},
        headers={"HX-Request": "true"},
    )
    assert respuesta.status_code == esperado
    actividad.refresh_from_db()
    assert actividad.estado == (
        EstadoActividad.EN_CURSO if esperado == 200 else EstadoActividad.NO_INICIADA
    )


def test_el_publico_no_ve_nada_de_la_hoja_de_ruta(client):
    """Owners, notes and dates of the roadmap are staff-only; the API exposes none of it."""
    actividad = Actividad.objects.get(codigo="pactos-convocatoria")
    actividad.notas = "Nota interna del equipo"
    actividad.save()
    for url in [
        "/pactos/hoja-de-ruta/",
        "/pactos/hoja-de-ruta/informes/datos.xlsx",
        "/pactos/hoja-de-ruta/progreso-productos/",
    ]:
        respuesta = client.get(url)
        assert respuesta.status_code == 302
    assert "Nota interna del equipo" not in client.get("/").content.decode()


def test_grupos_de_roles_existentes():
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=Rol.COORDINACION).exists()
