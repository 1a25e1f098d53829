"""The roadmap's Gantt-style timeline and the products' progress bars, as SVG.

Geometry is computed here and drawn by templates under pactos/hoja_de_ruta/svg/; colours are
presentation attributes (no style attributes, so the Content Security Policy stays strict and
WeasyPrint draws the same picture in the PDF).
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString

from pactos.models import EstadoActividad

COLORES = {
    EstadoActividad.NO_INICIADA: "#adb5bd",
    EstadoActividad.EN_CURSO: "#0d6efd",
    EstadoActividad.HECHA: "#198754",
    EstadoActividad.BLOQUEADA: "#fd7e14",
    EstadoActividad.CANCELADA: "#e9ecef",
}
COLOR_VENCIDA = "#dc3545"

ANCHO = 1100
ANCHO_ETIQUETAS = 330
ALTO_FILA = 26
ALTO_CABECERA = 56
MARGEN_DERECHO = 16


@dataclass
class Fila:
    y: int
    texto: str
    es_bloque: bool = False
    url: str = ""
    titulo: str = ""
    barra: tuple[float, float] | None = None  # x, width of the planned bar
    real: tuple[float, float] | None = None  # x, width of the real (or ongoing) bar
    color: str = ""
    vencida: bool = False
    hito: bool = False
    sin_fechas: bool = False

    @property
    def medio(self) -> float:
        return self.y + ALTO_FILA / 2


def _inicio_mes(d: datetime.date) -> datetime.date:
    return d.replace(day=1)


def _mes_siguiente(d: datetime.date) -> datetime.date:
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _recortar(texto: str, largo: int = 44) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1].rstrip() + "…"


def linea_de_tiempo_svg(
    grupos,
    *,
    hoy: datetime.date,
    titulo: str = "",
    etiqueta_hoy: str = "",
    interactivo: bool = True,
) -> SafeString:
    """grupos: [(bloque, etiqueta, [actividades])] as from actividades_por_bloque()."""
    actividades = [a for _, _, lista in grupos for a in lista]
    fechas = [
        f
        for a in actividades
        for f in (a.inicio_previsto, a.fin_previsto, a.inicio_real, a.fin_real)
        if f is not None
    ]
    desde = _inicio_mes(min([*fechas, hoy]) if fechas else hoy - datetime.timedelta(days=30))
    hasta = _mes_siguiente(max([*fechas, hoy]) if fechas else hoy + datetime.timedelta(days=150))
    dias = max((hasta - desde).days, 1)
    ancho_grafico = ANCHO - ANCHO_ETIQUETAS - MARGEN_DERECHO

    def x(fecha: datetime.date) -> float:
        return round(ANCHO_ETIQUETAS + (fecha - desde).days / dias * ancho_grafico, 1)

    filas: list[Fila] = []
    por_id: dict[int, Fila] = {}
    y = ALTO_CABECERA
    for _, etiqueta, lista in grupos:
        filas.append(Fila(y=y, texto=str(etiqueta), es_bloque=True))
        y += ALTO_FILA
        for a in lista:
            fila = Fila(
                y=y,
                texto=_recortar(a.nombre),
                titulo=a.nombre,
                url=a.get_absolute_url() if interactivo else "",
                color=COLORES[a.estado],
                vencida=a.vencida(hoy),
                hito=a.es_hito,
            )
            if a.vencida(hoy):
                fila.color = COLOR_VENCIDA
            if a.inicio_previsto and a.fin_previsto:
                x0 = x(a.inicio_previsto)
                fila.barra = (x0, max(x(a.fin_previsto + datetime.timedelta(days=1)) - x0, 3))
            else:
                fila.sin_fechas = True
            if a.inicio_real:
                fin = a.fin_real or (hoy if a.estado != EstadoActividad.HECHA else a.inicio_real)
                x0 = x(a.inicio_real)
                fila.real = (x0, max(x(fin + datetime.timedelta(days=1)) - x0, 3))
            filas.append(fila)
            por_id[a.pk] = fila
            y += ALTO_FILA
    alto = y + 12

    meses = []
    m = desde
    while m < hasta:
        meses.append({"x": x(m), "texto": formats.date_format(m, "M Y")})
        m = _mes_siguiente(m)

    flechas = []
    for a in actividades:
        destino = por_id.get(a.pk)
        if not destino or not destino.barra:
            continue
        for d in a.dependencias.all():
            origen = por_id.get(d.pk)
            if not origen or not origen.barra or d.estado == EstadoActividad.CANCELADA:
                continue
            x1 = origen.barra[0] + origen.barra[1]
            x2 = destino.barra[0]
            fin = d.fin_proyectado(hoy)
            retrasada = (
                not a.cerrada
                and a.estado == EstadoActividad.NO_INICIADA
                and a.inicio_previsto is not None
                and fin is not None
                and fin >= a.inicio_previsto
            )
            codo = x1 + 6
            flechas.append(
                {
                    "d": f"M{x1},{origen.medio} H{codo} V{destino.medio} H{x2 - 1}",
                    "retrasada": retrasada,
                }
            )

    contexto = {
        "ancho": ANCHO,
        "alto": alto,
        "etiquetas": ANCHO_ETIQUETAS,
        "fin_x": ANCHO - MARGEN_DERECHO,
        "cabecera": ALTO_CABECERA,
        "alto_fila": ALTO_FILA,
        "filas": filas,
        "meses": meses,
        "flechas": flechas,
        "hoy_x": x(hoy),
        "hoy": hoy,
        "titulo": titulo,
        "etiqueta_hoy": etiqueta_hoy,
        # Links and tooltips are for the page; WeasyPrint renders SVG <title>s slowly (twice the time).
        "interactivo": interactivo,
        "colores": COLORES,
        "color_vencida": COLOR_VENCIDA,
    }
    return SafeString(render_to_string("pactos/hoja_de_ruta/svg/linea_de_tiempo.svg", contexto))


def barras_productos_svg(progresos, *, ancho: int = 640, interactivo: bool = True) -> SafeString:
    """Horizontal bars, one per product: progress in % with the activities' share marked."""
    etiquetas = 250
    largo = ancho - etiquetas - 60
    filas = []
    for i, p in enumerate(progresos):
        filas.append(
            {
                "y": 10 + i * 34,
                "texto": _recortar(f"{p.producto.numero}. {p.producto.nombre}", 38),
                "titulo": str(p.producto),
                "ancho": round(largo * p.progreso, 1),
                "porcentaje": p.porcentaje,
            }
        )
    contexto = {
        "ancho": ancho,
        "alto": 20 + len(filas) * 34,
        "etiquetas": etiquetas,
        "largo": largo,
        "filas": filas,
        "interactivo": interactivo,
    }
    return SafeString(render_to_string("pactos/hoja_de_ruta/svg/barras_productos.svg", contexto))
