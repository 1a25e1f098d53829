"""The urban parishes with their INEC codes: an event at the Coliseo de Cayambe is filed under the
urban parish Cayambe, not under a rural one (issue 17)."""

import re

import pytest
from django.urls import reverse

from sie.models import Canton, Parroquia
from sie.referencia import CODIGOS_RURALES, PARROQUIAS_URBANAS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("canton", "urbanas"),
    [
        ("1701", 32),
        ("1702", 3),
        ("1703", 1),
        ("1704", 1),
        ("1705", 3),
        ("1707", 1),
        ("1708", 1),
        ("1709", 1),
    ],
)
def test_cada_canton_tiene_sus_parroquias_urbanas(canton, urbanas):
    assert Parroquia.objects.filter(canton__codigo=canton, tipo="urbana").count() == urbanas


def test_las_de_cayambe_y_sangolqui_con_sus_codigos_oficiales():
    def codigos(canton):
        return dict(
            Parroquia.objects.filter(canton__codigo=canton, tipo="urbana").values_list(
                "nombre", "codigo"
            )
        )

    assert codigos("1702") == {"Ayora": "170201", "Cayambe": "170202", "Juan Montalvo": "170203"}
    assert codigos("1705") == {
        "Sangolquí": "170501",
        "San Pedro de Taboada": "170502",
        "San Rafael": "170503",
    }
    assert codigos("1703") == {"Machachi": "170350"}
    assert codigos("1704") == {"Tabacundo": "170450"}
    quito = codigos("1701")
    assert quito["Belisario Quevedo"] == "170101" and quito["Turubamba"] == "170132"
    assert sorted(quito.values()) == [f"1701{n:02d}" for n in range(1, 33)]


def test_toda_parroquia_lleva_un_codigo_inec_unico_de_su_canton():
    parroquias = list(Parroquia.objects.select_related("canton"))
    assert len(parroquias) == 43 + 52
    codigos = [p.codigo for p in parroquias]
    assert len(set(codigos)) == len(codigos)
    for p in parroquias:
        assert re.fullmatch(r"17\d{4}", p.codigo), p
        assert p.codigo[:4] == p.canton.codigo, p
        # DPA: 01–50 urban (50 = the undivided seat), 51 onwards rural.
        assert (int(p.codigo[4:]) <= 50) == (p.tipo == "urbana"), p
    assert Parroquia.objects.get(codigo="170255").nombre == "Santa Rosa de Cusubamba"


def test_un_codigo_que_no_es_de_pichincha_se_rechaza():
    from django.db import IntegrityError, transaction

    cayambe = Canton.objects.get(codigo="1702")
    with pytest.raises(IntegrityError), transaction.atomic():
        Parroquia.objects.create(canton=cayambe, nombre="Otra", codigo="100150")


def test_la_migracion_de_datos_no_duplica_y_completa_codigos():
    """Run again over a database where a parish lost its code: it gets it back, no duplicate."""
    import importlib

    from django.apps import apps

    migracion = importlib.import_module("sie.migrations.0006_parroquias_urbanas")
    Parroquia.objects.filter(codigo="170252").update(codigo=None)
    antes = Parroquia.objects.count()
    migracion.cargar(apps, None)
    assert Parroquia.objects.count() == antes
    assert Parroquia.objects.get(codigo="170252").nombre == "Cangahua"
    assert len(PARROQUIAS_URBANAS) == 8 and len(CODIGOS_RURALES) == 6


def _opciones(html: str, campo: str) -> list[str]:
    select = re.search(rf'<select name="{campo}".*?</select>', html, re.S).group(0)
    return [t.strip() for t in re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", select)]


@pytest.mark.parametrize("url", [reverse("eventos:crear"), reverse("actores:crear")])
def test_los_formularios_ofrecen_las_urbanas_ordenadas_por_canton(client, coordinadora, url):
    client.force_login(coordinadora)
    opciones = _opciones(client.get(url).content.decode(), "parroquia")
    assert "Cayambe (Cayambe)" in opciones
    assert "Juan Montalvo (Cayambe)" in opciones
    assert "Iñaquito (Distrito Metropolitano de Quito)" in opciones
    assert "Sangolquí (Rumiñahui)" in opciones
    assert len(opciones) == Parroquia.objects.count()
    # Grouped by canton (by its code) and by name within it, as before.
    cayambe = [o for o in opciones if o.endswith("(Cayambe)")]
    assert cayambe == [
        "Ascázubi (Cayambe)",
        "Ayora (Cayambe)",
        "Cangahua (Cayambe)",
        "Cayambe (Cayambe)",
        "Juan Montalvo (Cayambe)",
        "Olmedo (Pesillo) (Cayambe)",
        "Otón (Cayambe)",
        "Santa Rosa de Cusubamba (Cayambe)",
    ]
    primera_de_cayambe = opciones.index("Ascázubi (Cayambe)")
    assert all("(Distrito Metropolitano de Quito)" in o for o in opciones[:primera_de_cayambe])
    # each canton's parishes under its name, so a person can scan to her canton (issue 17)
    html = client.get(url).content.decode()
    select = re.search(r'<select name="parroquia".*?</select>', html, re.S).group(0)
    grupos = re.findall(r'<optgroup label="([^"]+)">', select)
    assert grupos == list(Canton.objects.order_by("codigo").values_list("nombre", flat=True))
    cayambe = re.search(r'<optgroup label="Cayambe">(.*?)</optgroup>', select, re.S).group(1)
    assert "Ayora (Cayambe)" in cayambe and "Quito" not in cayambe


def test_una_mesa_cantonal_ofrece_solo_las_de_su_canton_sin_grupos(client, coordinadora):
    from mesas.models import Mesa

    mesa = Mesa.objects.get(slug="turismo-cayambe")
    client.force_login(coordinadora)
    html = client.get(reverse("mesas:gestion", args=[mesa.slug])).content.decode()
    opciones = _opciones(html, "parroquia")
    assert "Ayora (Cayambe)" in opciones and len(opciones) == 8
    assert "<optgroup" not in re.search(r'<select name="parroquia".*?</select>', html, re.S)[0]


def test_un_evento_en_el_coliseo_de_cayambe_muestra_la_parroquia_urbana(client, coordinadora):
    from eventos import services
    from tests.eventos.conftest import datos_evento

    evento = services.evento_crear(
        usuario=coordinadora,
        datos=datos_evento(
            Parroquia.objects.get(codigo="170202"), lugar="Coliseo municipal de Cayambe"
        ),
    )
    html = client.get(evento.get_absolute_url()).content.decode()
    assert "Coliseo municipal de Cayambe" in html
    assert "Cayambe (Cayambe)" in html and "Ascázubi" not in html


def test_la_pagina_del_canton_separa_urbanas_y_rurales(client):
    html = client.get("/sie/cantones/1702/").content.decode()
    urbanas = html.index("Urbanas (cabecera cantonal)")
    rurales = html.index("Rurales</h3>")
    assert urbanas < html.index('data-codigo="170202">Cayambe<') < rurales
    assert rurales < html.index('data-codigo="170251">Ascázubi<')
    assert "3 urbanas · 5 rurales" in " ".join(html.split())
    assert "INEC, División Político Administrativa" in html


def test_la_ficha_de_la_api_lista_todas_las_parroquias(client):
    cayambe = client.get("/api/v1/cantones/1702/").json()
    assert {"Cayambe", "Ayora", "Juan Montalvo", "Ascázubi"} <= set(cayambe["parroquias"])
