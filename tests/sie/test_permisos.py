"""Who may see and do what in the SIE: role × page tables."""

import pytest

pytestmark = pytest.mark.django_db

PUBLICAS = ["/sie/indicadores/", "/sie/indicadores/TUR-01/", "/sie/mapa/", "/sie/datos/"]
GESTION = ["/sie/gestion/", "/sie/gestion/metas/"]
ANALISTA = [
    "/sie/gestion/captura/",
    "/sie/gestion/importar/",
    "/sie/gestion/plantilla/TUR-01.csv",
    "/sie/gestion/indicadores/TUR-01/",
]

# role -> (gestión pages, analyst pages)
TABLA = {
    "anonimo": ("login", "login"),
    "sin_rol": (403, 403),
    "facilitacion": (403, 403),
    "comunicacion": (403, 403),
    "coordinacion": (200, 403),
    "analisis": (200, 200),
    "administracion": (200, 200),
}


def resultado(respuesta):
    if respuesta.status_code == 302 and "/login" in respuesta["Location"]:
        return "login"
    return respuesta.status_code


@pytest.mark.parametrize("rol", list(TABLA))
def test_tabla_de_acceso(usuarios_por_rol, cliente_de, rol):
    cliente = cliente_de(usuarios_por_rol[rol])
    gestion, analista = TABLA[rol]
    for url in PUBLICAS:
        assert cliente.get(url).status_code == 200, url
    for url in GESTION:
        assert resultado(cliente.get(url)) == gestion, url
    for url in ANALISTA:
        assert resultado(cliente.get(url)) == analista, url


def test_la_negativa_explica_lo_que_falta(cliente_de, comunicador):
    respuesta = cliente_de(comunicador).get("/sie/gestion/")
    assert respuesta.status_code == 403
    assert "el rol de Análisis SIE o de Coordinación" in respuesta.content.decode()


@pytest.mark.parametrize(
    ("rol", "puede"),
    [
        ("analisis", True),
        ("administracion", True),
        ("coordinacion", False),
        ("comunicacion", False),
    ],
)
def test_validar_y_publicar(usuarios_por_rol, cliente_de, registrar, rol, puede):
    from sie.models import Medicion

    medicion = registrar("TUR-01", "1702", 2024, 65_000)
    cliente = cliente_de(usuarios_por_rol[rol])
    cliente.post(f"/sie/gestion/mediciones/{medicion.pk}/validar/")
    medicion.refresh_from_db()
    assert (medicion.estado == Medicion.Estado.VALIDADO) is puede


def test_coordinacion_gestiona_metas(cliente_de, coordinadora):
    respuesta = cliente_de(coordinadora).post(
        "/sie/gestion/metas/nueva/",
        {
            "indicador": __import__("sie.models").models.Indicador.objects.get(codigo="TUR-01").pk,
            "canton": "",
            "linea_base": "1000",
            "linea_base_periodo": "2023",
            "valor_meta": "1500",
            "fecha_meta": "2027-12-31",
            "descripcion": "Meta provincial",
        },
    )
    assert respuesta.status_code == 302
    from sie.models import MetaIndicador

    assert MetaIndicador.objects.get().canton is None


def test_meta_con_fecha_anterior_a_la_linea_base(cliente_de, analista):
    from sie.models import Indicador

    respuesta = cliente_de(analista).post(
        "/sie/gestion/metas/nueva/",
        {
            "indicador": Indicador.objects.get(codigo="TUR-01").pk,
            "linea_base": "1000",
            "linea_base_periodo": "2023",
            "valor_meta": "1500",
            "fecha_meta": "2022-12-31",
        },
    )
    assert respuesta.status_code == 400
    assert "La fecha de la meta debe ser posterior" in respuesta.content.decode()
