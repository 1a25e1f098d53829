"""Forms of core's own pages: the team's accounts and the panel's preference."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .formularios import con_clases_bootstrap
from .roles import Rol


def _opciones_roles(permitidos: list[str]) -> list[tuple[str, str]]:
    return [(valor, etiqueta) for valor, etiqueta in Rol.choices if valor in permitidos]


class _ConRoles(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, permitidos: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = _opciones_roles(permitidos)


class InvitarForm(_ConRoles):
    correo = forms.EmailField(label=_("Correo electrónico"))
    nombre = forms.CharField(label=_("Nombre"), max_length=150)
    apellido = forms.CharField(label=_("Apellido"), max_length=150, required=False)

    field_order = ["correo", "nombre", "apellido", "roles"]


class RolesForm(_ConRoles):
    pass


class ConfirmarForm(forms.Form):
    """An action without fields (deactivate, reactivate, resend): the POST itself is the intent."""


class ResumenForm(forms.Form):
    resumen_diario = forms.BooleanField(
        label=_("Recibir el resumen diario por correo"), required=False
    )


class FiltroPersonasForm(forms.Form):
    q = forms.CharField(label=_("Nombre o correo"), required=False)
    rol = forms.ChoiceField(
        label=_("Rol"),
        required=False,
        choices=[("", _("Todos")), *Rol.choices, ("sin_rol", _("Sin rol"))],
    )
    estado = forms.ChoiceField(
        label=_("Estado"),
        required=False,
        choices=[("", _("Todas")), ("activas", _("Activas")), ("inactivas", _("Desactivadas"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        con_clases_bootstrap(self)

    def filtros(self) -> dict:
        return dict(self.cleaned_data) if self.is_valid() else {}
