"""View-side permission helpers: every view states its rule, and a refusal explains itself.

Anonymous visitors are sent to log in; a logged-in person without the rule gets the 403 page,
which says in Spanish (or English) what they lack (see DESCRIPCIONES).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rules.contrib.views import PermissionRequiredMixin

from .rules import DESCRIPCION_PERMISOS

DESCRIPCIONES: dict[str, str | Promise] = dict(DESCRIPCION_PERMISOS)
FALTA_GENERICA = _("un permiso que su cuenta no tiene")


def describir_permiso(nombre: str, descripcion: str | Promise) -> None:
    """Apps call this from their rules.py so the 403 page can name what a person lacks.

    Pass the text through gettext_lazy so the English page shows it in English.
    """
    DESCRIPCIONES[nombre] = descripcion


class AccesoDenegado(PermissionDenied):
    def __init__(self, permiso: str):
        self.permiso = permiso
        self.falta = DESCRIPCIONES.get(permiso, FALTA_GENERICA)
        super().__init__(f"Para esta página hace falta {self.falta}.")


class PermisoRequeridoMixin(PermissionRequiredMixin):
    """rules' mixin, raising AccesoDenegado so the 403 page can explain the refusal."""

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path())
        permisos = self.get_permission_required()
        raise AccesoDenegado(permisos[0] if permisos else "")


def exigir_permiso(user, permiso: str, obj=None) -> None:
    """For function views and services: raise AccesoDenegado unless user has permiso."""
    if not user.has_perm(permiso, obj):
        raise AccesoDenegado(permiso)
