"""Server-side SVG charts and the schematic map of the 8 cantons.

The web pages draw the map with these too (it needs no JavaScript nor internet), and the PDF
reports embed the charts: WeasyPrint renders inline SVG. Only presentation attributes are used,
never style attributes, so the Content Security Policy stays strict.
"""

from decimal import Decimal
from xml.sax.saxutils import escape

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


def numero(valor, decimales: int = 1) -> str:
    """Spanish (es-EC) number: 1.234,5; no decimals for whole values."""
    if valor is None:
        return "—"
    valor = Decimal(str(valor))
    entero = valor == valor.to_integral_value()
    texto = f"{valor:,.0f}" if entero else f"{valor:,.{decimales}f}"
    return texto.replace(",", "X").replace(".", ",").replace("X", ".")


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


def svg_mapa(*, valores: dict, unidad: str, titulo: str, enlaces: dict | None = None) -> str:
    """The 8 cantons as tiles coloured by value, with the value on each and a legend."""
    celda, margen = 120, 4
    ancho = 6 * celda
    alto = 3 * celda + 70
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
    for codigo, (col, fila, an, al) in TESELAS.items():
        x, y = col * celda + margen, fila * celda + margen
        w, h = an * celda - 2 * margen, al * celda - 2 * margen
        valor = valores.get(codigo)
        relleno = color_de(valor, cortes)
        oscuro = relleno in PALETA_MAPA[3:]
        texto = "#ffffff" if oscuro else "#1b1b1b"
        etiqueta = (
            f"{NOMBRES_CORTOS[codigo]}: {numero(valor)} {unidad}"
            if valor is not None
            else (f"{NOMBRES_CORTOS[codigo]}: sin dato publicado")
        )
        bloque = [
            f'<g data-canton="{codigo}"><title>{escape(etiqueta)}</title>',
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{relleno}" '
            f'stroke="#ffffff" stroke-width="2"/>',
            f'<text x="{x + w / 2}" y="{y + h / 2 - 6}" text-anchor="middle" font-size="13" '
            f'fill="{texto}">{escape(NOMBRES_CORTOS[codigo])}</text>',
            f'<text x="{x + w / 2}" y="{y + h / 2 + 14}" text-anchor="middle" font-size="15" '
            f'font-weight="bold" fill="{texto}">{escape(numero(valor))}</text>',
            "</g>",
        ]
        if enlaces and codigo in enlaces:
            bloque = [f'<a href="{escape(enlaces[codigo])}">', *bloque, "</a>"]
        partes.extend(bloque)
    # Legend
    y = 3 * celda + 20
    partes.append(
        f'<text x="{margen}" y="{y - 4}" font-size="12" fill="#333">{escape(unidad)}</text>'
    )
    limites = [min(numericos, default=0), *cortes, max(numericos, default=0)]
    for i, color in enumerate(PALETA_MAPA if len(cortes) > 1 else PALETA_MAPA[-1:]):
        x = margen + i * 125
        desde = limites[i] if len(cortes) > 1 else limites[0]
        hasta = limites[i + 1] if len(cortes) > 1 else limites[-1]
        partes.append(
            f'<rect x="{x}" y="{y}" width="22" height="16" fill="{color}" stroke="#999"/>'
            f'<text x="{x + 26}" y="{y + 13}" font-size="10" fill="#333">'
            f"{escape(numero(desde, 0))}–{escape(numero(hasta, 0))}</text>"
        )
    x = margen + 5 * 125 + 5
    partes.append(
        f'<rect x="{x}" y="{y}" width="22" height="16" fill="{SIN_DATO}" stroke="#999"/>'
        f'<text x="{x + 27}" y="{y + 13}" font-size="11" fill="#333">sin dato</text>'
    )
    partes.append("</svg>")
    return "".join(partes)


def svg_lineas(
    *,
    periodos: list[str],
    series: dict[str, dict[str, float]],
    unidad: str,
    titulo: str,
    meta: float | None = None,
    ancho: int = 640,
    alto: int = 300,
) -> str:
    """A line chart of several series over the periods (for the PDF reports)."""
    izq, der, arriba, abajo = 80, 175, 30, 40
    w, h = ancho - izq - der, alto - arriba - abajo
    todos = [v for s in series.values() for v in s.values()]
    if meta is not None:
        todos.append(meta)
    if not periodos or not todos:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} 60" role="img">'
            f"<title>{escape(titulo)}</title>"
            f'<text x="10" y="30" font-size="13">Sin datos publicados</text></svg>'
        )
    maximo = max(todos) or 1
    minimo = min(0, min(todos))

    def px(i):
        return izq + (w * i / max(len(periodos) - 1, 1))

    def py(v):
        return arriba + h - (v - minimo) / (maximo - minimo) * h

    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} {alto}" role="img" '
        f'font-family="DejaVu Sans, Arial, sans-serif"><title>{escape(titulo)}</title>',
        f'<text x="{izq}" y="16" font-size="13" font-weight="bold">{escape(titulo)}</text>',
    ]
    for k in range(5):
        v = minimo + (maximo - minimo) * k / 4
        y = py(v)
        partes.append(
            f'<line x1="{izq}" y1="{y:.1f}" x2="{izq + w}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{izq - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">'
            f"{escape(numero(v, 0 if maximo - minimo > 50 else 1))}</text>"
        )
    paso = max(1, len(periodos) // 8)
    for i, periodo in enumerate(periodos):
        if i % paso == 0:
            partes.append(
                f'<text x="{px(i):.1f}" y="{arriba + h + 16}" font-size="10" '
                f'text-anchor="middle">{escape(periodo)}</text>'
            )
    if meta is not None:
        y = py(meta)
        partes.append(
            f'<line x1="{izq}" y1="{y:.1f}" x2="{izq + w}" y2="{y:.1f}" stroke="#b3261e" '
            f'stroke-dasharray="6 4"/><text x="{izq + w + 4}" y="{y + 4:.1f}" font-size="10" '
            f'fill="#b3261e">meta {escape(numero(meta))}</text>'
        )
    for n, (nombre, datos) in enumerate(series.items()):
        color = PALETA_SERIES[n % len(PALETA_SERIES)]
        puntos = [f"{px(i):.1f},{py(datos[p]):.1f}" for i, p in enumerate(periodos) if p in datos]
        if puntos:
            partes.append(
                f'<polyline points="{" ".join(puntos)}" fill="none" stroke="{color}" '
                f'stroke-width="2"/>'
            )
        y_leyenda = arriba + 14 * n
        partes.append(
            f'<rect x="{izq + w + 40}" y="{y_leyenda}" width="10" height="10" fill="{color}"/>'
            f'<text x="{izq + w + 54}" y="{y_leyenda + 9}" font-size="10">'
            f"{escape(str(nombre)[:22])}</text>"
        )
    partes.append(
        f'<text x="6" y="{arriba + h / 2}" font-size="10" transform="rotate(-90 10 '
        f'{arriba + h / 2})">{escape(unidad)}</text></svg>'
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
            f"{escape(numero(valor))}</text>"
        )
    partes.append("</svg>")
    return "".join(partes)
