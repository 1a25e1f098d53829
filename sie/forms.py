from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.formularios import areas_de_texto
from core.validadores import ArchivoValidador

from . import services
from .catalogo import DIMENSIONES
from .models import Canton, Indicador, Medicion, MetaIndicador
from .selectors import indicadores_registrables


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

    def filtrar(self, mediciones):
        """The values that match the valid filters."""
        datos = self.cleaned_data
        if datos["indicador"]:
            mediciones = mediciones.filter(indicador=datos["indicador"])
        if datos["canton"]:
            mediciones = mediciones.filter(canton=datos["canton"])
        if datos["estado"]:
            mediciones = mediciones.filter(estado=datos["estado"])
        if datos["alertas"]:
            mediciones = mediciones.exclude(alertas=[])
        return mediciones


class SeleccionMedicionesForm(forms.Form):
    """The values ticked on the analysts' desk for a bulk action."""

    ids = forms.ModelMultipleChoiceField(
        Medicion.objects.select_related("indicador"),
        error_messages={
            "required": _("No seleccionó ningún valor."),
            "invalid_choice": _("No seleccionó ningún valor."),
            "invalid_pk_value": _("No seleccionó ningún valor."),
        },
    )


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


class CapturaSeleccionForm(forms.Form):
    indicador = forms.ModelChoiceField(
        indicadores_registrables(),
        label=_("Indicador"),
        to_field_name="codigo",
    )
    periodo = forms.CharField(
        label=_("Período"), max_length=8, help_text=_("2024, 2024-T2 o 2024-03 según el indicador.")
    )

    def clean(self):
        datos = super().clean()
        if "indicador" in datos and "periodo" in datos:
            try:
                datos["periodo"], _inicio = services.periodo_normalizar(
                    texto=datos["periodo"], periodicidad=datos["indicador"].periodicidad
                )
            except forms.ValidationError as error:
                self.add_error("periodo", capitalizar(error.messages[0]))
        return datos


def capitalizar(mensaje: str) -> str:
    return mensaje[:1].upper() + mensaje[1:]


def columnas_captura(indicador: Indicador) -> list[tuple[str, str, str]]:
    """(desagregacion, categoria, label) of the grid's columns: the total, then each category."""
    columnas = [("", "", _("Total"))]
    for dimension in indicador.desagregaciones or []:
        columnas.extend((dimension, c, etiqueta) for c, etiqueta in DIMENSIONES[dimension][1])
    return columnas


class CampoCifra(forms.CharField):
    """A number as people in Ecuador write it (1.200 or 80,5); empty means "no value"."""

    def __init__(self, *, canton: Canton, columna: str, **kwargs):
        super().__init__(required=False, **kwargs)
        self.canton, self.columna = canton, columna

    def clean(self, value):
        texto = super().clean(value)
        if not texto:
            return None
        try:
            return services.numero_leer(texto=texto)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                _("%(canton)s, %(columna)s: «%(texto)s» no es un número.")
                % {"canton": self.canton.nombre, "columna": self.columna, "texto": texto}
            ) from error


@dataclass
class Celda:
    nombre: str
    canton: Canton
    desagregacion: str
    categoria: str
    etiqueta: str
    medicion: Medicion | None


class CapturaForm(forms.Form):
    """A period's grid: one field per canton × column, named v_{canton}_{desagregacion}_{categoria}
    and built at run time from the indicator's disaggregations; `existentes` (values already
    recorded, by territory, disaggregation and category) fill it in."""

    fuente = forms.CharField(label=_("Fuente"), max_length=200)
    fecha_dato = forms.CharField(
        label=_("Fecha del dato"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, indicador: Indicador, periodo: str, cantones, existentes, **kwargs):
        # The source's and the date's ids are their names ("fuente", "fecha_dato").
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        for nombre in ("fuente", "fecha_dato"):
            self.fields[nombre].widget.attrs["class"] = "form-control form-control-sm"
        self.indicador, self.periodo = indicador, periodo
        self.columnas = columnas_captura(indicador)
        self.celdas: list[Celda] = []
        for canton in cantones:
            for desagregacion, categoria, etiqueta in self.columnas:
                nombre = f"v_{canton.codigo}_{desagregacion}_{categoria}"
                medicion = existentes.get((canton.codigo, desagregacion, categoria))
                self.fields[nombre] = CampoCifra(
                    canton=canton,
                    columna=etiqueta,
                    label=f"{canton.nombre} · {etiqueta}",
                    initial=format(medicion.valor.normalize(), "f").replace(".", ",")
                    if medicion
                    else "",
                )
                self.celdas.append(
                    Celda(nombre, canton, desagregacion, categoria, etiqueta, medicion)
                )

    def clean_fecha_dato(self):
        try:
            return services.fecha_leer(texto=self.cleaned_data["fecha_dato"])
        except forms.ValidationError as error:
            raise forms.ValidationError(capitalizar(error.messages[0])) from error

    def clean(self):
        datos = super().clean()
        if not self.errors and not any(datos.get(c.nombre) is not None for c in self.celdas):
            raise forms.ValidationError(_("No escribió ningún valor."))
        return datos

    def filas(self) -> list[dict]:
        """The grid for the template: one row per canton with its cells (what was typed or the
        recorded value, and the recorded measurement)."""
        filas: dict[str, dict] = {}
        for celda in self.celdas:
            fila = filas.setdefault(celda.canton.codigo, {"canton": celda.canton, "celdas": []})
            fila["celdas"].append({"celda": celda, "valor": self[celda.nombre].value() or ""})
        return list(filas.values())

    def mensajes(self) -> list[str]:
        """Every error as one sentence: the source's names its field; the date's and the cells'
        already say what they are about."""
        mensajes = []
        for nombre, lista in self.errors.items():
            if nombre == "fuente":
                mensajes.extend(f"{self.fields[nombre].label}: {m}" for m in lista)
            else:
                mensajes.extend(capitalizar(m) for m in lista)
        return mensajes

    def datos_medicion(self) -> list[services.DatoMedicion]:
        """The values typed, ready for services.mediciones_registrar."""
        return [
            services.DatoMedicion(
                indicador=self.indicador,
                canton=c.canton,
                periodo=self.periodo,
                valor=self.cleaned_data[c.nombre],
                fuente=self.cleaned_data["fuente"],
                fecha_dato=self.cleaned_data["fecha_dato"],
                desagregacion=c.desagregacion,
                categoria=c.categoria,
            )
            for c in self.celdas
            if self.cleaned_data.get(c.nombre) is not None
        ]


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
        widgets = areas_de_texto(definicion=2, nota_metodologica=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("guardar", _("Guardar indicador")))
