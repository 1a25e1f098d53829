"""Permission predicates shared by every app (django-rules).

Apps compose these with their own object predicates (e.g. mesas' facilita_mesa) in their rules.py.
"""

import rules
from django.utils.translation import gettext_lazy as _

from .roles import Rol, roles_de


def _tiene_rol(rol: str):
    @rules.predicate(name=f"tiene_rol_{rol}")
    def predicate(user) -> bool:
        return rol in roles_de(user)

    return predicate


es_coordinador = _tiene_rol(Rol.COORDINACION)
es_facilitador = _tiene_rol(Rol.FACILITACION)
es_comunicador = _tiene_rol(Rol.COMUNICACION)
es_analista = _tiene_rol(Rol.ANALISIS)
es_administrador = _tiene_rol(Rol.ADMINISTRACION)

es_personal = es_coordinador | es_facilitador | es_comunicador | es_analista | es_administrador

rules.add_perm("core.ver_panel", es_personal)
rules.add_perm("core.administrar", es_administrador)

# The Administración role manages accounts in the Django admin without being a superuser: it sees,
# creates and edits users (deactivating rather than deleting, so authorship stays) and sees the
# roles. Everything else in the admin stays with superusers and with the apps' own pages.
rules.add_perm("auth", es_administrador)
for _permiso in ("auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group"):
    rules.add_perm(_permiso, es_administrador)

# What each permission means to a person who lacks it, shown on the 403 page.
DESCRIPCION_PERMISOS = {
    "core.ver_panel": _(
        "pertenecer al equipo del programa: uno de los roles Coordinación, Facilitación, "
        "Comunicación, Análisis SIE o Administración"
    ),
    "core.administrar": _("el rol de Administración"),
}
