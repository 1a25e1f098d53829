"""Every page a coordinator or a visitor opens speaks one language: no English framework text
("- Select an option -", "Changed", "None") on Spanish pages, and no Spanish history labels or
select placeholders left on English pages.

The pages are the permission matrix's (test_matriz_urls.MATRIZ) on the same scenario.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from tests.visitantes import ROLES

from .test_matriz_urls import MATRIZ

pytestmark = pytest.mark.django_db

ROLES_VISTOS = ("coordinacion", "anonimo")

# English UI text that Spanish pages showed: Django 6.1's blank choice (its Spanish catalogue
# lacks it), simple-history's history types, Python's None/True/False printed as values.
INGLES = re.compile(r"Select an option|\b(?:Changed|Created|Deleted|None|True|False)\b")
# Spanish text of the same areas on English pages.
ESPANOL = re.compile(r"Elija una opción|\b(?:Creación|Modificación|Eliminación)\b")

ATRIBUTOS_VISIBLES = {"title", "aria-label", "placeholder", "alt", "data-bs-title"}


class _TextoVisible(HTMLParser):
    """What a person reads or hears: text outside script/style, and labelling attributes."""

    def __init__(self):
        super().__init__()
        self.partes: list[str] = []
        self._oculto = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._oculto += 1
        for nombre, valor in attrs:
            if nombre in ATRIBUTOS_VISIBLES and valor:
                self.partes.append(valor)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._oculto:
            self._oculto -= 1

    def handle_data(self, data):
        if not self._oculto and data.strip():
            self.partes.append(data.strip())


def texto_visible(html: str) -> str:
    lector = _TextoVisible()
    lector.feed(html)
    return "\n".join(lector.partes)


def _paginas(escenario):
    for fila in MATRIZ:
        esperado = dict(zip(ROLES, (int(c) for c in fila.esperado.split()), strict=True))
        for rol in ROLES_VISTOS:
            if rol in fila.solo and esperado[rol] == 200:
                yield fila, rol


def _recorrer(cliente_rol, escenario, idioma: str, patron: re.Pattern, buscados: set[str]):
    """(leftovers per page, which of `buscados` some page showed)."""
    restos: dict[str, list[str]] = {}
    vistos: set[str] = set()
    for fila, rol in _paginas(escenario):
        with translation.override(idioma):
            url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
        respuesta = cliente_rol(rol).get(url)
        if respuesta.status_code != 200 or "html" not in respuesta.get("Content-Type", ""):
            continue
        if respuesta.streaming:
            continue
        texto = texto_visible(respuesta.content.decode())
        encontrados = sorted({m.group(0) for m in patron.finditer(texto)})
        if encontrados:
            restos[f"{rol} {url}"] = encontrados
        vistos |= {b for b in buscados if b in texto}
    return restos, vistos


def test_paginas_en_espanol_sin_restos_en_ingles(cliente_rol, escenario):
    # The sweep reaches the areas that were wrong: optional selects and histories.
    buscados = {"— Elija una opción —", "Creación", "Modificación"}
    restos, vistos = _recorrer(cliente_rol, escenario, "es", INGLES, buscados)
    assert restos == {}
    assert vistos == buscados


def test_paginas_en_ingles_sin_restos_en_espanol_de_estas_areas(cliente_rol, escenario):
    buscados = {"— Choose an option —", "Created", "Changed"}
    restos, vistos = _recorrer(cliente_rol, escenario, "en", ESPANOL, buscados)
    assert restos == {}
    assert vistos == buscados
