"""The icon font with only the icons the portal uses, built by `make` into static/vendor/.

Bootstrap Icons' woff2 holds some 2,000 glyphs (134 KB) and its CSS a class for each (87 KB); the
portal shows a few dozen. This scans the repository for `bi-NAME` classes (templates, the
portal's own JavaScript and CSS, and the Python code that names icons), and writes

    static/vendor/bootstrap-icons/bootstrap-icons.min.css    the @font-face and the used classes
    static/vendor/bootstrap-icons/fonts/bootstrap-icons.woff2  a subset with those glyphs only

and, for the pages a facilitator keeps for use without signal (the session page and "Mis
mesas", issue 15: their first visit is on a slow link), a smaller subset with the icons of the
templates they are made of (followed through extends and includes) and of their scripts only
(PAGINAS), renumbered from U+E000: bootstrap-icons.sin-senal.min.css and
fonts/bootstrap-icons-sin-senal.woff2 (57 icons, 5.8 KB instead of 10.8).
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

# Pages with an icon font of their own: the templates they are rendered from (each followed
# through its extends and includes, partials too, so the header, footer and messages count) and
# the scripts they load (globs from the repository's root), where anything they show can name an
# icon, whoever opens them (a facilitator, Coordinación with its menus) and in every state.
PAGINAS = {
    "sin-senal": {
        "plantillas": ("mesas/sesion.html", "mesas/mis_mesas.html"),
        "scripts": ("mesas/static/mesas/*.js", "static/js/*.js"),
    },
}
# Where the templates are: the project's folder, then each app's.
CARPETAS_PLANTILLAS = ("templates", "*/templates")
INCLUIDA = re.compile(r"""{%\s*(?:extends|include)\s+(?:"([^"]+)"|'([^']+)'|(\S+))""")

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


def _plantilla(nombre: str, raiz: Path) -> Path:
    for carpeta in CARPETAS_PLANTILLAS:
        for base in sorted(raiz.glob(carpeta)):
            if (base / nombre).is_file():
                return base / nombre
    raise SystemExit(f"No se encuentra la plantilla {nombre}")


def plantillas_de_pagina(nombre: str, raiz: Path = RAIZ) -> list[Path]:
    """The templates a page of PAGINAS is made of: its own, and what they extend or include."""
    vistas: set[Path] = set()
    pendientes = [_plantilla(n, raiz) for n in PAGINAS[nombre]["plantillas"]]
    while pendientes:
        ruta = pendientes.pop()
        if ruta in vistas:
            continue
        vistas.add(ruta)
        for doble, simple, variable in INCLUIDA.findall(ruta.read_text(encoding="utf-8")):
            if variable:  # a template chosen at run time: its icons could not be known
                raise SystemExit(f"{ruta}: include de una variable ({variable})")
            pendientes.append(_plantilla((doble or simple).split("#")[0], raiz))
    return sorted(vistas)


def iconos_de_pagina(nombre: str, raiz: Path = RAIZ) -> list[str]:
    """The icons named in the templates and scripts of one of PAGINAS."""
    archivos = plantillas_de_pagina(nombre, raiz)
    for patron in PAGINAS[nombre]["scripts"]:
        archivos.extend(raiz.glob(patron))
    usados = set()
    for ruta in archivos:
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
            renumerar=True,
        )
    completa = (ORIGEN / "fonts" / "bootstrap-icons.woff2").stat().st_size
    return completa, FUENTE.stat().st_size, nombres


# Where a page's own font puts its icons, one after another (Unicode's Private Use Area, as
# Bootstrap Icons does from U+F101): a character map of one range is smaller than of scattered
# code points.
PRIMERO = 0xE000


def _escribir(
    mapa: dict[str, int],
    nombres: list[str],
    fuente: Path,
    hoja: Path,
    cabecera: str,
    que: str,
    renumerar: bool = False,
) -> None:
    """A woff2 with the glyphs of nombres, and its style sheet with their classes; renumerar puts
    them at consecutive code points from PRIMERO, in the order of nombres (a font of its own)."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # notes on the source font's tables
    opciones = subset.Options()
    opciones.flavor = "woff2"
    opciones.layout_features = []
    opciones.hinting = False
    opciones.desubroutinize = True
    opciones.name_IDs = [1, 2]  # family and style; copyright and licence stay in the CSS
    if renumerar:
        opciones.drop_tables += ["GSUB"]  # no ligatures: the classes name the code points
    origen = subset.load_font(str(ORIGEN / "fonts" / "bootstrap-icons.woff"), opciones)
    recorte = subset.Subsetter(opciones)
    recorte.populate(unicodes=[mapa[n] for n in nombres])
    recorte.subset(origen)
    codigos = {n: (PRIMERO + i if renumerar else mapa[n]) for i, n in enumerate(nombres)}
    if renumerar:
        glifos = origen.getBestCmap()
        for tabla in origen["cmap"].tables:
            tabla.cmap = {codigos[n]: glifos[mapa[n]] for n in nombres}
    subset.save_font(origen, str(fuente), opciones)

    clases = "".join(f'.bi-{n}::before{{content:"\\{codigos[n]:x}"}}' for n in nombres)
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
