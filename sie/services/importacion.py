"""Importing values from a CSV or XLSX file (preview, then all-or-nothing) and the templates
to fill in. Each row is validated by binding FilaMedicionForm."""

from dataclasses import dataclass, field

import tablib
from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.importar import (
    FilaImportada,
    dataset_de_archivo,
    filas_validadas,
    normalizar_encabezado,
)

from ..catalogo import DIMENSIONES
from ..models import PROVINCIA_CODIGO, Canton, Indicador, Medicion, Parroquia
from .lotes import mediciones_registrar
from .periodos import fecha_leer, numero_leer, territorio_clave
from .validacion import DatoMedicion, dato_validar

COLUMNAS_PLANTILLA = [
    "indicador",
    "canton",
    "parroquia",
    "periodo",
    "desagregacion",
    "categoria",
    "valor",
    "fuente",
    "fecha_dato",
]
COLUMNAS_OBLIGATORIAS = ["indicador", "canton", "periodo", "valor", "fuente", "fecha_dato"]
MAX_FILAS_IMPORTACION = 20000
NOMBRES_PROVINCIA = (PROVINCIA_CODIGO, "pichincha")


class CatalogoImportacion:
    """Indicators, cantons and parishes loaded once per file, so rows look them up in memory."""

    def __init__(self):
        self.indicadores = {
            i.codigo.upper(): i
            for i in Indicador.objects.select_related("numerador", "denominador")
        }
        self.cantones = {}
        for canton in Canton.objects.all():
            for clave in (canton.codigo, canton.nombre.lower(), canton.slug):
                self.cantones[clave] = canton
        self.parroquias = {(p.canton_id, p.nombre.lower()): p for p in Parroquia.objects.all()}


