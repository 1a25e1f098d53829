"""The public subscription form: e-mail, what to receive, a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mesas.models import Mesa
from pactos.selectors.pactos import pactos_publicados
from sie.models import Canton, Eje

from ..models import Suscripcion
from . import _Crispy

# The kinds of subscription that name one object, each in the form field of the same name.
TEMAS_CON_OBJETO = ("canton", "eje", "pacto", "mesa")


class SuscripcionForm(_Crispy, forms.Form):
    email = forms.EmailField(
        label=_("Su correo electrónico"),
        max_length=254,
        error_messages={
            "required": _("Escriba su correo electrónico."),
            "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@dominio.ec."),
        },
    )
    tipo = forms.ChoiceField(
        label=_("Qué quiere recibir"),
        choices=Suscripcion.Tipo.choices,
        initial=Suscripcion.Tipo.NOTICIAS,
        widget=forms.RadioSelect,
    )
    canton = forms.ModelChoiceField(label=_("Cantón"), queryset=None, required=False)
    eje = forms.ModelChoiceField(label=_("Eje"), queryset=None, required=False)
    pacto = forms.ModelChoiceField(label=_("Pacto"), queryset=None, required=False)
    mesa = forms.ModelChoiceField(label=_("Mesa"), queryset=None, required=False)
    # A field people never see: bots fill it in.
    web = forms.CharField(required=False, label=_("Deje este campo vacío"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canton"].queryset = Canton.objects.order_by("nombre")
        self.fields["canton"].empty_label = _("— Elija el cantón —")
        self.fields["eje"].queryset = Eje.objects.all()
        self.fields["eje"].empty_label = _("— Elija el eje —")
        self.fields["pacto"].queryset = pactos_publicados().order_by("titulo")
        self.fields["pacto"].empty_label = _("— Elija el pacto —")
        self.fields["mesa"].queryset = Mesa.objects.order_by("nombre")
        self.fields["mesa"].empty_label = _("— Elija la mesa —")
        self.fields["web"].widget.attrs.update(
            {"class": "campo-trampa-com", "tabindex": "-1", "autocomplete": "off"}
        )

    def clean_web(self):
        if self.cleaned_data.get("web"):
            raise forms.ValidationError(_("No pudimos procesar su solicitud."))
        return ""

    def clean(self):
        datos = super().clean()
        tipo = datos.get("tipo")
        if tipo in TEMAS_CON_OBJETO and not datos.get(tipo):
            self.add_error(tipo, _("Elija uno de la lista."))
        return datos
