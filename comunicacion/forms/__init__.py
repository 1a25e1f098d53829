from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from core.formularios import areas_de_texto
from core.validadores import ArchivoValidador
from sie.models import Canton, Eje

from ..models import AccionComunicacion, Mensaje, Noticia


class _Crispy:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class NoticiaForm(_Crispy, forms.ModelForm):
    class Meta:
        model = Noticia
        fields = [
            "titulo",
            "resumen",
            "cuerpo",
            "imagen",
            "imagen_alt",
            "ejes",
            "cantones",
            "publicada_en",
            "mesa",
            "pacto",
            "evento",
        ]
        widgets = {
            **areas_de_texto(resumen=2, cuerpo=14),
            "ejes": forms.CheckboxSelectMultiple,
            "cantones": forms.CheckboxSelectMultiple,
            "publicada_en": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }
        help_texts = {
            "publicada_en": _("Vacía: se usa el momento en que se publique."),
        }
        error_messages = {
            "titulo": {"required": _("Escriba el título de la noticia.")},
            "resumen": {"required": _("Escriba un resumen de una o dos frases.")},
            "cuerpo": {"required": _("Escriba el texto de la noticia.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["imagen"].validators.append(ArchivoValidador(("imagen",), max_mb=5))

    def clean(self):
        datos = super().clean()
        if datos.get("imagen") and not (datos.get("imagen_alt") or "").strip():
            self.add_error("imagen_alt", _("Escriba un texto alternativo que describa la imagen."))
        return datos


class FiltroNoticiasForm(forms.Form):
    eje = forms.ChoiceField(label=_("Eje"), required=False)
    canton = forms.ChoiceField(label=_("Cantón"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eje"].choices = [("", _("Todos los ejes"))] + [
            (e.codigo, e.nombre) for e in Eje.objects.all()
        ]
        self.fields["canton"].choices = [("", _("Todos los cantones"))] + [
            (c.slug, c.nombre) for c in Canton.objects.order_by("nombre")
        ]


class ContactoForm(_Crispy, forms.ModelForm):
    # A field people never see: bots fill it in.
    web = forms.CharField(required=False, label=_("Deje este campo vacío"))

    class Meta:
        model = Mensaje
        fields = ["tipo", "tema", "nombre", "email", "canton", "asunto", "texto", "publicar"]
        widgets = {
            "tipo": forms.RadioSelect,
            "texto": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        }
        error_messages = {
            "nombre": {"required": _("Escriba su nombre.")},
            "email": {
                "required": _("Escriba su correo electrónico para poder responderle."),
                "invalid": _(
                    "Escriba un correo electrónico válido, por ejemplo nombre@dominio.ec."
                ),
            },
            "asunto": {"required": _("Escriba el asunto de su mensaje.")},
            "texto": {
                "required": _("Escriba su mensaje."),
                "max_length": _("El mensaje puede tener hasta 4000 caracteres."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["canton"].queryset = Canton.objects.order_by("nombre")
        # Optional in the model (a message by SMS has a phone instead); the form answers by e-mail.
        self.fields["email"].required = True
        self.fields["canton"].empty_label = _("— Elija su cantón (opcional) —")
        # Older clients post without type and topic: the service defaults them.
        self.fields["tipo"].required = False
        self.fields["tema"].required = False
        self.fields["web"].widget.attrs.update(
            {"class": "campo-trampa-com", "tabindex": "-1", "autocomplete": "off"}
        )
        # The sender's own data: browsers fill it in (WCAG 1.3.5, docs/accesibilidad.md).
        self.fields["nombre"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_web(self):
        if self.cleaned_data.get("web"):
            raise forms.ValidationError(_("No pudimos procesar su mensaje."))
        return ""


class SeguimientoForm(_Crispy, forms.Form):
    codigo = forms.CharField(
        label=_("Código de seguimiento"),
        max_length=40,
        help_text=_("Lo recibió al enviar su mensaje, por ejemplo 7KQ2-M9XD-4TBR-H3WE."),
        error_messages={"required": _("Escriba el código de seguimiento.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def _equipo_comunicacion():
    from django.contrib.auth import get_user_model

    from core.roles import Rol

    return (
        get_user_model()
        .objects.filter(groups__name__in=[Rol.COMUNICACION, Rol.COORDINACION], is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )


class AsignarForm(_Crispy, forms.Form):
    asignado_a = forms.ModelChoiceField(
        label=_("Asignar a"),
        queryset=None,
        error_messages={"required": _("Elija a quién se asigna.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asignado_a"].queryset = _equipo_comunicacion()
        self.fields["asignado_a"].label_from_instance = lambda u: u.get_full_name() or u.username


class NotaForm(_Crispy, forms.Form):
    texto = forms.CharField(
        label=_("Nota interna"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        help_text=_("Solo la ve el equipo; nunca quien escribió."),
        error_messages={"required": _("Escriba la nota.")},
    )


class PlazoForm(_Crispy, forms.Form):
    plazo = forms.DateField(
        label=_("Plazo de respuesta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Vacío: 15 días hábiles desde que se recibió."),
    )


class CerrarForm(_Crispy, forms.Form):
    motivo = forms.CharField(
        label=_("Motivo del cierre"),
        required=False,
        max_length=300,
        help_text=_("Obligatorio si se cierra sin respuesta (duplicado, spam, fuera de tema)."),
    )


class RespuestaForm(_Crispy, forms.Form):
    respuesta = forms.CharField(
        label=_("Respuesta"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=6000,
        error_messages={"required": _("Escriba la respuesta.")},
    )


class PublicacionForm(_Crispy, forms.Form):
    """The public version of an answered message, for "Preguntó, respondimos"."""

    pregunta_publica = forms.CharField(
        label=_("Pregunta, tal como se publicará"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
        help_text=_("Sin el nombre, el correo, el teléfono ni otros datos de quien escribió."),
    )
    respuesta_publica = forms.CharField(
        label=_("Respuesta, tal como se publicará"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=6000,
        required=False,
        help_text=_("Sin saludo personal ni firma: la leerá cualquier visitante."),
    )
    aprobar = forms.BooleanField(required=False)  # the "Aprobar y publicar" button


class AccionForm(_Crispy, forms.ModelForm):
    class Meta:
        model = AccionComunicacion
        fields = [
            "titulo",
            "fecha",
            "audiencia",
            "canal",
            "responsable",
            "estado",
            "mensaje_clave",
            "evento",
            "pacto",
            "mesa",
            "noticia",
        ]
        widgets = {
            **areas_de_texto(mensaje_clave=3),
            "fecha": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "titulo": {"required": _("Describa la acción.")},
            "fecha": {"required": _("Indique la fecha de la acción.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from core.roles import Rol

        self.fields["responsable"].queryset = (
            get_user_model()
            .objects.filter(groups__name__in=[Rol.COMUNICACION, Rol.COORDINACION], is_active=True)
            .distinct()
            .order_by("first_name", "username")
        )
        self.fields["responsable"].required = False
        self.fields["responsable"].help_text = _("Vacío: usted.")


class EstadoAccionForm(forms.Form):
    """The new state of a plan's action; the service says whether it is one of the states."""

    estado = forms.CharField(required=False, max_length=20)
