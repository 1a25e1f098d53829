"""The figures of the public list of tables and of the API are the database's (item 7): each
table's published actas are its sessions whose acta is published, counted once."""

from __future__ import annotations

import html
import re

ACTAS = """
from mesas.models import Mesa, Sesion
resultado = {
    m.slug: {"nombre": m.nombre, "actas": m.sesiones.filter(estado=Sesion.Estado.ACTA_PUBLICADA).count()}
    for m in Mesa.objects.all()
}
"""
TARJETA = re.compile(r'href="/mesas/([\w-]+)/"[^>]*>.*?</a>.*?(\d+) actas? publicadas?', re.DOTALL)


def test_actas_publicadas_por_mesa_en_la_lista_y_la_api(stack):
    en_base = stack.consulta(ACTAS)
    assert any(m["actas"] for m in en_base.values()), "la demostración no tiene actas publicadas"
    lista = html.unescape(stack.get("/mesas/").texto)
    en_pagina = {slug: int(n) for slug, n in TARJETA.findall(lista)}
    assert en_pagina, "la lista de mesas no muestra cuántas actas tiene cada mesa"
    api = stack.get("/api/v1/mesas/", cabeceras={"Accept": "application/json"}).json()
    filas = api["results"] if isinstance(api, dict) else api
    en_api = {fila["slug"]: fila["sesiones_publicadas"] for fila in filas}
    distintas = [
        f"{datos['nombre']}: base {datos['actas']}, página {en_pagina.get(slug)}, API {en_api.get(slug)}"
        for slug, datos in en_base.items()
        if en_pagina.get(slug, datos["actas"]) != datos["actas"]
        or en_api.get(slug) != datos["actas"]
    ]
    assert not distintas, "actas publicadas mal contadas:\n" + "\n".join(distintas)
