from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from actores.models import Actor
from core.formularios import areas_de_texto, con_clases_bootstrap
from core.validadores import ArchivoValidador
from sie.campos import agrupar_parroquias
from sie.models import Canton, Parroquia, Sector

from .models import (
    Evento,
    Invitado,
    MiembroEquipo,
    Ponente,
    Sesion,
    Sistematizacion,
    TareaLogistica,
)

FECHA_HORA = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
FECHA = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _personal_del_programa(campo: forms.ModelChoiceField) -> None:
    """Offer the programme's active staff (accounts with a role), by their full name."""
    campo.queryset = (
        get_user_model()
        .objects.filter(is_active=True, groups__isnull=False)
        .distinct()
        .order_by("first_name", "username")
    )
    campo.label_from_instance = lambda u: u.get_full_name() or u.username


class _Crispy:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class EventoForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Evento
        fields = [
            "tipo",
            "titulo",
            "resumen",
            "descripcion",
            "inicio",
            "fin",
            "modalidad",
            "lugar",
            "parroquia",
            "direccion",
            "enlace_virtual",
            "institucion_organizadora",
            "aliados",
            "acceso",
            "publicado",
            "capacidad",
        ]
        widgets = {
            **areas_de_texto(descripcion=4),
            "inicio": FECHA_HORA,
            "fin": FECHA_HORA,
            "aliados": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parroquia"].queryset = Parroquia.objects.all()
        agrupar_parroquias(self.fields["parroquia"])
        self.fields["aliados"].queryset = Actor.objects.filter(
            naturaleza=Actor.Naturaleza.ORGANIZACION, activo=True
        )
        for campo in ("inicio", "fin"):
            self.fields[campo].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class EstadoForm(forms.Form):
    estado = forms.ChoiceField(label=_("Nuevo estado"), choices=Evento.Estado.choices)


class _ActorUOtro:
    """A person named by an actor of the map or by another field (`otro`): one of the two."""

    otro = ""
    falta = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = Actor.objects.filter(activo=True)

    def clean(self):
        datos = super().clean()
        if not datos.get(self.otro) and not datos.get("actor"):
            raise forms.ValidationError(self.falta)
        return datos


class MiembroForm(_ActorUOtro, _Crispy, forms.ModelForm):
    otro = "usuario"
    falta = _("Elija un usuario del portal o un actor.")

    class Meta:
        model = MiembroEquipo
        fields = ["usuario", "actor", "rol"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _personal_del_programa(self.fields["usuario"])


class PonenteForm(_ActorUOtro, _Crispy, forms.ModelForm):
    otro = "nombre"
    falta = _("Indique el nombre del ponente o elija un actor.")

    class Meta:
        model = Ponente
        fields = ["actor", "nombre", "cargo", "organizacion", "bio", "foto", "orden"]
        widgets = areas_de_texto(bio=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["foto"].validators.append(ArchivoValidador(("imagen",), max_mb=5))
        self.fields["nombre"].required = False
        self.fields["nombre"].help_text = _("Si lo deja vacío se usa el nombre del actor.")


class SesionForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Sesion
        fields = ["titulo", "descripcion", "inicio", "fin", "sala", "ponentes", "moderadores"]
        widgets = {
            **areas_de_texto(descripcion=2),
            "inicio": FECHA_HORA,
            "fin": FECHA_HORA,
            "ponentes": forms.CheckboxSelectMultiple,
            "moderadores": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, evento: Evento, **kwargs):
        super().__init__(*args, **kwargs)
        for campo in ("ponentes", "moderadores"):
            self.fields[campo].queryset = evento.ponentes.all()
        for campo in ("inicio", "fin"):
            self.fields[campo].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class FiltroActoresForm(forms.Form):
    q = forms.CharField(label=_("Nombre"), required=False)
    tipo = forms.ChoiceField(
        label=_("Tipo de actor"), choices=[("", _("Todos"))] + Actor.Tipo.choices, required=False
    )
    canton = forms.ModelChoiceField(
        label=_("Cantón"), queryset=Canton.objects.all(), required=False, empty_label=_("Todos")
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, empty_label=_("Todos")
    )
    influencia = forms.TypedChoiceField(
        label=_("Influencia mínima"),
        choices=[("", _("Cualquiera"))] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        con_clases_bootstrap(self)


class SeleccionActoresForm(forms.Form):
    actores = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.filter(activo=True).select_related("canton"), required=False
    )


class RespuestaForm(forms.Form):
    """Will the guest attend? ("si" or "no", the two buttons of the invitation)."""

    respuesta = forms.ChoiceField(
        choices=[("si", _("Sí")), ("no", _("No"))],
        error_messages={
            "required": _("Elija si asistirá o no."),
            "invalid_choice": _("Elija si asistirá o no."),
        },
    )

    def clean(self):
        datos = super().clean()
        datos["asiste"] = datos.get("respuesta") == "si"
        return datos


class InvitadoForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Invitado
        fields = [
            "nombre",
            "organizacion",
            "cargo",
            "email",
            "telefono",
            "tipo_actor",
            "canton",
            "genero",
        ]


class SinInvitacionForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Invitado
        fields = ["nombre", "organizacion", "tipo_actor", "canton", "genero", "email"]


class InscripcionForm(_Crispy, forms.ModelForm):
    # A field people never see: bots fill it in.
    sitio = forms.CharField(required=False, label=_("Deje este campo vacío"))
    consentimiento = forms.BooleanField(
        label=_(
            "Acepto que el Gobierno Provincial de Pichincha trate mis datos para gestionar mi "
            "participación en este evento (Ley Orgánica de Protección de Datos Personales)."
        ),
        required=True,
        error_messages={
            "required": _("Para inscribirse debe aceptar el tratamiento de sus datos.")
        },
    )

    class Meta:
        model = Invitado
        fields = ["nombre", "email", "organizacion", "cargo", "tipo_actor", "canton", "genero"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["sitio"].widget.attrs.update(
            {"class": "campo-trampa", "tabindex": "-1", "autocomplete": "off"}
        )
        # The person's own data: browsers fill it in (WCAG 1.3.5, docs/accesibilidad.md).
        for campo, valor in {
            "nombre": "name",
            "email": "email",
            "organizacion": "organization",
            "cargo": "organization-title",
        }.items():
            self.fields[campo].widget.attrs["autocomplete"] = valor

    def clean_sitio(self):
        if self.cleaned_data.get("sitio"):
            raise forms.ValidationError(_("No pudimos procesar la inscripción."))
        return ""


class TareaForm(_Crispy, forms.ModelForm):
    class Meta:
        model = TareaLogistica
        fields = [
            "categoria",
            "titulo",
            "detalle",
            "responsable",
            "fecha_limite",
            "estado",
            "presupuesto_usd",
        ]
        widgets = {"fecha_limite": FECHA, "detalle": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _personal_del_programa(self.fields["responsable"])


class TareaEstadoForm(forms.Form):
    estado = forms.ChoiceField(choices=TareaLogistica.Estado.choices, label=_("Estado"))


class SistematizacionForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Sistematizacion
        fields = ["resumen", "conclusiones", "compromisos", "cobertura_prensa"]
        widgets = areas_de_texto(resumen=5, conclusiones=4, compromisos=4, cobertura_prensa=3)


class FotoForm(_Crispy, forms.Form):
    imagen = forms.ImageField(
        label=_("Foto"), validators=[ArchivoValidador(("imagen",), max_mb=10)]
    )
    pie = forms.CharField(label=_("Pie de foto"), max_length=200, required=False)


class FiltroAgendaForm(forms.Form):
    """The public agenda's filters: a canton (by slug, as in the news) and a theme."""

    canton = forms.ChoiceField(label=_("Cantón"), required=False)
    tema = forms.ChoiceField(
        label=_("Tema"),
        required=False,
        choices=[
            ("", _("Todos los temas")),
            ("turismo", _("Turismo")),
            ("agricultura", _("Agricultura")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canton"].choices = [("", _("Todos los cantones"))] + [
            (c.slug, c.nombre) for c in Canton.objects.order_by("nombre")
        ]
        con_clases_bootstrap(self)
