"""Server-side SVG charts and the schematic map of the 8 cantons.

The indicator and map pages draw the map with svg_mapa (it needs no JavaScript nor internet).
svg_lineas and svg_barras are for PDFs (WeasyPrint renders inline SVG); no PDF template uses them
yet. Only presentation attributes are used, never style attributes, so the Content Security Policy
stays strict.
"""

import calendar
import datetime
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from .cifras import cifra

PALETA_SERIES = [
    "#0b6b3a",
    "#b3261e",
    "#1f5fa8",
    "#c47f00",
    "#6a3d9a",
    "#00838f",
    "#8d6e63",
    "#d81b60",
]
# Sequential greens, light to dark, for the choropleth.
PALETA_MAPA = ["#e3f1e9", "#b5dcc4", "#7fc29b", "#3f9e68", "#0b6b3a"]
SIN_DATO = "#eeeeee"

# Schematic tiles, roughly where each canton lies (west to east, north to south):
# codigo: (column, row, width, height) in grid units.
TESELAS = {
    "1709": (0, 0, 1, 1),  # Puerto Quito
    "1708": (1, 0, 1, 1),  # Pedro Vicente Maldonado
    "1707": (1, 1, 1, 1),  # San Miguel de los Bancos
    "1701": (2, 0, 2, 2),  # Quito
    "1704": (4, 0, 1, 1),  # Pedro Moncayo
    "1702": (5, 0, 1, 2),  # Cayambe
    "1705": (4, 1, 1, 1),  # Rumiñahui
    "1703": (2, 2, 2, 1),  # Mejía
}
NOMBRES_CORTOS = {
    "1701": "Quito",
    "1702": "Cayambe",
    "1703": "Mejía",
    "1704": "Pedro Moncayo",
    "1705": "Rumiñahui",
    "1707": "S. M. de los Bancos",
    "1708": "P. V. Maldonado",
    "1709": "Puerto Quito",
}


def anio_decimal(fecha: datetime.date) -> float:
    """A date as a year with its fraction (2024-07-01 → 2024.497), so that charts space periods
    by the time between them: a year without data keeps its width."""
    dias = 366 if calendar.isleap(fecha.year) else 365
    return round(fecha.year + (fecha.timetuple().tm_yday - 1) / dias, 4)


def _clases(valores: list[float]) -> list[float]:
    if not valores:
        return []
    bajo, alto = min(valores), max(valores)
    if bajo == alto:
        return [bajo]
    paso = (alto - bajo) / len(PALETA_MAPA)
    return [bajo + paso * i for i in range(1, len(PALETA_MAPA))]


def color_de(valor, cortes: list[float]) -> str:
    if valor is None:
        return SIN_DATO
    indice = sum(1 for c in cortes if float(valor) > c)
    return PALETA_MAPA[min(indice, len(PALETA_MAPA) - 1)]


CELDA, MARGEN = 120, 4


def _tesela(codigo: str, valor, relleno: str, unidad: str, enlace: str | None) -> list[str]:
    col, fila, an, al = TESELAS[codigo]
    x, y = col * CELDA + MARGEN, fila * CELDA + MARGEN
    w, h = an * CELDA - 2 * MARGEN, al * CELDA - 2 * MARGEN
    texto = "#ffffff" if relleno in PALETA_MAPA[3:] else "#1b1b1b"
    nombre = NOMBRES_CORTOS[codigo]
    etiqueta = (
        f"{nombre}: {cifra(valor, 1)} {unidad}"
        if valor is not None
        else _("%(canton)s: sin dato publicado") % {"canton": nombre}
    )
    bloque = [
        f'<g data-canton="{codigo}"><title>{escape(etiqueta)}</title>',
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{relleno}" '
        f'stroke="#ffffff" stroke-width="2"/>',
        f'<text x="{x + w / 2}" y="{y + h / 2 - 6}" text-anchor="middle" font-size="13" '
        f'fill="{texto}">{escape(nombre)}</text>',
        f'<text x="{x + w / 2}" y="{y + h / 2 + 14}" text-anchor="middle" font-size="15" '
        f'font-weight="bold" fill="{texto}">{escape(cifra(valor, 1))}</text>',
        "</g>",
    ]
    if enlace:
        bloque = [f'<a href="{escape(enlace)}">', *bloque, "</a>"]
    return bloque