class FilaMedicionForm(forms.Form):
    """One row of an import file; valor and fecha_dato keep the spreadsheet's own types."""

    indicador = forms.CharField()
    canton = forms.CharField()
    parroquia = forms.CharField(required=False)
    periodo = forms.CharField()
    desagregacion = forms.CharField(required=False)
    categoria = forms.CharField(required=False)
    valor = forms.Field()
    fuente = forms.CharField()
    fecha_dato = forms.Field()

    def __init__(self, *args, catalogo: CatalogoImportacion, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogo = catalogo
        self.dato: DatoMedicion | None = None
        for nombre, campo in self.fields.items():
            campo.error_messages["required"] = _("la columna «%(columna)s» está vacía.") % {
                "columna": nombre
            }

    def clean_indicador(self) -> Indicador:
        codigo = self.cleaned_data["indicador"]
        indicador = self.catalogo.indicadores.get(codigo.upper())
        if indicador is None:
            raise ValidationError(
                _("el indicador «%(codigo)s» no existe en el catálogo.") % {"codigo": codigo}
            )
        return indicador

    def clean_canton(self) -> Canton | None:
        texto = self.cleaned_data["canton"].removesuffix(".0")
        if texto.lower() in NOMBRES_PROVINCIA:
            return None
        canton = self.catalogo.cantones.get(texto) or self.catalogo.cantones.get(texto.lower())
        if canton is None:
            raise ValidationError(
                _(
                    "el cantón «%(canton)s» no existe: use el código (1701 a 1709, sin 1706) "
                    "o el nombre del cantón."
                )
                % {"canton": texto}
            )
        return canton

    def clean_valor(self):
        return numero_leer(texto=self.cleaned_data["valor"])

    def clean_fecha_dato(self):
        return fecha_leer(texto=self.cleaned_data["fecha_dato"])

    def _parroquia(self, canton: Canton | None) -> Parroquia | None:
        texto = self.cleaned_data.get("parroquia", "")
        if not texto:
            return None
        parroquia = self.catalogo.parroquias.get((canton.pk if canton else None, texto.lower()))
        if parroquia is None:
            raise ValidationError(
                _("la parroquia «%(parroquia)s» no pertenece al cantón «%(canton)s».")
                % {"parroquia": texto, "canton": self.data.get("canton", "")}
            )
        return parroquia

    def clean(self):
        datos = super().clean()
        if self.errors:
            return datos
        dato = DatoMedicion(
            indicador=datos["indicador"],
            canton=datos["canton"],
            parroquia=self._parroquia(datos["canton"]),
            periodo=datos["periodo"],
            valor=datos["valor"],
            fuente=datos["fuente"],
            fecha_dato=datos["fecha_dato"],
            desagregacion=datos["desagregacion"].lower(),
            categoria=datos["categoria"].lower(),
        )
        dato.periodo, _inicio = dato_validar(dato=dato)
        self.dato = dato
        return datos


@dataclass
class Importacion:
    filas: list[FilaImportada] = field(default_factory=list)
    errores_generales: list[str] = field(default_factory=list)

    @property
    def errores(self) -> list[str]:
        """Every message, each row's prefixed with its line (the form's own words, no label)."""
        mensajes = list(self.errores_generales)
        for fila in self.filas:
            mensajes.extend(
                _("Fila %(numero)s: %(error)s") % {"numero": fila.numero, "error": e}
                for lista in fila.form.errors.values()
                for e in lista
            )
        return mensajes

    @property
    def valida(self) -> bool:
        return not self.errores and bool(self.filas)

    @property
    def datos(self) -> list[DatoMedicion]:
        return [fila.form.dato for fila in self.filas]


def _error_de_cabecera(dataset: tablib.Dataset) -> str | None:
    cabecera = [normalizar_encabezado(c) for c in dataset.headers or []]
    faltan = [c for c in COLUMNAS_OBLIGATORIAS if c not in cabecera]
    if faltan:
        return _(
            "Faltan columnas: %(columnas)s. Descargue la plantilla del indicador y "
            "conserve su primera fila."
        ) % {"columnas": ", ".join(faltan)}
    if dataset.height > MAX_FILAS_IMPORTACION:
        return _("El archivo tiene %(filas)s filas; el máximo es %(maximo)s.") % {
            "filas": dataset.height,
            "maximo": MAX_FILAS_IMPORTACION,
        }
    if not dataset.height:
        return _("El archivo no tiene filas de datos.")
    return None


def _marcar_repetidas(filas: list[FilaImportada]) -> None:
    vistos: dict[tuple, int] = {}
    for fila in filas:
        dato = fila.form.dato
        if dato is None:
            continue
        territorio = territorio_clave(canton=dato.canton, parroquia=dato.parroquia)
        clave = (dato.indicador.pk, territorio, dato.periodo, dato.desagregacion, dato.categoria)
        if clave in vistos:
            mensaje = _("repite el valor de la fila %(fila)s.") % {"fila": vistos[clave]}
            fila.form.add_error(None, mensaje)
            fila.errores.append(mensaje)
            fila.form.dato = None
        else:
            vistos[clave] = fila.numero


def importacion_analizar(*, contenido: bytes, nombre_archivo: str) -> Importacion:
    """Read a CSV/XLSX file and check every row without saving anything (the preview)."""
    resultado = Importacion()
    if not nombre_archivo.lower().endswith((".csv", ".xlsx")):
        resultado.errores_generales.append(_("El archivo debe ser CSV (.csv) o Excel (.xlsx)."))
        return resultado
    try:
        dataset = dataset_de_archivo(ContentFile(contenido, name=nombre_archivo))
    except ValidationError as error:
        resultado.errores_generales.extend(error.messages)
        return resultado
    if error := _error_de_cabecera(dataset):
        resultado.errores_generales.append(error)
        return resultado
    resultado.filas = filas_validadas(dataset, FilaMedicionForm, catalogo=CatalogoImportacion())
    _marcar_repetidas(resultado.filas)
    return resultado


@transaction.atomic
def importacion_aplicar(
    *, contenido: bytes, nombre_archivo: str, usuario: AbstractBaseUser
) -> list[Medicion]:
    """Import a file all-or-nothing: with any error nothing is saved, and the errors are raised."""
    resultado = importacion_analizar(contenido=contenido, nombre_archivo=nombre_archivo)
    if not resultado.valida:
        raise ValidationError(resultado.errores or [_("El archivo no tiene filas de datos.")])
    return mediciones_registrar(datos=resultado.datos, usuario=usuario)


def plantilla_filas(*, indicador: Indicador, periodo: str = "") -> list[list]:
    """One row per territory (and category) to fill in, under COLUMNAS_PLANTILLA."""
    categorias = [("", "")]
    for dimension in indicador.desagregaciones or []:
        categorias.extend((dimension, c) for c, _etiqueta in DIMENSIONES[dimension][1])
    hoy = timezone.localdate().isoformat()
    if indicador.nivel_territorial == Indicador.Nivel.PROVINCIA:
        territorios = [PROVINCIA_CODIGO]
    else:
        territorios = list(Canton.objects.values_list("codigo", flat=True))
    return [
        [
            indicador.codigo,
            territorio,
            "",
            periodo,
            desagregacion,
            categoria,
            "",
            indicador.fuente,
            hoy,
        ]
        for territorio in territorios
        for desagregacion, categoria in categorias
    ]
