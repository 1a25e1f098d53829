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


@dataclass
class Escala:
    """The months the timeline covers and where a date falls on it."""

    desde: datetime.date
    hasta: datetime.date

    @classmethod
    def de(cls, actividades, hoy: datetime.date) -> "Escala":
        fechas = [
            f
            for a in actividades
            for f in (a.inicio_previsto, a.fin_previsto, a.inicio_real, a.fin_real)
            if f is not None
        ]
        desde = min([*fechas, hoy]) if fechas else hoy - datetime.timedelta(days=30)
        hasta = max([*fechas, hoy]) if fechas else hoy + datetime.timedelta(days=150)
        return cls(desde=_inicio_mes(desde), hasta=_mes_siguiente(hasta))

    def x(self, fecha: datetime.date) -> float:
        dias = max((self.hasta - self.desde).days, 1)
        ancho_grafico = ANCHO - ANCHO_ETIQUETAS - MARGEN_DERECHO
        return round(ANCHO_ETIQUETAS + (fecha - self.desde).days / dias * ancho_grafico, 1)

    def tramo(self, inicio: datetime.date, fin: datetime.date) -> tuple[float, float]:
        """x and width of a bar from inicio to the end of fin (at least 3 px wide)."""
        x0 = self.x(inicio)
        return x0, max(self.x(fin + datetime.timedelta(days=1)) - x0, 3)

    def meses(self) -> list[dict]:
        meses = []
        m = self.desde
        while m < self.hasta:
            meses.append({"x": self.x(m), "texto": formats.date_format(m, "M Y")})
            m = _mes_siguiente(m)
        return meses


def _fila_actividad(a, *, y: int, escala: Escala, hoy: datetime.date, interactivo: bool) -> Fila:
    vencida = a.vencida(hoy)
    fila = Fila(
        y=y,
        texto=_recortar(a.nombre),
        titulo=a.nombre,
        url=a.get_absolute_url() if interactivo else "",
        color=COLOR_VENCIDA if vencida else COLORES[a.estado],
        vencida=vencida,
        hito=a.es_hito,
    )
    if a.inicio_previsto and a.fin_previsto:
        fila.barra = escala.tramo(a.inicio_previsto, a.fin_previsto)
    else:
        fila.sin_fechas = True
    if a.inicio_real:
        fin = a.fin_real or (hoy if a.estado != EstadoActividad.HECHA else a.inicio_real)
        fila.real = escala.tramo(a.inicio_real, fin)
    return fila


def _filas(grupos, *, escala: Escala, hoy: datetime.date, interactivo: bool):
    """One row per block heading and per activity; also the activities' rows by id."""
    filas: list[Fila] = []
    por_id: dict[int, Fila] = {}
    y = ALTO_CABECERA
    for _, etiqueta, lista in grupos:
        filas.append(Fila(y=y, texto=str(etiqueta), es_bloque=True))
        y += ALTO_FILA
        for a in lista:
            fila = _fila_actividad(a, y=y, escala=escala, hoy=hoy, interactivo=interactivo)
            filas.append(fila)
            por_id[a.pk] = fila
            y += ALTO_FILA
    return filas, por_id


def _retrasada_por(a, dependencia, hoy: datetime.date) -> bool:
    """Does the dependency's projected end push back the planned start of an unstarted a?"""
    fin = dependencia.fin_proyectado(hoy)
    return (
        not a.cerrada
        and a.estado == EstadoActividad.NO_INICIADA
        and a.inicio_previsto is not None
        and fin is not None
        and fin >= a.inicio_previsto
    )


def _flechas(actividades, por_id: dict[int, Fila], hoy: datetime.date) -> list[dict]:
    """An elbow arrow from the end of each dependency's bar to the start of its dependant's."""
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
            codo = x1 + 6
            flechas.append(
                {
                    "d": f"M{x1},{origen.medio} H{codo} V{destino.medio} H{x2 - 1}",
                    "retrasada": _retrasada_por(a, d, hoy),
                }
            )
    return flechas


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
    escala = Escala.de(actividades, hoy)
    filas, por_id = _filas(grupos, escala=escala, hoy=hoy, interactivo=interactivo)
    contexto = {
        "ancho": ANCHO,
        "alto": ALTO_CABECERA + len(filas) * ALTO_FILA + 12,
        "etiquetas": ANCHO_ETIQUETAS,
        "fin_x": ANCHO - MARGEN_DERECHO,
        "cabecera": ALTO_CABECERA,
        "alto_fila": ALTO_FILA,
        "filas": filas,
        "meses": escala.meses(),
        "flechas": _flechas(actividades, por_id, hoy),
        "hoy_x": escala.x(hoy),
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
