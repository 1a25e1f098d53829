"""Imports: a CSV or XLSX file read by tablib, each row validated by binding a Django form.

    dataset = dataset_de_archivo(form.cleaned_data["archivo"])
    filas = filas_validadas(dataset, ActorForm, columnas={"nombre": "nombre", "ruc": "ruc"})
    if all(f.valida for f in filas): ...   # f.form.cleaned_data is what the service receives

Validating rows with the same form the screen uses means one set of rules: what a person may not
type in the form cannot arrive through a spreadsheet either.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _

ENCABEZADO = 1  # the header is the file's first line, so data row i (from 0) is line i + 2


def normalizar_encabezado(texto: Any) -> str:
    """'Teléfono  móvil' → 'telefono_movil': headers compared without case, accents or spacing."""
    sin_tildes = unicodedata.normalize("NFKD", str(texto or "")).encode("ascii", "ignore").decode()
    return "_".join(sin_tildes.lower().replace("-", " ").split())


def _texto_csv(contenido: bytes) -> str:
    for codificacion in ("utf-8-sig", "cp1252"):
        try:
            return contenido.decode(codificacion)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("No se pudo leer el texto del archivo: guárdelo como CSV UTF-8."))


def dataset_de_archivo(archivo) -> tablib.Dataset:
    """The rows of an uploaded CSV (comma, semicolon or tab; UTF-8 or Windows' encoding) or XLSX
    (first sheet); ValidationError with a message for the person if it cannot be read."""
    archivo.seek(0)
    contenido = archivo.read()
    archivo.seek(0)
    if isinstance(contenido, str):
        contenido = contenido.encode()
    try:
        if contenido[:2] == b"PK":
            return tablib.Dataset().load(contenido, format="xlsx")
        texto = _texto_csv(contenido)
        try:
            delimitador = csv.Sniffer().sniff(texto[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            delimitador = ","
        return tablib.Dataset().load(texto, format="csv", delimiter=delimitador)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(
            _("No se pudo leer el archivo: compruebe que sea un CSV o un XLSX sin dañar."),
            code="archivo_ilegible",
        ) from exc


@dataclass
class FilaImportada:
    """One data row: its line in the file, what it held (by form field) and the bound form."""

    numero: int
    datos: dict[str, Any]
    form: forms.BaseForm
    errores: list[str] = field(default_factory=list)

    @property
    def valida(self) -> bool:
        return not self.errores


def _errores_de(form: forms.BaseForm) -> list[str]:
    errores = []
    for campo, lista in form.errors.items():
        etiqueta = (
            (form.fields[campo].label or pretty_name(campo)) if campo in form.fields else None
        )
        for mensaje in lista:
            errores.append(f"{etiqueta}: {mensaje}" if etiqueta else str(mensaje))
    return errores


def filas_validadas(
    dataset: tablib.Dataset,
    form_class: type[forms.BaseForm],
    *,
    columnas: dict[str, str] | None = None,
    **form_kwargs,
) -> list[FilaImportada]:
    """Bind form_class to each non-empty row. `columnas` maps headers (compared through
    normalizar_encabezado) to form fields; without it a header names its field directly."""
    mapa = {normalizar_encabezado(k): v for k, v in (columnas or {}).items()}
    campos = [
        mapa.get(normalizar_encabezado(h), None if columnas else normalizar_encabezado(h))
        for h in (dataset.headers or [])
    ]
    filas = []
    for indice, valores in enumerate(dataset):
        if all(v in (None, "") or (isinstance(v, str) and not v.strip()) for v in valores):
            continue
        datos = {
            campo: valor.strip() if isinstance(valor, str) else ("" if valor is None else valor)
            for campo, valor in zip(campos, valores, strict=False)
            if campo
        }
        form = form_class(data=datos, **form_kwargs)
        fila = FilaImportada(numero=indice + ENCABEZADO + 1, datos=datos, form=form)
        if not form.is_valid():
            fila.errores = _errores_de(form)
        filas.append(fila)
    return filas
