"""The icon font with only the icons the portal uses, built by `make` into static/vendor/.

Bootstrap Icons' woff2 holds some 2,000 glyphs (134 KB) and its CSS a class for each (87 KB); the
portal shows a few dozen. This scans the repository for `bi-NAME` classes (templates, the
portal's own JavaScript and CSS, and the Python code that names icons), and writes

    static/vendor/bootstrap-icons/bootstrap-icons.min.css    the @font-face and the used classes
    static/vendor/bootstrap-icons/fonts/bootstrap-icons.woff2  a subset with those glyphs only

and, for the pages a facilitator keeps for use without signal (the session page and "Mis
mesas", issue 15: their first visit is on a slow link), a smaller subset with the icons of their
own templates and scripts only (PAGINAS): bootstrap-icons.sin-senal.min.css and
fonts/bootstrap-icons-sin-senal.woff2 (53 icons, 5.6 KB instead of 10.8).
tests/core/test_iconos.py renders those pages and fails on an icon the subset lacks.

A name that is not a Bootstrap icon stops the build: it would show as an empty square.

    python scripts/iconos.py            build the subset
    python scripts/iconos.py --listar   print the icons found, one a line
"""

import argparse
import json
import re
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
ORIGEN = RAIZ / "node_modules" / "bootstrap-icons" / "font"
DESTINO = RAIZ / "static" / "vendor" / "bootstrap-icons"
HOJA = DESTINO / "bootstrap-icons.min.css"
FUENTE = DESTINO / "fonts" / "bootstrap-icons.woff2"

# Pages with an icon font of their own: the files (globs from the repository's root) where
# anything they show can name an icon, the header, footer and messages included.
PAGINAS = {
    "sin-senal": (
        "templates/base.html",
        "templates/documento.html",
        "templates/includes/*.html",
        "core/templates/core/includes/buscador_cabecera.html",
        "mesas/templates/mesas/sesion.html",
        "mesas/templates/mesas/_migas_mesa.html",
        "mesas/templates/mesas/registro/*.html",
        "mesas/templates/mesas/mis_mesas.html",
        "mesas/templates/mesas/_sesion_fila.html",
        "mesas/static/mesas/*.js",
        "static/js/*.js",
    ),
}

PATRON = re.compile(r"(?<![\w-])bi-([a-z0-9]+(?:-[a-z0-9]+)*)")
EXTENSIONES = {".html", ".js", ".mjs", ".css", ".py", ".txt"}
# Folders that are not the portal's own code: dependencies, built files, data, and the tests.
EXCLUIDAS = {
    ".git",
    ".venv",
    "node_modules",
    "vendor",
    "staticfiles",
    "var",
    "locale",
    "docs",
    "tests",
    "bench",
    "__pycache__",
}


def archivos_fuente(raiz: Path = RAIZ) -> list[Path]:
    """The portal's own files where an icon can be named."""
    encontrados = []
    for ruta in raiz.rglob("*"):
        relativa = ruta.relative_to(raiz)
        if any(parte in EXCLUIDAS for parte in relativa.parts[:-1]):
            continue
        if ruta.suffix in EXTENSIONES and ruta.is_file():
            encontrados.append(ruta)
    return sorted(encontrados)


def iconos_usados(raiz: Path = RAIZ) -> dict[str, list[str]]:
    """Each icon name found (without `bi-`) and the files that name it."""
    usados: dict[str, list[str]] = {}
    for ruta in archivos_fuente(raiz):
        texto = ruta.read_text(encoding="utf-8", errors="replace")
        for nombre in set(PATRON.findall(texto)):
            usados.setdefault(nombre, []).append(str(ruta.relative_to(raiz)))
    return dict(sorted(usados.items()))


def iconos_de_pagina(nombre: str, raiz: Path = RAIZ) -> list[str]:
    """The icons named in the files of one of PAGINAS."""
    usados = set()
    for patron in PAGINAS[nombre]:
        for ruta in raiz.glob(patron):
            usados.update(PATRON.findall(ruta.read_text(encoding="utf-8", errors="replace")))
    return sorted(usados)


