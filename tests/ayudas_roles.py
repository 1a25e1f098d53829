"""The roles of tests/conftest.py's usuarios_por_rol, for the role × action tables."""

from django.contrib.auth.models import AnonymousUser

# The programme's team (Administración is a Django superuser: it passes every rule).
EQUIPO = ("coordinacion", "facilitacion", "comunicacion", "analisis", "administracion")
# Everyone signed in: the team and a citizen's account without a role.
CON_CUENTA = (*EQUIPO, "sin_rol")
# ... and an anonymous visitor.
ROLES = (*CON_CUENTA, "anonimo")


def usuario_de(usuarios_por_rol: dict, rol: str):
    """The user of that role; an AnonymousUser for "anonimo" (usuarios_por_rol gives None)."""
    return usuarios_por_rol[rol] or AnonymousUser()
