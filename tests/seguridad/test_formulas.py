"""Exports neutralise formula injection: a cell starting with = + - @ (or tab, CR) is text."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.exportar import celda_segura, csv_bytes, hoja_agregar

PELIGROSOS = ['=HYPERLINK("http://x","clic")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-"]


@pytest.mark.parametrize("valor", PELIGROSOS)
def test_celda_peligrosa_empieza_con_apostrofo(valor):
    assert celda_segura(valor) == "'" + valor


@pytest.mark.parametrize(
    "valor", ["Quito", "", 5, -3, 2.5, None, "a=b", "correo@ejemplo.org", "-3.5", "+12"]
)
def test_lo_inofensivo_no_cambia(valor):
    assert celda_segura(valor) == valor


def test_csv_bytes_neutraliza_y_lleva_bom():
    datos = csv_bytes([["=1+1", 7]], cabecera=["nombre", "n"])
    assert datos.startswith("\ufeff".encode())
    filas = list(csv.reader(io.StringIO(datos.decode("utf-8-sig"))))
    assert filas == [["nombre", "n"], ["'=1+1", "7"]]


def test_xlsx_sin_formulas():
    from openpyxl import Workbook

    libro = Workbook()
    hoja_agregar(libro.active, ["=cmd|' /C calc'!A0", 3])
    salida = io.BytesIO()
    libro.save(salida)
    celda = load_workbook(io.BytesIO(salida.getvalue())).active["A1"]
    assert celda.data_type == "s" and celda.value.startswith("'=")


@pytest.mark.django_db
def test_exportacion_de_actores_neutraliza_un_nombre_malicioso(coordinadora, cliente_de):
    from actores.models import Actor
    from sie.models import Canton

    Actor.objects.create(
        naturaleza="organizacion",
        nombre='=HYPERLINK("http://malo")',
        tipo=Actor.Tipo.choices[0][0],
        ambito=Actor.Ambito.choices[0][0],
        canton=Canton.objects.get(codigo="1701"),
    )
    cliente = cliente_de(coordinadora)
    texto = cliente.get("/actores/exportar/csv/").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in texto
    assert not any(c.startswith("=") for fila in csv.reader(io.StringIO(texto)) for c in fila)
    libro = load_workbook(io.BytesIO(cliente.get("/actores/exportar/xlsx/").content))
    valores = [c.value for fila in libro.worksheets[0].iter_rows() for c in fila]
    assert '\'=HYPERLINK("http://malo")' in valores
    assert not any(isinstance(v, str) and v.startswith("=") for v in valores)


def test_dataset_de_tablib_neutralizado():
    import tablib

    from core.exportar import dataset_seguro

    datos = tablib.Dataset(headers=["periodo", "valor"], title="X")
    datos.append(["=1+1", 3])
    seguro = dataset_seguro(datos)
    assert seguro.headers == ["periodo", "valor"] and seguro.title == "X"
    assert list(seguro[0]) == ["'=1+1", 3]
    celda = load_workbook(io.BytesIO(seguro.export("xlsx"))).active["A2"]
    assert celda.data_type == "s" and celda.value == "'=1+1"