def _leyenda_mapa(numericos: list[float], cortes: list[float], unidad: str) -> list[str]:
    y = 3 * CELDA + 20
    partes = [f'<text x="{MARGEN}" y="{y - 4}" font-size="12" fill="#333">{escape(unidad)}</text>']
    limites = [min(numericos, default=0), *cortes, max(numericos, default=0)]
    for i, color in enumerate(PALETA_MAPA if len(cortes) > 1 else PALETA_MAPA[-1:]):
        x = MARGEN + i * 125
        desde = limites[i] if len(cortes) > 1 else limites[0]
        hasta = limites[i + 1] if len(cortes) > 1 else limites[-1]
        partes.append(
            f'<rect x="{x}" y="{y}" width="22" height="16" fill="{color}" stroke="#999"/>'
            f'<text x="{x + 26}" y="{y + 13}" font-size="10" fill="#333">'
            f"{escape(cifra(desde, 0))}–{escape(cifra(hasta, 0))}</text>"
        )
    x = MARGEN + 5 * 125 + 5
    partes.append(
        f'<rect x="{x}" y="{y}" width="22" height="16" fill="{SIN_DATO}" stroke="#999"/>'
        f'<text x="{x + 27}" y="{y + 13}" font-size="11" fill="#333">{escape(_("sin dato"))}</text>'
    )
    return partes


def svg_mapa(*, valores: dict, unidad: str, titulo: str, enlaces: dict | None = None) -> str:
    """The 8 cantons as tiles coloured by value, with the value on each and a legend."""
    ancho, alto = 6 * CELDA, 3 * CELDA + 70
    numericos = [float(v) for v in valores.values() if v is not None]
    cortes = _clases(numericos)
    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} {alto}" '
        # With links to the cantons it is a group of links; role="img" would hide them.
        f'role="{"group" if enlaces else "img"}" aria-labelledby="mapa-titulo" '
        f'class="mapa-cantones" '
        f'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<title id="mapa-titulo">{escape(titulo)}</title>',
    ]
    for codigo in TESELAS:
        valor = valores.get(codigo)
        enlace = (enlaces or {}).get(codigo)
        partes.extend(_tesela(codigo, valor, color_de(valor, cortes), unidad, enlace))
    partes.extend(_leyenda_mapa(numericos, cortes, unidad))
    partes.append("</svg>")
    return "".join(partes)


