from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formularios import areas_de_texto, con_clases_bootstrap
from core.roles import Rol
from core.validadores import TIPOS_EVIDENCIA, ArchivoValidador
from pactos.models import Actividad, Bloque, EstadoActividad, ProductoPrograma, Salud


class FechaInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _personal():
    """The programme's team: whoever holds a role (owners are chosen among them)."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=Rol.values) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class EtiquetaPersona(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class FiltroHojaDeRutaForm(forms.Form):
    responsable = EtiquetaPersona(
        label=_("Responsable"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Todas las personas"),
    )
    bloque = forms.ChoiceField(
        label=_("Bloque"), choices=[("", _("Todos los bloques")), *Bloque.choices], required=False
    )
    producto = forms.TypedChoiceField(
        label=_("Producto"), coerce=int, required=False, empty_value=None
    )
    estado = forms.ChoiceField(
        label=_("Estado"),
        choices=[("", _("Todos los estados")), *EstadoActividad.choices],
        required=False,
    )

    def __init__(self, *args, responsables=None, **kwargs):
        super().__init__(*args, **kwargs)
        if responsables is not None:
            self.fields["responsable"].queryset = responsables
        self.fields["producto"].choices = [("", _("Todos los productos"))] + [
            (p.numero, str(p)) for p in ProductoPrograma.objects.order_by("numero")
        ]
        con_clases_bootstrap(self, pequeno=True)

    def filtros(self) -> dict:
        if not self.is_valid():
            return {}
        datos = self.cleaned_data
        return {
            "responsable": datos["responsable"].pk if datos.get("responsable") else None,
            "bloque": datos.get("bloque") or None,
            "producto": datos.get("producto") or None,
            "estado": datos.get("estado") or None,
        }


class ActividadPlanForm(forms.ModelForm):
    responsable = EtiquetaPersona(
        label=_("Responsable"), queryset=get_user_model().objects.none(), required=False
    )

    class Meta:
        model = Actividad
        fields = [*Actividad.CAMPOS_PLAN, "productos", "dependencias"]
        widgets = {
            **areas_de_texto(descripcion=3),
            "inicio_previsto": FechaInput(),
            "fin_previsto": FechaInput(),
            "productos": forms.CheckboxSelectMultiple,
            "dependencias": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsable"].queryset = _personal()
        dependencias = Actividad.objects.order_by("bloque", "orden")
        if self.instance.pk:
            dependencias = dependencias.exclude(pk=self.instance.pk)
        self.fields["dependencias"].queryset = dependencias

    def clean(self):
        datos = super().clean()
        inicio, fin = datos.get("inicio_previsto"), datos.get("fin_previsto")
        if inicio and fin and fin < inicio:
            self.add_error(
                "fin_previsto", _("El fin previsto no puede ser anterior al inicio previsto.")
            )
        if bool(inicio) != bool(fin) and not self.errors:
            self.add_error(
                "fin_previsto", _("Indique el inicio y el fin previstos, o ninguno de los dos.")
            )
        return datos

    def _post_clean(self):
        # The service validates the instance (and the dependency cycle); the form only parses.
        pass


class ActividadAvanceForm(forms.ModelForm):
    class Meta:
        model = Actividad
        fields = list(Actividad.CAMPOS_AVANCE)
        widgets = {
            **areas_de_texto(notas=3),
            "inicio_real": FechaInput(),
            "fin_real": FechaInput(),
            "avance": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidencia_archivo"].validators.append(
            ArchivoValidador(TIPOS_EVIDENCIA, max_mb=20)
        )
        self.fields["salud"].help_text = _("Al marcarla como hecha vuelve a verde.")
        if self.instance.pk and self.instance.estado == EstadoActividad.HECHA:
            self.initial["salud"] = Salud.VERDE

    def _post_clean(self):
        pass


class EstadoRapidoForm(forms.Form):
    estado = forms.ChoiceField(label=_("Estado"), choices=EstadoActividad.choices)
    avance = forms.IntegerField(
        label=_("Avance (%)"),
        min_value=0,
        max_value=100,
        required=False,
        error_messages={
            # Django formats these messages with %(limit_value)s: a bare "%" breaks them.
            "min_value": _("El avance debe estar entre 0 y 100 %%."),
            "max_value": _("El avance debe estar entre 0 y 100 %%."),
        },
    )


class InformeForm(forms.Form):
    desde = forms.DateField(label=_("Desde"), widget=FechaInput())
    hasta = forms.DateField(label=_("Hasta"), widget=FechaInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            hoy = timezone.localdate()
            self.initial.setdefault("desde", hoy.replace(day=1))
            self.initial.setdefault("hasta", hoy)

    def clean(self):
        datos = super().clean()
        desde, hasta = datos.get("desde"), datos.get("hasta")
        if desde and hasta and hasta < desde:
            self.add_error("hasta", _("El fin del período no puede ser anterior a su inicio."))
        return datos
