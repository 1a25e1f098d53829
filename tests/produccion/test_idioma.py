"""Spanish pages speak Spanish: no English text of Django's defaults or of histories slips into
the pages a visitor or a coordinator reads (item 10)."""

from __future__ import annotations

import re

INGLES = re.compile(r"Select an option|\bChanged\b|\bThis field is required\b")


def _en_ingles(sitio: dict[str, str]) -> list[str]:
    return [
        f"«{encontrado.group(0)}» en {ruta}"
        for ruta, texto in sitio.items()
        if (encontrado := INGLES.search(texto))
    ]


def test_paginas_publicas_en_castellano(sitio_publico):
    en_ingles = _en_ingles(sitio_publico)
    assert not en_ingles, "texto en inglés en páginas en castellano:\n" + "\n".join(en_ingles)


def test_paginas_del_personal_en_castellano(sitio_personal):
    assert len(sitio_personal) > 20, f"el recorrido del personal vio {len(sitio_personal)} páginas"
    en_ingles = _en_ingles(sitio_personal)
    assert not en_ingles, "texto en inglés en páginas en castellano:\n" + "\n".join(en_ingles)
