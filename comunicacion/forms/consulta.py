"""Forms of the public consultation: the comment form (with its trap field), opening a
consultation, hiding a comment and answering one or several."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pactos.models import Compromiso, Pacto
from sie.models import Canton, Sector

from ..models import Comentario, RespuestaOficial


def _eleccion_opcional(etiqueta, modelo, vacio) -> forms.ModelChoiceField:
    """An optional choice among rows of `modelo` (the form's __init__ sets which), `vacio` the
    label of "none"."""
    return forms.ModelChoiceField(
        label=etiqueta, queryset=modelo.objects.none(), required=False, empty_label=vacio
    )


class _Crispy:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ComentarioForm(_Crispy, forms.Form):
    """What a visitor says and about which part of the text; name and e-mail unless logged in."""

    destino = forms.ChoiceField(
        label=_("¿Sobre qué comenta?"), choices=Comentario.Destino.choices, initial="texto"
    )
    seccion = forms.ChoiceField(
        label=_("Sección"),
        required=False,
        choices=[("", _("— Elija la sección —")), *Comentario.Seccion.choices],
    )
    compromiso = _eleccion_opcional(_("Compromiso"), Compromiso, _("— Elija el compromiso —"))
    tipo = forms.ChoiceField(
        label=_("Tipo de comentario"),
        choices=Comentario.Tipo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija si apoya, le preocupa algo o propone un cambio.")},
    )
    texto = forms.CharField(
        label=_("Su comentario"),
        max_length=Comentario.LONGITUD_MAXIMA,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": Comentario.LONGITUD_MAXIMA}),
        error_messages={
            "required": _("Escriba su comentario."),
            "max_length": _("El comentario puede tener hasta 2000 caracteres."),
        },
    )
    nombre = forms.CharField(
        label=_("Nombre"),
        max_length=120,
        required=False,
        help_text=_("Se publica junto a su comentario."),
    )
    email = forms.EmailField(
        label=_("Correo electrónico"),
        required=False,
        help_text=_(
            "Le enviaremos un enlace para confirmar el comentario y, después, la respuesta del "
            "programa. Nunca se publica."
        ),
        error_messages={
            "invalid": _("Escriba un correo electrónico válido, por ejemplo nombre@dominio.ec.")
        },
    )
    canton = _eleccion_opcional(_("Cantón"), Canton, _("— Elija su cantón (opcional) —"))
    sector = _eleccion_opcional(_("Sector"), Sector, _("— Elija su sector (opcional) —"))
    # A field people never see: bots fill it in.
    web = forms.CharField(required=False, label=_("Deje este campo vacío"))

    def __init__(self, *args, consulta, anonimo: bool = True, fijo: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.anonimo = anonimo
        if fijo:
            # Came from a "Comentar" link: the page already says what is commented on.
            for nombre in ("destino", "seccion", "compromiso"):
                self.fields[nombre].widget = forms.HiddenInput()
        self.fields["compromiso"].queryset = Compromiso.objects.filter(
            pacto_id=consulta.version.pacto_id
        ).order_by("numero")
        self.fields["canton"].queryset = Canton.objects.order_by("nombre")
        self.fields["sector"].queryset = Sector.objects.filter(activo=True).select_related("eje")
        self.fields["web"].widget.attrs.update(
            {"class": "campo-trampa-com", "tabindex": "-1", "autocomplete": "off"}
        )
        if anonimo:
            self.fields["nombre"].required = True
            self.fields["email"].required = True
            self.fields["nombre"].error_messages["required"] = _("Escriba su nombre.")
            self.fields["email"].error_messages["required"] = _(
                "Escriba su correo electrónico para confirmar el comentario."
            )
        else:
            del self.fields["nombre"]
            del self.fields["email"]

    def clean_web(self):
        if self.cleaned_data.get("web"):
            raise forms.ValidationError(_("No pudimos procesar su comentario."))
        return ""

    def clean(self):
        datos = super().clean()
        destino = datos.get("destino")
        if destino == Comentario.Destino.SECCION and not datos.get("seccion"):
            self.add_error("seccion", _("Elija la sección que comenta."))
        if destino == Comentario.Destino.COMPROMISO and not datos.get("compromiso"):
            self.add_error("compromiso", _("Elija el compromiso que comenta."))
        return datos


class ConsultaAbrirForm(_Crispy, forms.Form):
    pacto = forms.ModelChoiceField(
        label=_("Pacto"),
        queryset=Pacto.objects.none(),
        help_text=_("Un pacto en borrador pasa a «En consulta pública» al abrir la consulta."),
    )
    abre = forms.DateTimeField(
        label=_("Abre"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    cierra = forms.DateTimeField(
        label=_("Cierra"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    presentacion = forms.CharField(
        label=_("Presentación"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Qué se consulta y cómo se usarán los comentarios."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pacto"].queryset = Pacto.objects.filter(
            estado__in=[Pacto.Estado.BORRADOR, Pacto.Estado.CONSULTA]
        ).order_by("titulo")
        ahora = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["abre"].initial = ahora
        self.fields["cierra"].initial = ahora + timezone.timedelta(days=21)

    def clean(self):
        datos = super().clean()
        if datos.get("abre") and datos.get("cierra") and datos["cierra"] <= datos["abre"]:
            self.add_error("cierra", _("La consulta debe cerrar después de abrir."))
        return datos


class OcultarForm(forms.Form):
    motivo = forms.CharField(
        label=_("Motivo público"),
        max_length=300,
        error_messages={"required": _("Escriba el motivo público para ocultar el comentario.")},
    )


class RespuestaOficialForm(_Crispy, forms.Form):
    comentarios = forms.ModelMultipleChoiceField(
        label=_("Comentarios que responde"),
        queryset=Comentario.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Marque uno o varios comentarios para responder.")},
    )
    texto = forms.CharField(
        label=_("Respuesta oficial"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Escriba la respuesta.")},
    )
    decision = forms.ChoiceField(
        label=_("Qué pasa con lo propuesto"),
        choices=RespuestaOficial.Decision.choices,
        initial=RespuestaOficial.Decision.NO_APLICA,
    )

    def __init__(self, *args, consulta, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comentarios"].queryset = Comentario.objects.filter(
            consulta=consulta, estado=Comentario.Estado.PUBLICADO, respuesta__isnull=True
        )
