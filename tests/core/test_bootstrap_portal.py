"""Pages load none of Bootstrap's JavaScript: the portal's own script (static/js/portal.js) opens
the header's menus (data-bs-toggle="collapse" and "dropdown") and closes the messages
(data-bs-dismiss="alert"), with Bootstrap's classes and ARIA (issue 15: 6.6 KB less on every first
visit). tests/browser/test_menus_cabecera.py walks the menus in a browser.

A template that starts using another plugin (a modal, a tooltip...) fails here until portal.js
answers it too: otherwise its button would silently do nothing.
"""

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
PORTAL_JS = RAIZ / "static" / "js" / "portal.js"
# data-bs-toggle / data-bs-dismiss values portal.js answers.
ATENDIDOS = {"alert", "collapse", "dropdown"}


def _propios(patron: str) -> list[Path]:
    return [
        r
        for r in RAIZ.glob(patron)
        if not {"node_modules", "vendor", "staticfiles", ".venv"} & set(r.relative_to(RAIZ).parts)
    ]


def test_cada_plugin_que_usan_las_plantillas_lo_atiende_portal_js():
    usados: dict[str, set[str]] = {}
    for ruta in _propios("**/templates/**/*.html"):
        for valor in re.findall(r'data-bs-(?:toggle|dismiss)="([a-z]+)"', ruta.read_text()):
            usados.setdefault(valor, set()).add(str(ruta.relative_to(RAIZ)))
    assert {"collapse", "dropdown"} <= set(usados)  # the scan finds the header's menus
    faltan = {p: sorted(f) for p, f in usados.items() if p not in ATENDIDOS}
    assert not faltan, f"static/js/portal.js no atiende: {faltan}"
    codigo = PORTAL_JS.read_text()
    for valor in ATENDIDOS:
        assert f'"{valor}"' in codigo or f"'{valor}'" in codigo, valor


def test_ninguna_pagina_carga_el_javascript_de_bootstrap():
    for ruta in _propios("**/templates/**/*.html"):
        texto = ruta.read_text()
        assert "vendor/bootstrap/bootstrap" not in texto.replace("bootstrap.min.css", ""), ruta
    for ruta in _propios("**/static/**/*.js"):
        assert not re.search(r"\bbootstrap\.([A-Z][a-zA-Z]+)\b", ruta.read_text()), ruta


def test_cada_desplegable_lo_coloca_el_css():
    """No Popper: a drop-down is placed by CSS, as Bootstrap does in a navbar with
    data-bs-display="static" (portal.js marks the open menu data-bs-popper="static")."""
    sin_estatico = []
    for ruta in _propios("**/templates/**/*.html"):
        texto = ruta.read_text()
        for etiqueta in re.findall(r'<[a-z]+\b[^>]*data-bs-toggle="dropdown"[^>]*>', texto):
            if 'data-bs-display="static"' not in etiqueta:
                sin_estatico.append(f"{ruta.relative_to(RAIZ)}: {etiqueta[:80]}")
    assert not sin_estatico, sin_estatico
