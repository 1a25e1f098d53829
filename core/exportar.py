"""CSV and XLSX files that a spreadsheet program opens without running anything.

A text cell that starts with = + - @ (or a tab or carriage return, which some programs strip
before looking) is read as a formula by Excel and LibreOffice: "=HYPERLINK(...)" typed into an
actor's name would run on the computer of whoever opens the export (CSV/formula injection). Every
export of the portal writes its cells through celda_segura(), which prefixes such text with a
single quote, as OWASP recommends; numbers, dates and empty cells pass unchanged.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence

INICIOS_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# A plain signed number ("-3.5", "+12") is data, not a formula: open data keeps it as it is.
_NUMERO = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")

TIPO_CSV = "text/csv; charset=utf-8"
TIPO_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def celda_segura(valor):
    """The value itself, or text that a spreadsheet shows as text and never evaluates."""
    if (
        isinstance(valor, str)
        and valor.startswith(INICIOS_DE_FORMULA)
        and not _NUMERO.fullmatch(valor)
    ):
        return "'" + valor
    return valor


def fila_segura(fila: Iterable) -> list:
    return [celda_segura(v) for v in fila]


class EscritorCSV:
    """csv.writer whose rows are neutralised; same writerow/writerows API."""

    def __init__(self, salida, **opciones):
        self._escritor = csv.writer(salida, **opciones)

    def writerow(self, fila: Iterable):
        return self._escritor.writerow(fila_segura(fila))

    def writerows(self, filas: Iterable[Iterable]):
        for fila in filas:
            self.writerow(fila)


class EscritorDictCSV(csv.DictWriter):
    """csv.DictWriter whose values are neutralised (the header is ours, not data)."""

    def writerow(self, rowdict):
        return super().writerow({k: celda_segura(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts):
        for fila in rowdicts:
            self.writerow(fila)


def csv_bytes(filas: Iterable[Sequence], *, cabecera: Sequence | None = None) -> bytes:
    """A whole CSV in UTF-8 with a BOM (so spreadsheet programs read the accents right)."""
    salida = io.StringIO()
    escritor = EscritorCSV(salida)
    if cabecera is not None:
        escritor.writerow(cabecera)
    escritor.writerows(filas)
    return ("\ufeff" + salida.getvalue()).encode("utf-8")


def hoja_agregar(hoja, fila: Iterable) -> None:
    """openpyxl's ws.append with the cells neutralised (openpyxl stores '=...' as a formula)."""
    hoja.append(fila_segura(fila))


def dataset_seguro(dataset):
    """A tablib Dataset with every text cell neutralised, ready for export('xlsx' or 'csv')."""
    import tablib

    seguro = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for fila in dataset:
        seguro.append(fila_segura(fila))
    return seguro


def archivo_bytes(
    *,
    cabecera: Sequence = (),
    filas: Iterable[Sequence] = (),
    formato: str = "csv",
    titulo: str = "",
    hojas: Sequence[tuple[str, Sequence, Iterable[Sequence]]] | None = None,
) -> bytes:
    """The whole file: CSV in UTF-8 with a BOM, or XLSX with one sheet (or the `hojas` given as
    (titulo, cabecera, filas)); every cell neutralised."""
    if formato == "csv":
        if hojas:
            raise ValueError("Un CSV tiene una sola hoja.")
        return csv_bytes(filas, cabecera=cabecera)
    if formato != "xlsx":
        raise ValueError(f"Formato de descarga desconocido: {formato}")
    from openpyxl import Workbook

    libro = Workbook()
    libro.remove(libro.active)
    for nombre, encabezados, datos in hojas or [(titulo or "datos", cabecera, filas)]:
        hoja = libro.create_sheet(title=str(nombre)[:31])
        hoja.append(list(encabezados))
        for fila in datos:
            hoja_agregar(hoja, fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def respuesta_descarga(
    *,
    nombre: str,
    cabecera: Sequence = (),
    filas: Iterable[Sequence] = (),
    formato: str = "csv",
    titulo: str = "",
    hojas: Sequence[tuple[str, Sequence, Iterable[Sequence]]] | None = None,
):
    """The download of a table (or of a workbook of `hojas`): `nombre`.csv or .xlsx, attached."""
    from django.http import HttpResponse

    contenido = archivo_bytes(
        cabecera=cabecera, filas=filas, formato=formato, titulo=titulo, hojas=hojas
    )
    respuesta = HttpResponse(contenido, content_type=TIPO_CSV if formato == "csv" else TIPO_XLSX)
    respuesta["Content-Disposition"] = f'attachment; filename="{nombre}.{formato}"'
    return respuesta
