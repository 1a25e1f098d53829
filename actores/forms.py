"""Forms of actores: validation and layout only (crispy, Bootstrap 5)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from core.formularios import areas_de_texto
from core.validadores import ArchivoValidador
from sie.campos import agrupar_parroquias
from sie.models import Eje, Sector

from .models import CAMPOS_PERSONALES, Actor, Membresia, Relacion
from .validadores import normalizar_identificacion, validar_identificacion


def fila(*campos: tuple[str, int], prefijo: str = "col-md-") -> Div:
    """A Bootstrap row of fields, each with its column width."""
    return Div(
        *(Div(campo, css_class=f"{prefijo}{ancho}") for campo, ancho in campos), css_class="row"
    )


def ayudante(*disposicion) -> FormHelper:
    """The crispy helper every form of actores uses: no <form> tag, the given layout."""
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*disposicion)
    return helper


def campo_telefono(label: str, **kwargs) -> PhoneNumberField:
    """An optional phone number of Ecuador (a mobile, a Pichincha landline or +593), with the
    same message wherever a person's phone is typed."""
    return PhoneNumberField(
        label=label,
        region="EC",
        required=False,
        error_messages={
            "invalid": _(
                "Escriba un teléfono válido de Ecuador: celular 09XXXXXXXX, fijo de Pichincha 02XXXXXXX "
                "o con prefijo +593."
            )
        },
        **kwargs,
    )


