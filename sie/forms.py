from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.validadores import ArchivoValidador

from .catalogo import DIMENSIONES
from .models import Canton, Indicador, Medicion, MetaIndicador


class FiltroMedicionesForm(forms.Form):
    indicador = forms.ModelChoiceField(
        Indicador.objects.all(), required=False, label=_("Indicador"), to_field_name="codigo"
    )
    canton = forms.ModelChoiceField(
        Canton.objects.all(), required=False, label=_("Cantón"), to_field_name="codigo"
    )
    estado = forms.ChoiceField(
        choices=[("", _("Todos"))] + list(Medicion.Estado.choices),
        required=False,
        label=_("Estado"),
    )
    alertas = forms.BooleanField(required=False, label=_("Solo con alertas"))


class CorregirMedicionForm(forms.Form):
    valor = forms.DecimalField(label=_("Valor"), max_digits=18, decimal_places=4, localize=True)
    fuente = forms.CharField(label=_("Fuente"), max_length=200)
    fecha_dato = forms.DateField(
        label=_("Fecha del dato"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ValidarMedicionForm(forms.Form):
    justificacion = forms.CharField(
        label=_("Justificación"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoria si el valor tiene alertas: por qué es correcto."),
    )


class ImportarForm(forms.Form):
    archivo = forms.FileField(
        label=_("Archivo CSV o XLSX"),
        help_text=_("Use la plantilla del indicador; máximo 5 MB."),
        validators=[ArchivoValidador(("csv", "xlsx"), max_mb=5)],
    )

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if archivo.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("El archivo pesa más de 5 MB."))
        if not archivo.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("El archivo debe ser CSV (.csv) o Excel (.xlsx)."))
        return archivo


class CapturaSeleccionForm(forms.Form):
    indicador = forms.ModelChoiceField(
        Indicador.objects.filter(activo=True, calculo=Indicador.Calculo.VALOR),
        label=_("Indicador"),
        to_field_name="codigo",
    )
    periodo = forms.CharField(
        label=_("Período"), max_length=8, help_text=_("2024, 2024-T2 o 2024-03 según el indicador.")
    )


class MetaForm(forms.ModelForm):
    class Meta:
        model = MetaIndicador
        fields = [
            "indicador",
            "canton",
            "linea_base",
            "linea_base_periodo",
            "valor_meta",
            "fecha_meta",
            "descripcion",
        ]
        widgets = {"fecha_meta": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicador"].queryset = Indicador.objects.filter(activo=True)
        self.fields["canton"].empty_label = _("Provincia de Pichincha")
        for nombre in ("linea_base", "valor_meta"):
            self.fields[nombre].localize = True
            self.fields[nombre].widget.is_localized = True
        self.helper = FormHelper()
        self.helper.add_input(Submit("guardar", _("Guardar meta")))


class IndicadorForm(forms.ModelForm):
    desagregaciones = forms.MultipleChoiceField(
        choices=[(c, v[0]) for c, v in DIMENSIONES.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Desagregaciones"),
    )

    class Meta:
        model = Indicador
        fields = [
            "nombre",
            "definicion",
            "unidad",
            "eje",
            "sector",
            "calculo",
            "numerador",
            "denominador",
            "factor",
            "fuente",
            "periodicidad",
            "nivel_territorial",
            "desagregaciones",
            "sentido",
            "aditivo",
            "minimo",
            "maximo",
            "umbral_variacion",
            "nota_metodologica",
            "activo",
        ]
        widgets = {
            "definicion": forms.Textarea(attrs={"rows": 2}),
            "nota_metodologica": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("guardar", _("Guardar indicador")))