class _Lienzo:
    """The plotting area of a line chart: periods along x, values along y."""

    izq, der, arriba, abajo = 80, 175, 30, 40

    def __init__(
        self,
        *,
        ancho: int,
        alto: int,
        n_periodos: int,
        minimo: float,
        maximo: float,
        posiciones: list[float] | None = None,
    ):
        self.w = ancho - self.izq - self.der
        self.h = alto - self.arriba - self.abajo
        self.n_periodos, self.minimo, self.maximo = n_periodos, minimo, maximo
        # Without the periods' dates they are evenly spaced; with them, by time.
        self.posiciones = posiciones or list(range(n_periodos))

    def px(self, i: int) -> float:
        inicio, fin = self.posiciones[0], self.posiciones[-1]
        return self.izq + self.w * (self.posiciones[i] - inicio) / ((fin - inicio) or 1)

    def py(self, v: float) -> float:
        return self.arriba + self.h - (v - self.minimo) / (self.maximo - self.minimo) * self.h

    def ejes(self, periodos: list[str]) -> list[str]:
        partes = []
        for k in range(5):
            v = self.minimo + (self.maximo - self.minimo) * k / 4
            y = self.py(v)
            decimales = 0 if self.maximo - self.minimo > 50 else 1
            partes.append(
                f'<line x1="{self.izq}" y1="{y:.1f}" x2="{self.izq + self.w}" y2="{y:.1f}" '
                f'stroke="#dddddd"/><text x="{self.izq - 6}" y="{y + 4:.1f}" font-size="10" '
                f'text-anchor="end">{escape(cifra(v, decimales))}</text>'
            )
        paso = max(1, len(periodos) // 8)
        for i, periodo in enumerate(periodos):
            if i % paso == 0:
                partes.append(
                    f'<text x="{self.px(i):.1f}" y="{self.arriba + self.h + 16}" font-size="10" '
                    f'text-anchor="middle">{escape(periodo)}</text>'
                )
        return partes

    def meta(self, meta: float) -> str:
        y, fin = self.py(meta), self.izq + self.w
        return (
            f'<line x1="{self.izq}" y1="{y:.1f}" x2="{fin}" y2="{y:.1f}" stroke="#b3261e" '
            f'stroke-dasharray="6 4"/><text x="{fin + 4}" y="{y + 4:.1f}" font-size="10" '
            f'fill="#b3261e">{escape(_("meta"))} {escape(cifra(meta, 1))}</text>'
        )

    def serie(self, n: int, nombre: str, datos: dict, periodos: list[str]) -> list[str]:
        color = PALETA_SERIES[n % len(PALETA_SERIES)]
        puntos = [
            f"{self.px(i):.1f},{self.py(datos[p]):.1f}"
            for i, p in enumerate(periodos)
            if p in datos
        ]
        partes = []
        if puntos:
            partes.append(
                f'<polyline points="{" ".join(puntos)}" fill="none" stroke="{color}" '
                f'stroke-width="2"/>'
            )
        x, y = self.izq + self.w + 40, self.arriba + 14 * n
        partes.append(
            f'<rect x="{x}" y="{y}" width="10" height="10" fill="{color}"/>'
            f'<text x="{x + 14}" y="{y + 9}" font-size="10">{escape(str(nombre)[:22])}</text>'
        )
        return partes


def svg_lineas(
    *,
    periodos: list[str],
    series: dict[str, dict[str, float]],
    unidad: str,
    titulo: str,
    meta: float | None = None,
    ancho: int = 640,
    alto: int = 300,
    inicios: list[datetime.date] | None = None,
) -> str:
    """A line chart of several series over the periods, with the target as a dashed line.

    With `inicios` (the date each period starts) the x axis is proportional to time."""
    todos = [v for s in series.values() for v in s.values()]
    if meta is not None:
        todos.append(meta)
    if not periodos or not todos:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} 60" role="img">'
            f"<title>{escape(titulo)}</title>"
            f'<text x="10" y="30" font-size="13">{escape(_("Sin datos publicados"))}</text></svg>'
        )
    lienzo = _Lienzo(
        ancho=ancho,
        alto=alto,
        n_periodos=len(periodos),
        minimo=min(0, min(todos)),
        maximo=max(todos) or 1,
        posiciones=[anio_decimal(f) for f in inicios] if inicios else None,
    )
    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} {alto}" role="img" '
        f'font-family="DejaVu Sans, Arial, sans-serif"><title>{escape(titulo)}</title>',
        f'<text x="{lienzo.izq}" y="16" font-size="13" font-weight="bold">{escape(titulo)}</text>',
        *lienzo.ejes(periodos),
    ]
    if meta is not None:
        partes.append(lienzo.meta(meta))
    for n, (nombre, datos) in enumerate(series.items()):
        partes.extend(lienzo.serie(n, nombre, datos, periodos))
    medio = lienzo.arriba + lienzo.h / 2
    partes.append(
        f'<text x="6" y="{medio}" font-size="10" transform="rotate(-90 10 {medio})">'
        f"{escape(unidad)}</text></svg>"
    )
    return "".join(partes)


def svg_barras(
    *, etiquetas: list[str], valores: list, unidad: str, titulo: str, ancho: int = 640
) -> str:
    """Horizontal bars, one per label (e.g. the cantons in a period), with the values written."""
    fila = 24
    izq, der = 170, 90
    alto = 30 + fila * len(etiquetas) + 10
    numericos = [float(v) for v in valores if v is not None]
    maximo = max(numericos, default=1) or 1
    w = ancho - izq - der
    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} {alto}" role="img" '
        f'font-family="DejaVu Sans, Arial, sans-serif"><title>{escape(titulo)}</title>',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(titulo)} '
        f"({escape(unidad)})</text>",
    ]
    for i, (etiqueta, valor) in enumerate(zip(etiquetas, valores, strict=True)):
        y = 30 + i * fila
        largo = 0 if valor is None else max(float(valor) / maximo * w, 1)
        partes.append(
            f'<text x="{izq - 6}" y="{y + 15}" font-size="11" text-anchor="end">'
            f"{escape(etiqueta)}</text>"
            f'<rect x="{izq}" y="{y + 3}" width="{largo:.1f}" height="16" fill="#0b6b3a"/>'
            f'<text x="{izq + largo + 4:.1f}" y="{y + 15}" font-size="11">'
            f"{escape(cifra(valor, 1))}</text>"
        )
    partes.append("</svg>")
    return "".join(partes)
