"""Site search (/buscar/) and staff search (/panel/buscar/), read as the visitor reads them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comunicacion.models import Mensaje
from mesas.models import Acuerdo, PuntoAgenda
from pactos.models import Pacto
from tests.factories.mesas import SesionFactory, mesa_de
from tests.factories.pactos import CompromisoFactory, PactoFactory
from tests.personas_publicas import crear_personas, sin_nombres_ocultos
from tests.sqlite_en_memoria import correr_en_sqlite

pytestmark = pytest.mark.django_db

PUBLICADO = Pacto.Estado.PUBLICADO
PASO = "El programa recorre la provincia; de paso menciona el agroturismo una sola vez."


def _titulos(respuesta) -> list[str]:
    """The results' titles, in the order the page shows them."""
    html = respuesta.content.decode()
    bloque = html.split('class="list-unstyled resultados-busqueda"', 1)[-1]
    return [
        re.sub(r"\s+", " ", t).strip()
        for t in re.findall(r"<h2[^>]*>\s*<a[^>]*>(.*?)</a>", bloque, re.S)
    ]


@pytest.fixture
def pactos():
    return {
        "titulo": PactoFactory(titulo="Agroturismo en las haciendas de Cayambe", estado=PUBLICADO),
        "paso": PactoFactory(titulo="Pacto lechero de Mejía", preambulo=PASO, estado=PUBLICADO),
        "borrador": PactoFactory(titulo="Agroturismo del borrador oculto"),
    }


def test_encuentra_sin_tildes_ni_mayusculas_y_el_titulo_va_antes(client, pactos):
    respuesta = client.get(reverse("core:buscar"), {"q": "Agroturísmo"})
    assert respuesta.status_code == 200
    titulos = _titulos(respuesta)
    assert titulos[:2] == ["Agroturismo en las haciendas de Cayambe", "Pacto lechero de Mejía"]
    html = respuesta.content.decode()
    assert "<mark>agroturismo</mark>" in html  # the passing mention, highlighted
    assert "borrador oculto" not in html
    # stemmed: the plural finds them too
    assert "Agroturismo en las haciendas" in client.get("/buscar/?q=AGROTURISMOS").content.decode()


def test_nunca_un_borrador_ni_el_nombre_de_quien_no_consiente(client, pactos):
    personas = crear_personas()
    CompromisoFactory(pacto=pactos["borrador"], titulo="Compromiso secreto de agroturismo")
    html = client.get("/buscar/?q=agroturismo").content.decode()
    assert "secreto" not in html and "borrador oculto" not in html
    for consulta in ("Segundo Aurelio", "Lucía Mercedes"):  # the hidden surnames, never shown
        html = client.get("/buscar/", {"q": consulta}).content.decode()
        sin_nombres_ocultos(html, f"la búsqueda de {consulta}")
    # a public organisation is found by its name
    personas.organizacion.visible_publico = True
    personas.organizacion.save()
    assert personas.organizacion.nombre in _titulos(client.get("/buscar/?q=Kayambi"))


def test_busqueda_del_equipo_solo_de_las_mesas_propias(cliente_de, facilitador, coordinadora):
    propia, ajena = (
        SesionFactory(mesa=mesa_de("turismo-cayambe")),
        SesionFactory(mesa=mesa_de("turismo-quito")),
    )
    propia.mesa.facilitadores.add(facilitador)
    Acuerdo.objects.create(sesion=propia, numero=1, texto="Ruta de la zanahoria en Cayambe")
    Acuerdo.objects.create(sesion=ajena, numero=1, texto="Feria de la zanahoria en Quito")
    PuntoAgenda.objects.create(sesion=ajena, orden=1, titulo="Zanahorias de Quito")
    # a citizen's message: for Comunicación and Coordinación only, with the sender's name
    Mensaje.objects.create(
        nombre="Rosa Pérez", email="rosa@example.org", asunto="Zanahoria", texto="¿Dónde?"
    )
    url = reverse("core:buscar_personal")
    vistos = _titulos(cliente_de(facilitador).get(url, {"q": "zanahoria"}))
    assert vistos == ["Ruta de la zanahoria en Cayambe"]
    de_coordinacion = _titulos(cliente_de(coordinadora).get(url, {"q": "zanahoria"}))
    assert sorted(de_coordinacion) == sorted(
        [
            "Ruta de la zanahoria en Cayambe",
            "Feria de la zanahoria en Quito",
            "Zanahorias de Quito",
            "Zanahoria",
        ]
    )
    html = cliente_de(coordinadora).get(url, {"q": "zanahoria"}).content.decode()
    assert "Rosa Pérez" in html and "rosa@example.org" not in html
    # what was recorded in a session that is not published never reaches the public
    assert _titulos(cliente_de(None).get("/buscar/?q=zanahoria")) == []


@pytest.mark.parametrize("ruta", ["core:buscar", "core:buscar_personal"])
def test_consultas_fijas_con_diez_veces_mas_resultados(cliente_de, coordinadora, ruta):
    def consultas(pactos: int) -> int:
        while Pacto.objects.filter(titulo="Tunapampa de altura").count() < pactos:
            pacto = PactoFactory(titulo="Tunapampa de altura", estado=PUBLICADO)
            CompromisoFactory(pacto=pacto, titulo="Vivero de tunapampa")
        cliente = cliente_de(coordinadora if ruta == "core:buscar_personal" else None)
        cliente.get(reverse(ruta), {"q": "tunapampa"})  # the session and the roles, once
        with CaptureQueriesContext(connection) as capturadas:
            respuesta = cliente.get(reverse(ruta), {"q": "tunapampa"})
        assert len(_titulos(respuesta)) == 2 * pactos  # a pacto and its commitment each
        return len(capturadas)

    assert consultas(1) == consultas(10)


def test_la_busqueda_anda_en_sqlite():
    resultado = correr_en_sqlite(
        """
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
call_command("migrate", run_syncdb=True, verbosity=0)
from pactos.models import Pacto
from sie.models import Eje
eje = Eje.objects.create(codigo="turismo", nombre="Turismo")
for titulo, estado, preambulo in [
    ("Pacto lechero", "publicado", "De paso, el agroturismo."),
    ("Agroturismo en Cayambe", "publicado", ""),
    ("Agroturismo en borrador", "borrador", ""),
]:
    Pacto.objects.create(eje=eje, titulo=titulo, slug=titulo.lower().replace(" ", "-"),
                         alcance="provincial", estado=estado, preambulo=preambulo)
r = Client().get("/buscar/?q=AGROTURÍSMO")
print("RESULTADO", json.dumps({"estado": r.status_code, "html": r.content.decode()}))
"""
    )
    assert resultado["estado"] == 200
    html = resultado["html"]
    assert html.index("Agroturismo en Cayambe") < html.index("Pacto lechero")
    assert "<mark>agroturismo</mark>" in html
    assert "borrador" not in html.split("resultados-busqueda", 1)[1]
