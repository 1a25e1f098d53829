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

# The team's accounts in the portal (/panel/personas/): Administración everything; Coordinación
# invites and gives the programme's roles (never Administración: core.services checks it), assigns
# tables and organisations' contacts. Deactivating is Administración's.
rules.add_perm("core.ver_personas", es_administrador | es_coordinador)
rules.add_perm("core.invitar_persona", es_administrador | es_coordinador)
rules.add_perm("core.asignar_roles", es_administrador | es_coordinador)
rules.add_perm("core.desactivar_persona", es_administrador)
DESCRIPCION_PERMISOS.update(
    {
        "core.ver_personas": _("el rol de Administración o de Coordinación"),
        "core.invitar_persona": _("el rol de Administración o de Coordinación"),
        "core.asignar_roles": _("el rol de Administración o de Coordinación"),
        "core.desactivar_persona": _("el rol de Administración"),
    }
)
