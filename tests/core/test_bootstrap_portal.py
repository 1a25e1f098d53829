"""Pages load only the Bootstrap plugins they use (scripts/bootstrap-portal.mjs, built by `make`).

A template that starts using another plugin (a modal, a tooltip...) fails here until the plugin
is added to the bundle: otherwise its button would silently do nothing.
"""

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
ENTRADA = RAIZ / "scripts" / "bootstrap-portal.mjs"
PAQUETE = RAIZ / "static" / "vendor" / "bootstrap" / "bootstrap.portal.min.js"
# data-bs-toggle / data-bs-dismiss values and the plugin that answers them.
PLUGIN = {
    "alert": "alert",
    "button": "button",
    "collapse": "collapse",
    "dropdown": "dropdown",
    "modal": "modal",
    "offcanvas": "offcanvas",
    "pill": "tab",
    "tab": "tab",
    "list": "tab",
    "popover": "popover",
    "tooltip": "tooltip",
    "toast": "toast",
}


def _propios(patron: str) -> list[Path]:
    return [
        r
        for r in RAIZ.glob(patron)
        if not {"node_modules", "vendor", "staticfiles", ".venv"} & set(r.relative_to(RAIZ).parts)
    ]


def test_cada_plugin_que_usan_las_plantillas_esta_en_el_paquete():
    incluidos = set(re.findall(r'from "bootstrap/js/src/([a-z-]+)\.js"', ENTRADA.read_text()))
    usados: dict[str, set[str]] = {}
    for ruta in _propios("**/templates/**/*.html"):
        for valor in re.findall(r'data-bs-(?:toggle|dismiss)="([a-z]+)"', ruta.read_text()):
            usados.setdefault(PLUGIN.get(valor, valor), set()).add(str(ruta.relative_to(RAIZ)))
    for ruta in _propios("**/static/**/*.js"):
        for clase in re.findall(r"\bbootstrap\.([A-Z][a-zA-Z]+)\b", ruta.read_text()):
            usados.setdefault(clase.lower(), set()).add(str(ruta.relative_to(RAIZ)))

    assert {"collapse", "dropdown"} <= set(usados)  # the scan finds the header's menus
    faltan = {p: sorted(f) for p, f in usados.items() if p not in incluidos}
    assert not faltan, f"Añada a scripts/bootstrap-portal.mjs: {faltan}"


def test_las_paginas_cargan_el_paquete_reducido():
    base = (RAIZ / "templates" / "base.html").read_text()
    assert "vendor/bootstrap/bootstrap.portal.min.js" in base
    assert "bootstrap.bundle" not in base
    assert PAQUETE.exists(), "Falta el paquete: `make static/vendor/.installed` lo construye."
    assert PAQUETE.stat().st_size < 50_000  # the whole bundle is 80 KB


def test_ningun_desplegable_necesita_popper():
    """The bundle has no Popper (scripts/popper-vacio.mjs stands in for it): a drop-down must be
    placed by CSS, which Bootstrap does with data-bs-display="static" (and in a navbar). One
    without it would open where Popper would never put it."""
    sin_estatico = []
    for ruta in _propios("**/templates/**/*.html"):
        texto = ruta.read_text()
        for etiqueta in re.findall(r'<[a-z]+\b[^>]*data-bs-toggle="dropdown"[^>]*>', texto):
            if 'data-bs-display="static"' not in etiqueta:
                sin_estatico.append(f"{ruta.relative_to(RAIZ)}: {etiqueta[:80]}")
    assert not sin_estatico, sin_estatico
    paquete = PAQUETE.read_text()
    assert "popperOffsets" not in paquete  # one of Popper's own modifiers
    assert len(paquete.encode()) < 25_000  # 40 KB with Popper
