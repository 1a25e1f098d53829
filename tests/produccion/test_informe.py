"""The progress report for the Provincial Government states the figures the database holds.

A coordinator logs in over HTTPS with the demo account, asks for the report of the last twelve
months (the demo's data: the current month alone has almost none), the stack's worker renders
it, she downloads it; its text (pypdf) is checked against the stack's database.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from .conftest import esperar

CIFRAS = """
import datetime
from django.db.models import Q
from actores.models import Actor
from mesas.models import Asistencia
from pactos.models import Compromiso, Pacto
from pactos.models import Actividad, EstadoActividad
desde = datetime.date.fromisoformat(DESDE)
hasta = datetime.date.fromisoformat(HASTA)
firmados = Pacto.objects.filter(fecha_firma__isnull=False, fecha_firma__lte=hasta)
asistencias = Asistencia.objects.filter(
    sesion__inicio__date__gte=desde, sesion__inicio__date__lte=hasta
)
resultado = {
    "pactos_firmados": firmados.count(),
    "compromisos": Compromiso.objects.filter(pacto__in=firmados).count(),
    "actividades_terminadas": Actividad.objects.filter(
        estado=EstadoActividad.HECHA, fin_real__gte=desde, fin_real__lte=hasta
    ).count(),
    "asistencias": asistencias.count(),
}
"""


@pytest.fixture(scope="module")
def informe(stack):
    hasta = datetime.date.today()
    desde = hasta - datetime.timedelta(days=365)
    coordinadora = stack.cliente()
    coordinadora.entrar("coordinadora", stack.demo_password)
    r = coordinadora.post(
        "/pactos/hoja-de-ruta/informes/",
        {"desde": desde.isoformat(), "hasta": hasta.isoformat()},
        seguir=False,
    )
    assert r.status == 302, f"pedir el informe respondió {r.status}"
    descarga = r.headers["location"].rstrip("/") + "/descargar/"

    def pdf():
        respuesta = coordinadora.get(descarga, seguir=False)
        return respuesta if respuesta.tipo.startswith("application/pdf") else None

    respuesta = esperar(pdf, limite=120, mensaje="el worker no produjo el informe en 120 s")
    texto = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(respuesta.body)).pages)
    cifras = stack.consulta(
        f"DESDE = {desde.isoformat()!r}\nHASTA = {hasta.isoformat()!r}\n" + CIFRAS
    )
    return {"texto": texto, "cifras": cifras}


def _seccion(texto: str, titulo: str) -> str:
    """The text of a numbered section ("4. MESAS Y PARTICIPACIÓN") up to the next one."""
    inicio = re.search(rf"^\d+\.\s*{titulo}", texto, re.IGNORECASE | re.MULTILINE)
    assert inicio, f"el informe no tiene la sección «{titulo}»"
    resto = texto[inicio.end() :]
    fin = re.search(r"^\d+\.\s*[A-ZÁÉÍÓÚÑ ]{6,}$", resto, re.MULTILINE)
    return resto[: fin.start()] if fin else resto


def test_pactos_firmados_y_compromisos(informe):
    cifras = informe["cifras"]
    assert cifras["pactos_firmados"] > 0, "la demostración no tiene pactos firmados"
    seccion = _seccion(informe["texto"], "PACTOS Y COMPROMISOS")
    assert "Aún no hay pactos firmados" not in seccion, (
        f"el informe dice que no hay pactos firmados; la base tiene {cifras['pactos_firmados']} "
        f"con {cifras['compromisos']} compromisos:\n{seccion}"
    )
    numeros = set(re.findall(r"\b\d+\b", seccion))
    for clave in ("pactos_firmados", "compromisos"):
        assert str(cifras[clave]) in numeros, (
            f"{clave}: {cifras[clave]} en la base, no en la sección del informe:\n{seccion}"
        )


def test_actividades_terminadas_en_el_periodo(informe):
    dichas = re.search(r"se termin(?:ó|aron) (\d+) actividad", informe["texto"].replace("\n", " "))
    assert dichas, "el informe no dice cuántas actividades se terminaron en el período"
    assert int(dichas.group(1)) == informe["cifras"]["actividades_terminadas"], (
        f"el informe dice {dichas.group(1)} actividades terminadas; la base tiene "
        f"{informe['cifras']['actividades_terminadas']} con fin real en el período"
    )


def test_indicadores_con_datos_coinciden_con_la_tabla(informe):
    texto = informe["texto"]
    dichos = {int(n) for n in re.findall(r"Indicadores con datos:?\s*(\d+)", texto)}
    seccion = _seccion(texto, "INDICADORES QUE SE MOVIERON")
    codigos = set(re.findall(r"^([A-Z]{2,5}-\d{2,3})\b", seccion, re.MULTILINE))
    assert codigos, "el informe no lista indicadores que se movieron"
    assert dichos == {len(codigos)}, (
        f"«Indicadores con datos» dice {sorted(dichos)}; la tabla de indicadores que se movieron "
        f"lista {len(codigos)}"
    )


def _de_la_pagina(etiqueta: str) -> bool:
    """The running header (report number, period) and footer (portal, date, page) of a page:
    a canton, sector or gender label has no digit and no slash."""
    return (
        etiqueta.startswith(("N.º", "Pactos por Pichincha"))
        or "/" in etiqueta
        or any(c.isdigit() for c in etiqueta)
    )


@pytest.mark.parametrize("desglose", ["cantón", "sector", "género"])
def test_cada_desglose_de_participacion_suma_el_total(informe, desglose):
    total = informe["cifras"]["asistencias"]
    assert total > 0, "la demostración no tiene asistencias en el período"
    seccion = _seccion(informe["texto"], "MESAS Y PARTICIPACIÓN")
    bloque = re.search(
        rf"Participación por {desglose}\n(.*?)(?=\nParticipación por |\n\d+ personas|\Z)",
        seccion,
        re.DOTALL,
    )
    assert bloque, f"el informe no tiene la participación por {desglose}:\n{seccion}"
    filas = [linea for linea in bloque.group(1).splitlines()[1:] if linea.strip()]
    valores = {}
    for linea in filas:
        numero = re.search(r"(\d+)\s*(?:\(?\d+(?:[.,]\d+)?\s*%\)?)?\s*$", linea)
        if not numero:
            continue
        etiqueta = linea[: numero.start()].strip()
        if _de_la_pagina(etiqueta):
            continue  # a table that runs onto the next page passes its running header and footer
        valores[etiqueta] = int(numero.group(1))
        if etiqueta == "Total":
            break
    declarado = valores.pop("Total", None)
    suma = sum(valores.values())
    assert suma == total, (
        f"participación por {desglose}: las filas suman {suma}, la base tiene {total} "
        f"asistencias en el período ({valores})"
    )
    assert declarado in (None, total), f"la fila Total dice {declarado}, la base {total}"
