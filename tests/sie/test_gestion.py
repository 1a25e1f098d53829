"""The analyst's desk: entry grid, correcting a flagged value, validating and publishing."""

import pytest

from sie.models import Medicion

pytestmark = pytest.mark.django_db


def _captura(indicador: str, **valores) -> dict:
    """The entry grid of an indicator for 2024, from MINTUR; valores are its cells (v_...)."""
    return {
        "indicador": indicador,
        "periodo": "2024",
        "fuente": "MINTUR",
        "fecha_dato": "2025-03-31",
        **valores,
    }


def test_captura_de_un_periodo_para_todos_los_cantones(cliente_de, analista):
    cliente = cliente_de(analista)
    respuesta = cliente.get("/sie/gestion/captura/?indicador=TUR-07&periodo=2024")
    assert respuesta.status_code == 200
    contenido = respuesta.content.decode()
    assert "v_1709_sexo_mujeres" in contenido and "v_1701__" in contenido
    datos = _captura(
        "TUR-07",
        v_1701__="1.200",
        v_1701_sexo_hombres="500",
        v_1701_sexo_mujeres="700",
        v_1702__="80,5",
    )
    respuesta = cliente.post("/sie/gestion/captura/", datos)
    assert respuesta.status_code == 302
    assert Medicion.objects.count() == 4
    assert Medicion.objects.get(territorio="1702").valor == 80.5
    assert Medicion.objects.get(territorio="1701", desagregacion="").valor == 1200


def test_captura_con_un_error_no_guarda_nada(cliente_de, analista):
    respuesta = cliente_de(analista).post(
        "/sie/gestion/captura/", _captura("TUR-01", v_1701__="1000", v_1702__="mil")
    )
    assert respuesta.status_code == 400
    assert "Cayambe, Total: «mil» no es un número." in respuesta.content.decode()
    assert not Medicion.objects.exists()


def test_periodo_mal_escrito_en_la_captura(cliente_de, analista):
    respuesta = cliente_de(analista).get("/sie/gestion/captura/?indicador=TUR-10&periodo=2024")
    assert "no es un trimestre válido" in respuesta.content.decode()


def test_corregir_validar_y_publicar_desde_la_ficha(cliente_de, analista, registrar, client):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    errada = registrar("TUR-01", "1702", 2024, 650_000, usuario=analista)
    cliente = cliente_de(analista)
    url = f"/sie/gestion/mediciones/{errada.pk}/"
    respuesta = cliente.post(url + "validar/")
    assert respuesta.status_code == 400
    assert "tiene alertas de validación" in respuesta.content.decode()
    cliente.post(
        url + "corregir/", {"valor": "65000", "fuente": "MINTUR", "fecha_dato": "2025-03-31"}
    )
    errada.refresh_from_db()
    assert errada.alertas == [] and errada.valor == 65000
    cliente.post(url + "validar/")
    cliente.post(url + "publicar/")
    errada.refresh_from_db()
    assert errada.estado == Medicion.Estado.PUBLICADO
    assert errada.validado_por == analista


def test_acciones_masivas_saltan_los_marcados(cliente_de, analista, registrar):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    buena = registrar("TUR-01", "1703", 2024, 90_000)
    marcada = registrar("TUR-01", "1702", 2024, 650_000)
    cliente = cliente_de(analista)
    cliente.post("/sie/gestion/validar/", {"ids": [buena.pk, marcada.pk]})
    buena.refresh_from_db()
    marcada.refresh_from_db()
    assert buena.estado == "validado" and marcada.estado == "borrador"
    cliente.post("/sie/gestion/publicar/", {"ids": [buena.pk, marcada.pk]})
    buena.refresh_from_db()
    assert buena.estado == "publicado"


def test_selector_de_metas_para_los_pactos(indicador, guardar_meta):
    from sie.selectors import meta_avance, metas_disponibles

    meta = guardar_meta("AGR-07", linea_base=100, valor_meta=200)
    assert list(metas_disponibles(indicador=indicador("AGR-07"))) == [meta]
    assert meta_avance(meta=meta)["avance"] is None


def test_svg_para_los_informes():
    from sie.svg import svg_barras, svg_lineas, svg_mapa

    mapa = svg_mapa(valores={"1701": 10, "1702": 5}, unidad="ha", titulo="Prueba")
    assert mapa.startswith("<svg") and "Cayambe" in mapa and "sin dato" in mapa
    assert 'style="' not in mapa
    lineas = svg_lineas(
        periodos=["2023", "2024"],
        series={"Quito": {"2023": 1.0, "2024": 2.0}},
        unidad="t",
        titulo="T",
        meta=3,
    )
    assert "<polyline" in lineas and "meta 3" in lineas
    assert "<rect" in svg_barras(etiquetas=["A"], valores=[1], unidad="t", titulo="B")


def test_demo_idempotente(db):
    from core.demo import cuentas_demo_crear
    from sie.demo import cargar_demo

    usuarios = cuentas_demo_crear(password="x-demo-123")
    primero = cargar_demo(usuarios=usuarios)
    assert "valores de demostración" in primero
    total = Medicion.objects.count()
    assert cargar_demo(usuarios=usuarios) == "ya estaba cargado"
    assert Medicion.objects.count() == total
    assert Medicion.objects.filter(estado="borrador").exclude(alertas=[]).count() == 1
    assert Medicion.objects.filter(estado="publicado").values("indicador").distinct().count() >= 20


def test_mensajes_de_validacion_en_el_idioma_de_la_pagina(cliente_de, analista):
    """The SIE's validation messages were bare Spanish f-strings: Spanish on English pages."""
    cliente = cliente_de(analista)
    ingles = cliente.get("/en/sie/gestion/captura/?indicador=TUR-10&periodo=2024")
    contenido = ingles.content.decode().lower()  # the view capitalizes the message
    assert "the period “2024” is not a valid quarter (expected e.g. 2024-t2)" in contenido
    assert "no es un trimestre válido" not in contenido
    espanol = cliente.get("/sie/gestion/captura/?indicador=TUR-10&periodo=2024").content.decode()
    assert "el período «2024» no es un trimestre válido" in espanol.lower()


def test_alerta_de_variacion_en_ingles_en_una_pagina_inglesa(cliente_de, analista, registrar):
    from django.utils import translation

    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    with translation.override("en"):
        errada = registrar("TUR-01", "1702", 2024, 650_000, usuario=analista)
    assert errada.alertas
    mensajes = [a["mensaje"] for a in errada.alertas]
    assert any(m.startswith("Changes ") and "previous period" in m for m in mensajes), mensajes