class ActorForm(forms.ModelForm):
    telefono = campo_telefono(
        _("Teléfono"), help_text=_("Celular 09XXXXXXXX o fijo (02) XXX-XXXX.")
    )
    ejes = forms.ModelMultipleChoiceField(
        label=_("Ejes"),
        queryset=Eje.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectores = forms.ModelMultipleChoiceField(
        label=_("Sectores"),
        queryset=Sector.objects.select_related("eje"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    motivo = forms.CharField(
        label=_("Motivo del cambio en el mapa"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatorio si cambia la influencia, el interés o la posición."),
    )

    class Meta:
        model = Actor
        fields = [
            "naturaleza",
            "nombre",
            "nombres",
            "apellidos",
            "siglas",
            "tipo",
            "ambito",
            "canton",
            "parroquia",
            "ejes",
            "sectores",
            "descripcion",
            "sitio_web",
            *CAMPOS_PERSONALES,
            "influencia",
            "interes",
            "posicion",
            "consentimiento_datos",
            "consentimiento_fecha",
            "consentimiento_finalidad",
            "consentimiento_nombre_publico",
            "consentimiento_sms",
            "consentimiento_whatsapp",
            "canal_preferido",
            "visible_publico",
            "activo",
        ]
        widgets = {
            **areas_de_texto(descripcion=3),
            "naturaleza": forms.RadioSelect,
            "influencia": forms.Select(choices=[(i, i) for i in range(1, 6)]),
            "interes": forms.Select(choices=[(i, i) for i in range(1, 6)]),
            "consentimiento_fecha": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "email": {
                "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@dominio.ec.")
            },
        }

    def __init__(self, *args, mostrar_personales: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nombre"].required = False
        agrupar_parroquias(self.fields["parroquia"])
        self.fields["identificacion"].validators = []  # validated in clean_identificacion
        # A spreadsheet without the column keeps e-mail as the preferred channel.
        self.fields["canal_preferido"].required = False
        if self.instance.pk is None:
            self.fields["motivo"].widget = forms.HiddenInput()  # the first position needs no reason
        if not mostrar_personales:
            for campo in CAMPOS_PERSONALES:
                self.fields.pop(campo, None)

    @cached_property
    def helper(self) -> FormHelper:
        """Built when a template draws the form, not for every imported row that binds it."""
        personales = [c for c in CAMPOS_PERSONALES if c in self.fields]
        return ayudante(
            Fieldset(
                _("Quién es"),
                "naturaleza",
                fila(("nombre", 8), ("siglas", 4)),
                fila(("nombres", 6), ("apellidos", 6)),
                fila(("tipo", 6), ("ambito", 6)),
                fila(("canton", 6), ("parroquia", 6)),
                fila(("ejes", 4), ("sectores", 8)),
                "descripcion",
                "sitio_web",
            ),
            Fieldset(_("Datos de contacto e identificación (reservados al equipo)"), *personales)
            if personales
            else HTML(""),
            Fieldset(
                _("Posición en el mapa"),
                fila(("influencia", 4), ("interes", 4), ("posicion", 4)),
                "motivo",
            ),
            Fieldset(
                _("Consentimiento y publicación"),
                "consentimiento_datos",
                fila(("consentimiento_fecha", 4), ("consentimiento_finalidad", 8)),
                "consentimiento_nombre_publico",
                fila(
                    ("consentimiento_sms", 4),
                    ("consentimiento_whatsapp", 4),
                    ("canal_preferido", 4),
                ),
                "visible_publico",
                "activo",
            ),
            Submit("guardar", _("Guardar actor")),
        )

    def clean_canal_preferido(self):
        return self.cleaned_data.get("canal_preferido") or Actor.CanalPreferido.CORREO

    def clean_identificacion(self):
        valor = normalizar_identificacion(self.cleaned_data.get("identificacion", ""))
        validar_identificacion(valor)
        return valor

    def clean(self):
        datos = super().clean()
        if (
            datos.get("naturaleza") == Actor.Naturaleza.ORGANIZACION
            and not (datos.get("nombre") or "").strip()
        ):
            self.add_error("nombre", _("Escriba el nombre de la organización."))
        # The model's own rules (canton for a cantonal actor, consent date and purpose...), shown
        # together with the field errors; a temporary object so the edited actor stays untouched.
        campos_modelo = {f.name for f in Actor._meta.concrete_fields}
        provisional = Actor(
            **{k: v for k, v in datos.items() if k in campos_modelo and v is not None}
        )
        try:
            provisional.clean()
        except ValidationError as e:
            for campo, errores in e.message_dict.items():
                for error in errores:
                    if campo in self.fields:
                        if campo not in self.errors:
                            self.add_error(campo, error)
                    else:
                        self.add_error(None, error)
        return datos

    def _post_clean(self):
        # The service validates the model (full_clean); skip ModelForm's own instance validation
        # here to avoid touching self.instance before the service runs.
        pass


class PosicionForm(forms.Form):
    influencia = forms.TypedChoiceField(
        label=_("Influencia"), choices=[(i, i) for i in range(1, 6)], coerce=int
    )
    interes = forms.TypedChoiceField(
        label=_("Interés"), choices=[(i, i) for i in range(1, 6)], coerce=int
    )
    posicion = forms.ChoiceField(label=_("Posición"), choices=Actor.Posicion.choices)
    motivo = forms.CharField(
        label=_("Motivo"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Explique por qué cambia la posición del actor en el mapa.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = ayudante(
            fila(("influencia", 4), ("interes", 4), ("posicion", 4), prefijo="col-"),
            "motivo",
            Submit("guardar", _("Registrar cambio")),
        )


class RelacionForm(forms.ModelForm):
    class Meta:
        model = Relacion
        fields = ["tipo", "destino", "nota"]
        labels = {"destino": _("Con el actor")}

    def __init__(self, *args, origen: Actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.origen = origen
        self.fields["destino"].queryset = (
            Actor.objects.filter(activo=True).exclude(pk=origen.pk).only("pk", "nombre")
        )
        self.helper = ayudante(
            fila(("tipo", 4), ("destino", 8)), "nota", Submit("guardar", _("Añadir relación"))
        )

    def _post_clean(self):
        pass


class MembresiaForm(forms.ModelForm):
    class Meta:
        model = Membresia
        fields = ["organizacion", "cargo", "desde", "hasta"]
        widgets = {
            "desde": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "hasta": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacion"].queryset = Actor.objects.filter(
            naturaleza=Actor.Naturaleza.ORGANIZACION, activo=True
        ).only("pk", "nombre")
        self.helper = ayudante(
            fila(("organizacion", 6), ("cargo", 6)),
            fila(("desde", 6), ("hasta", 6)),
            Submit("guardar", _("Añadir membresía")),
        )

    def _post_clean(self):
        pass


class ImportarForm(forms.Form):
    archivo = forms.FileField(
        label=_("Archivo CSV o XLSX"),
        help_text=_(
            "Primera fila con los encabezados; vea la plantilla. Nada se guarda hasta que confirme."
        ),
        validators=[ArchivoValidador(("csv", "xlsx"), max_mb=10)],
    )


class FusionarForm(forms.Form):
    conservar = forms.ModelChoiceField(label=_("Conservar"), queryset=Actor.objects.all())
    duplicado = forms.ModelChoiceField(
        label=_("Duplicado (se elimina tras fusionar)"), queryset=Actor.objects.all()
    )

    def clean(self):
        datos = super().clean()
        if datos.get("conservar") and datos.get("conservar") == datos.get("duplicado"):
            raise forms.ValidationError(_("Elija dos actores distintos."))
        return datos


class AsignacionForm(forms.Form):
    facilitador = forms.ModelChoiceField(label=_("Facilitador o facilitadora"), queryset=None)
    canton = forms.ModelChoiceField(
        label=_("Cantón"), queryset=None, required=False, empty_label=_("Cualquiera")
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=None, required=False, empty_label=_("Cualquiera")
    )

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        from core.roles import Rol
        from sie.models import Canton

        super().__init__(*args, **kwargs)
        self.fields["facilitador"].queryset = (
            get_user_model().objects.filter(groups__name=Rol.FACILITACION).order_by("username")
        )
        self.fields["canton"].queryset = Canton.objects.order_by("codigo")
        self.fields["sector"].queryset = Sector.objects.order_by("orden", "nombre")
        self.helper = ayudante(
            fila(("facilitador", 4), ("canton", 4), ("sector", 4)), Submit("guardar", _("Asignar"))
        )

    def clean(self):
        datos = super().clean()
        if not datos.get("canton") and not datos.get("sector"):
            raise forms.ValidationError(_("Elija un cantón, un sector o ambos."))
        return datos
