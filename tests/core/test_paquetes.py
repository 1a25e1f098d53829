"""The pages kept for use without signal load one script and one style sheet (core/estaticos.py,
PAQUETES): each the concatenation of its parts, found as a static file, and the style sheet
reduced at collectstatic to the rules of those pages without losing one they use."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from core.estaticos import PAQUETES, contenido_paquete, reducir_css
from core.roles import Rol
from tests.factories.mesas import paginas_sin_senal_en_cada_estado


@pytest.mark.parametrize("paquete", sorted(PAQUETES))
def test_un_paquete_es_sus_partes_en_orden_y_se_encuentra_como_estatico(paquete):
    texto = Path(finders.find(paquete)).read_text("utf-8")
    assert texto.encode() == contenido_paquete(paquete)
    posiciones = []
    for parte in PAQUETES[paquete]:
        posiciones.append(texto.find(f"/* {parte} */\n"))
        # the part's longest line, as written in its file (CSS url()s aside)
        linea = max(Path(finders.find(parte)).read_text("utf-8").splitlines(), key=len)
        assert re.sub(r"url\([^)]*\)", "", linea) in re.sub(r"url\([^)]*\)", "", texto), parte
    assert -1 not in posiciones and posiciones == sorted(posiciones)
    assert "sourceMappingURL" not in texto


def test_el_paquete_de_scripts_es_javascript_valido(tmp_path):
    if not shutil.which("node"):
        pytest.fail("Falta node (make instala las dependencias de npm).")
    copia = tmp_path / "paquete.js"
    copia.write_bytes(contenido_paquete("paquetes/sin-senal.js"))
    subprocess.run(["node", "--check", str(copia)], check=True)


def _clases_aplicables(css: str, usadas: set[str]) -> set[str]:
    """The classes of css's selectors that can apply to a page whose elements have the classes
    usadas (every class the selector names is used)."""
    css = re.sub(r"url\([^)]*\)|/\*.*?\*/", "", css, flags=re.S)
    aplicables = set()
    for selectores in re.findall(r"([^{}]+)\{", css):
        for selector in selectores.split(","):
            clases = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector))
            if clases and clases <= usadas:
                aplicables |= clases
    return aplicables


@pytest.mark.django_db
def test_el_paquete_de_estilos_reducido_conserva_cada_clase_de_sus_paginas(
    client, crear_usuario, tmp_path
):
    """The session page and "Mis mesas", in each state a facilitator meets (open, with people,
    choosing whom to invite, closed, cancelled): every class they render that the whole bundle
    styles is still styled by the reduced one."""
    facilitador = crear_usuario("fac_paquete_css", Rol.FACILITACION)
    urls = paginas_sin_senal_en_cada_estado(facilitador)
    client.force_login(facilitador, backend="django.contrib.auth.backends.ModelBackend")
    usadas = set()
    for url in urls:
        html = client.get(url).content.decode()
        assert "paquetes/sin-senal.css" in html, url
        for clases in re.findall(r'class="([^"]*)"', html):
            usadas |= set(clases.split())

    completo = contenido_paquete("paquetes/sin-senal.css")
    hoja = tmp_path / "sin-senal.css"
    hoja.write_bytes(completo)
    if not reducir_css(hoja):
        pytest.fail("Faltan node o purgecss (make instala las dependencias de npm).")
    reducida = hoja.read_text("utf-8")
    assert len(reducida) < len(completo) * 0.9  # it does reduce
    estilizadas = _clases_aplicables(completo.decode(), usadas)
    assert len(estilizadas) > 50
    perdidas = estilizadas - _clases_aplicables(reducida, usadas)
    assert not perdidas, f"El paquete reducido perdió: {sorted(perdidas)}"
