"""Roles: what each role may open (role × page tables) and what its navigation offers."""

import pytest

from core.roles import Rol, roles_de

pytestmark = pytest.mark.django_db

ROLES = ["coordinacion", "facilitacion", "comunicacion", "analisis", "administracion", "sin_rol"]
PERSONAL = ["coordinacion", "facilitacion", "comunicacion", "analisis", "administracion"]

LOGIN = "/cuentas/login/"

# page → {role: expected}; 200 allowed, "login" sent to log in, 403 refused with an explanation.
TABLA = {
    "/": dict.fromkeys([*ROLES, "anonimo"], 200),
    "/sie/cantones/": dict.fromkeys([*ROLES, "anonimo"], 200),
    "/panel/": {**dict.fromkeys(PERSONAL, 200), "sin_rol": 403, "anonimo": "login"},
    "/admin/": {
        **dict.fromkeys(ROLES, 403),
        "administracion": 200,
        "anonimo": "login",
    },
}

CASOS = [
    (pagina, rol, esperado) for pagina, fila in TABLA.items() for rol, esperado in fila.items()
]


@pytest.mark.parametrize(("pagina", "rol", "esperado"), CASOS)
def test_tabla_de_acceso_por_rol(pagina, rol, esperado, usuarios_por_rol, cliente_de):
    respuesta = cliente_de(usuarios_por_rol[rol]).get(pagina)
    if esperado == "login":
        assert respuesta.status_code == 302
        assert respuesta["Location"].startswith(f"{LOGIN}?next=")
        assert pagina in respuesta["Location"]
    else:
        assert respuesta.status_code == esperado
    if esperado == 403:
        html = respuesta.content.decode()
        assert "No tiene permiso para ver esta página" in html
        assert "Para esta página hace falta" in html


@pytest.mark.parametrize(
    ("pagina", "textos"),
    [
        (
            "/panel/",
            [
                "pertenecer al equipo del programa",
                "Coordinación, Facilitación, Comunicación, Análisis SIE o Administración",
                "Sus roles actuales",
                "ninguno",
                "pídalo a la coordinación del programa",
            ],
        ),
        (
            "/en/panel/",
            [
                "You do not have permission to see this page",
                "This page requires belonging to the programme team",
            ],
        ),
    ],
    ids=["es", "en"],
)
def test_sin_rol_en_el_panel_sabe_que_le_falta(pagina, textos, sin_rol, cliente_de):
    respuesta = cliente_de(sin_rol).get(pagina)
    assert respuesta.status_code == 403
    html = respuesta.content.decode()
    for texto in textos:
        assert texto in html


def test_admin_rechazado_nombra_el_rol_que_falta(coordinadora, cliente_de):
    html = cliente_de(coordinadora).get("/admin/auth/user/").content.decode()
    assert "Para esta página hace falta el rol de Administración" in html
    assert "<strong>Coordinación</strong>" in html


def test_admin_rechaza_tambien_su_propio_login(coordinadora, cliente_de):
    assert cliente_de(coordinadora).get("/admin/login/").status_code == 403
    respuesta = cliente_de(None).get("/admin/login/?next=/admin/auth/user/")
    assert respuesta.status_code == 302
    assert respuesta["Location"] == f"{LOGIN}?next=/admin/auth/user/"


def test_administracion_usa_el_admin(administrador, cliente_de):
    cliente = cliente_de(administrador)
    assert cliente.get("/admin/auth/user/").status_code == 200
    assert cliente.get("/admin/auth/group/").status_code == 200


def test_roles_de_cuenta_superusuario_como_administracion(crear_usuario):
    assert roles_de(crear_usuario("raiz", is_superuser=True)) == {Rol.ADMINISTRACION}
    assert roles_de(None) == set()


# --- Navigation per role -------------------------------------------------------------------

PANEL = 'href="/panel/"'
ADMIN = 'href="/admin/"'
SALIR = 'action="/cuentas/logout/"'
INGRESAR = 'href="/cuentas/login/"'

# role → (entries that must appear, entries that must not)
NAVEGACION = {
    "anonimo": ([INGRESAR], [PANEL, ADMIN, SALIR]),
    "sin_rol": ([SALIR, "Sin rol asignado"], [PANEL, ADMIN, INGRESAR]),
    "coordinacion": ([PANEL, SALIR, "Coordinación"], [ADMIN, INGRESAR]),
    "facilitacion": ([PANEL, SALIR, "Facilitación"], [ADMIN, INGRESAR]),
    "comunicacion": ([PANEL, SALIR, "Comunicación"], [ADMIN, INGRESAR]),
    "analisis": ([PANEL, SALIR, "Análisis SIE"], [ADMIN, INGRESAR]),
    "administracion": ([PANEL, ADMIN, SALIR, "Administración"], [INGRESAR]),
}


def _cabecera(html: str) -> str:
    return html.split("<header", 1)[1].split("</header>", 1)[0]


@pytest.mark.parametrize("rol", list(NAVEGACION))
def test_cada_rol_ve_su_navegacion(rol, usuarios_por_rol, cliente_de):
    cabecera = _cabecera(cliente_de(usuarios_por_rol[rol]).get("/").content.decode())
    presentes, ausentes = NAVEGACION[rol]
    for entrada in presentes:
        assert entrada in cabecera, f"{rol} debería ver {entrada}"
    for entrada in ausentes:
        assert entrada not in cabecera, f"{rol} no debería ver {entrada}"
    # Public areas are offered to everyone.
    assert 'href="/sie/cantones/"' in cabecera


@pytest.mark.parametrize("rol", PERSONAL)
def test_panel_muestra_los_accesos_del_rol(rol, usuarios_por_rol, cliente_de):
    html = cliente_de(usuarios_por_rol[rol]).get("/panel/").content.decode()
    accesos = html.split('id="accesos"', 1)[1]
    assert 'href="/sie/cantones/"' in accesos
    assert (ADMIN in accesos) == (rol == "administracion")


def test_administracion_sin_superusuario_gestiona_cuentas(crear_usuario, cliente_de):
    """The Administración role alone (not a superuser) manages users in the admin, nothing more."""
    admin = crear_usuario("adm_rol", Rol.ADMINISTRACION, is_staff=True)
    cliente = cliente_de(admin)
    indice = cliente.get("/admin/").content.decode()
    assert "/admin/auth/user/" in indice
    assert cliente.get("/admin/auth/user/").status_code == 200
    assert cliente.get("/admin/auth/user/add/").status_code == 200
    otro = crear_usuario("otra_persona")
    assert cliente.get(f"/admin/auth/user/{otro.pk}/change/").status_code == 200
    assert cliente.get(f"/admin/auth/user/{otro.pk}/delete/").status_code == 403
    assert cliente.get("/admin/auth/group/").status_code == 200
    assert cliente.get("/admin/auth/group/add/").status_code == 403