def hoja_de_pagina(nombre: str) -> Path:
    return DESTINO / f"bootstrap-icons.{nombre}.min.css"


def fuente_de_pagina(nombre: str) -> Path:
    return DESTINO / "fonts" / f"bootstrap-icons-{nombre}.woff2"


def mapa_bootstrap() -> dict[str, int]:
    """Every Bootstrap icon's name and code point, as the package lists them."""
    return json.loads((ORIGEN / "bootstrap-icons.json").read_text(encoding="utf-8"))


def construir() -> tuple[int, int, list[str]]:
    """Write the subset fonts and CSS; (bytes of the full woff2, bytes of the subset, names)."""
    mapa = mapa_bootstrap()
    usados = iconos_usados()
    desconocidos = {n: f for n, f in usados.items() if n not in mapa}
    if desconocidos:
        lineas = "\n".join(f"  bi-{n}: {', '.join(f)}" for n, f in desconocidos.items())
        raise SystemExit(f"Iconos que Bootstrap Icons no tiene (se verían vacíos):\n{lineas}")
    nombres = list(usados)

    FUENTE.parent.mkdir(parents=True, exist_ok=True)
    for anterior in FUENTE.parent.iterdir():  # the full fonts of an earlier copy
        anterior.unlink()
    original = (ORIGEN / "bootstrap-icons.min.css").read_text(encoding="utf-8")
    cabecera = original[: original.index("*/") + 2]  # the licence notice
    _escribir(mapa, nombres, FUENTE, HOJA, cabecera, "usados por el portal")
    for pagina in PAGINAS:
        _escribir(
            mapa,
            iconos_de_pagina(pagina),
            fuente_de_pagina(pagina),
            hoja_de_pagina(pagina),
            cabecera,
            f"de las páginas «{pagina}»",
        )
    completa = (ORIGEN / "fonts" / "bootstrap-icons.woff2").stat().st_size
    return completa, FUENTE.stat().st_size, nombres


def _escribir(
    mapa: dict[str, int], nombres: list[str], fuente: Path, hoja: Path, cabecera: str, que: str
) -> None:
    """A woff2 with the glyphs of nombres, and its style sheet with their classes."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # notes on the source font's tables
    opciones = subset.Options()
    opciones.flavor = "woff2"
    opciones.layout_features = []
    opciones.hinting = False
    opciones.desubroutinize = True
    opciones.name_IDs = [1, 2]  # family and style; copyright and licence stay in the CSS
    origen = subset.load_font(str(ORIGEN / "fonts" / "bootstrap-icons.woff"), opciones)
    recorte = subset.Subsetter(opciones)
    recorte.populate(unicodes=[mapa[n] for n in nombres])
    recorte.subset(origen)
    subset.save_font(origen, str(fuente), opciones)

    clases = "".join(f'.bi-{n}::before{{content:"\\{mapa[n]:x}"}}' for n in nombres)
    hoja.write_text(
        f"{cabecera}\n/* {len(nombres)} iconos {que} (scripts/iconos.py) */"
        "@font-face{font-display:block;font-family:bootstrap-icons;"
        f'src:url("fonts/{fuente.name}") format("woff2")}}'
        '.bi::before,[class*=" bi-"]::before,[class^=bi-]::before{display:inline-block;'
        "font-family:bootstrap-icons!important;font-style:normal;font-weight:400!important;"
        "font-variant:normal;text-transform:none;line-height:1;vertical-align:-.125em;"
        "-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}"
        f"{clases}\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listar", action="store_true", help="print the icons found and stop")
    args = parser.parse_args()
    if args.listar:
        for nombre, archivos in iconos_usados().items():
            print(f"bi-{nombre}\t{', '.join(archivos)}")
        return
    completa, recortada, nombres = construir()
    print(
        f"Iconos: {len(nombres)} de {len(mapa_bootstrap())}; fuente woff2 de {completa:,} a "
        f"{recortada:,} bytes ({HOJA.relative_to(RAIZ)})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
