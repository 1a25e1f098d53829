"""What issue 17 saw on the SIE pages, from the visitor's side: a chart spacing 2024 → 2026 as one
year, figures written two ways on one page, the API's CSV and the download disagreeing on column
names and yes/no, and targets without their unit."""

import csv
import io
import json
import re

import pytest
from django.utils import translation

from sie.models import Medicion

pytestmark = pytest.mark.django_db


def _json_script(html: str, ident: str) -> dict:
    bloque = re.search(rf'<script id="{ident}" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(bloque.group(1))


# --- 2. The time axis is proportional to dates -------------------------------------------------


def test_el_grafico_de_la_serie_da_su_ancho_al_anio_sin_dato(client, registrar, analista):
    for anio, valor in ((2023, 60_000), (2024, 62_000), (2026, 70_000)):
        registrar("TUR-01", "1702", anio, valor, publicar=True, usuario=analista)
    datos = _json_script(client.get("/sie/indicadores/TUR-01/").content.decode(), "datos-serie")
    assert datos["etiquetas"] == ["2023", "2024", "2026"]
    x = datos["posiciones"]
    assert x == [2023.0, 2024.0, 2026.0]
    # 2024 → 2026 is two years wide, twice 2023 → 2024: the gap year keeps its width.
    assert x[2] - x[1] == 2 * (x[1] - x[0])
    assert datos["conjuntos"][0]["data"] == [60000.0, 62000.0, 70000.0]


def test_periodos_trimestrales_se_ubican_en_su_fecha():
    import datetime

    from sie.svg import anio_decimal

    enero, abril, octubre = (datetime.date(2024, m, 1) for m in (1, 4, 10))
    assert anio_decimal(enero) == 2024.0
    assert anio_decimal(octubre) - anio_decimal(abril) == pytest.approx(
        2 * (anio_decimal(abril) - anio_decimal(enero)), abs=0.01
    )


def test_el_svg_de_los_informes_tambien_es_proporcional_al_tiempo():
    import datetime

    from sie.svg import svg_lineas

    svg = svg_lineas(
        periodos=["2023", "2024", "2026"],
        series={"Cayambe": {"2023": 1.0, "2024": 2.0, "2026": 3.0}},
        unidad="t",
        titulo="T",
        inicios=[datetime.date(a, 1, 1) for a in (2023, 2024, 2026)],
    )
    puntos = re.search(r'<polyline points="([^"]+)"', svg).group(1).split()
    x = [float(p.split(",")[0]) for p in puntos]
    assert x[2] - x[1] == pytest.approx(2 * (x[1] - x[0]), abs=0.2)


# --- 3. One way of writing figures on the canton page --------------------------------------------


@pytest.mark.parametrize(("idioma", "miles", "decimal"), [("es", ".", ","), ("en", ",", ".")])
def test_la_pagina_del_canton_escribe_todas_las_cifras_igual(
    client, registrar, analista, guardar_meta, idioma, miles, decimal
):
    registrar("TUR-01", "1702", 2023, 1_234, publicar=True, usuario=analista)
    registrar("TUR-01", "1702", 2024, 19_020, publicar=True, usuario=analista)
    guardar_meta("TUR-01", linea_base=1_234, valor_meta=25_000)
    prefijo = "" if idioma == "es" else "/en"
    html = client.get(f"{prefijo}/sie/cantones/1702/").content.decode()
    texto = re.sub(r"<[^>]+>", " ", html)
    # Never a space (plain, non-breaking or thin) between groups of thousands.
    assert not re.search(r"\d[ \u00a0\u202f]\d{3}(?!\d)", texto)
    for cifra in ("105{m}267", "1{m}201", "19{m}020", "1{m}234", "25{m}000"):
        assert cifra.format(m=miles) in texto, cifra
    # The change from 1,234 to 19,020 with one decimal, grouped too.
    assert f"1{miles}441{decimal}3 %" in " ".join(texto.split())


def test_el_listado_de_cantones_agrupa_los_miles(client):
    texto = re.sub(r"<[^>]+>", " ", client.get("/sie/cantones/").content.decode())
    assert "2.679.722" in texto and "105.267" in texto
    assert not re.search(r"\d[ \u00a0\u202f]\d{3}(?!\d)", texto)


def test_los_graficos_agrupan_los_miles_como_el_servidor():
    from pathlib import Path

    js = Path("sie/static/sie/graficos.js").read_text()
    assert 'useGrouping: "always"' in js
    with translation.override("es"):
        from sie.cifras import cifra

        assert cifra(1201) == "1.201"  # what the page writes; Intl's es-EC alone would not group it


# --- 4. The API's CSV and the download are the same table ----------------------------------------


def _csv(contenido: bytes) -> tuple[list[str], list[dict]]:
    lector = csv.DictReader(io.StringIO(contenido.decode("utf-8-sig")))
    return lector.fieldnames, list(lector)


@pytest.fixture
def publicados(registrar, analista):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    registrar("TUR-07", "1702", 2023, 900, publicar=True, usuario=analista)
    registrar(
        "TUR-07",
        "1702",
        2023,
        480,
        publicar=True,
        usuario=analista,
        desagregacion="sexo",
        categoria="mujeres",
    )
    medicion = registrar("TUR-01", "1703", 2023, 12.5, publicar=True, usuario=analista)
    Medicion.objects.filter(pk=medicion.pk).update(es_demo=True)


def test_csv_de_la_api_y_descarga_tienen_las_mismas_columnas_y_celdas(client, publicados):
    from sie.descargas import COLUMNAS

    cabecera_descarga, descarga = _csv(client.get("/sie/datos/mediciones.csv").content)
    cabecera_api, api = _csv(client.get("/api/v1/mediciones/?format=csv&page_size=1000").content)
    assert cabecera_descarga == cabecera_api == COLUMNAS

    def ordenar(filas):
        return sorted(
            filas, key=lambda f: (f["indicador_codigo"], f["territorio_codigo"], f["categoria"])
        )

    assert ordenar(descarga) == ordenar(api)
    assert len(api) == 4
    mujeres = next(f for f in api if f["categoria"] == "mujeres")
    assert (mujeres["desagregacion"], mujeres["categoria_nombre"]) == ("sexo", "Mujeres")
    demo = next(f for f in api if f["territorio_codigo"] == "1703")
    assert demo["valor"] == "12.5" and demo["dato_demo"] == "sí" and demo["calculado"] == "no"
    assert {f["dato_demo"] for f in descarga} == {"sí", "no"}
    assert {f["valor"] for f in descarga} == {"60000", "900", "480", "12.5"}


def test_el_json_de_la_api_usa_los_mismos_nombres_con_booleanos_y_numeros(client, publicados):
    from sie.descargas import COLUMNAS

    filas = client.get("/api/v1/mediciones/?page_size=1000").json()["results"]
    assert all(list(f) == COLUMNAS for f in filas)
    demo = next(f for f in filas if f["territorio_codigo"] == "1703")
    assert demo["dato_demo"] is True and demo["calculado"] is False
    assert demo["valor"] == 12.5
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", demo["fecha_publicacion"])


def test_el_diccionario_de_datos_describe_las_columnas_del_csv(client, publicados):
    from sie.descargas import COLUMNAS

    _, diccionario = _csv(client.get("/sie/datos/diccionario.csv").content)
    assert [f["campo"] for f in diccionario][: len(COLUMNAS)] == COLUMNAS
    tipos = {f["campo"]: f["tipo"] for f in diccionario}
    assert tipos["calculado"] == tipos["dato_demo"] == "sí/no"


def test_otras_apis_en_csv_escriben_si_y_no():
    from core.api import CSVRenderer

    texto = CSVRenderer().render([{"a": True, "b": False, "c": 1}]).decode("utf-8-sig")
    assert texto.splitlines() == ["a,b,c", "sí,no,1"]


# --- 5. Targets with their unit --------------------------------------------------------------------


def _fila_de_metas(html: str) -> tuple[list[str], list[str]]:
    tabla = re.search(r"<table.*?Línea base.*?</table>", html, re.S).group(0)
    cabecera = [
        re.sub(r"<[^>]+>|\s+", " ", c).strip()
        for c in re.findall(r"<th[^>]*>(.*?)</th>", tabla, re.S)
    ]
    fila = re.search(r"<tbody>.*?<tr[^>]*>(.*?)</tr>", tabla, re.S).group(1)
    celdas = [
        " ".join(re.sub(r"<[^>]+>", " ", c).split())
        for c in re.findall(r"<td[^>]*>(.*?)</td>", fila, re.S)
    ]
    return cabecera, celdas


def test_la_tabla_de_metas_muestra_la_unidad(client, guardar_meta, analista):
    guardar_meta("TUR-01", linea_base=60_000, valor_meta=75_000)
    for url, usuario in (("/sie/indicadores/TUR-01/", None), ("/sie/gestion/metas/", analista)):
        if usuario:
            client.force_login(usuario)
        cabecera, celdas = _fila_de_metas(client.get(url).content.decode())
        assert cabecera[:4] == ["Indicador", "Territorio", "Unidad", "Línea base"], url
        assert celdas[2] == "personas", url
        assert celdas[3].startswith("60.000") and celdas[4].startswith("75.000"), url
