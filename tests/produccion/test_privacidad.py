"""An anonymous visitor never reads the name of a person who did not consent to be named, nor
an agreement of a session whose acta is not published: pages, feeds, .ics, the API (JSON and
CSV) and the published PDFs of the whole public site, crawled as a visitor crawls it."""

from __future__ import annotations

import pytest

DATOS = """
from actores.models import Actor
personas = Actor.objects.filter(naturaleza="persona")
campos = {f.name for f in Actor._meta.get_fields()}
if "consentimiento_nombre_publico" in campos:
    personas = personas.filter(consentimiento_nombre_publico=False)
resultado = {
    "consentimiento_registrado": "consentimiento_nombre_publico" in campos,
    "nombres": sorted({a.nombre.strip() for a in personas if len(a.nombre.strip()) > 6}),
}
"""


def _normal(texto: str) -> str:
    return " ".join(texto.split())


@pytest.fixture(scope="module")
def datos(stack):
    return stack.consulta(DATOS)


@pytest.fixture(scope="module")
def sitio(sitio_publico):
    return sitio_publico


def test_el_recorrido_cubre_el_sitio_publico(sitio):
    for clase in ("/mesas/", "/pactos/", "/eventos/", "/api/v1/", "format=csv", ".ics", "rss"):
        assert any(clase in ruta for ruta in sitio), f"el recorrido no llegó a ninguna ruta {clase}"


def test_ningun_nombre_sin_consentimiento_en_lo_publico(sitio, datos):
    assert datos["nombres"], "la demostración no tiene personas sin consentimiento"
    apariciones = [
        f"{nombre!r} en {ruta}"
        for ruta, texto in sitio.items()
        for nombre in datos["nombres"]
        if nombre in _normal(texto)
    ]
    assert not apariciones, (
        f"{len(apariciones)} nombres sin consentimiento en respuestas públicas "
        f"(campo de consentimiento registrado: {datos['consentimiento_registrado']}):\n"
        + "\n".join(apariciones[:40])
    )


def test_ningun_acuerdo_de_acta_no_publicada_en_lo_publico(sitio, acuerdos_sin_publicar):
    assert acuerdos_sin_publicar, "la demostración no tiene acuerdos de sesiones sin acta publicada"
    apariciones = [
        f"«{acuerdo['marca']}» en {ruta}"
        for ruta, texto in sitio.items()
        for acuerdo in acuerdos_sin_publicar
        if acuerdo["marca"] in _normal(texto)
    ]
    assert not apariciones, "acuerdos de actas no publicadas en respuestas públicas:\n" + "\n".join(
        apariciones[:40]
    )


def test_el_rastro_de_la_api_no_remite_a_acuerdos_sin_publicar(stack, acuerdos_sin_publicar):
    sin_publicar = {a["pk"] for a in acuerdos_sin_publicar}
    sesiones = {a["sesion"] for a in acuerdos_sin_publicar}
    pagina, vistos = "/api/v1/compromisos/?format=json", []
    while pagina:
        datos = stack.get(pagina).json()
        for compromiso in datos["results"]:
            vistos += [
                f"compromiso {compromiso['id']}: {paso}"
                for paso in compromiso.get("rastro") or []
                if paso.get("acuerdo") in sin_publicar or paso.get("sesion") in sesiones
            ]
        pagina = datos.get("next")
    assert not vistos, "el rastro público remite a acuerdos de actas sin publicar:\n" + "\n".join(
        vistos
    )
