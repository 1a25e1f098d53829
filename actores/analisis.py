"""The map (influence × interest grid) and the network measures (networkx), computed for display.

Both read with a fixed number of queries, whatever the number of actors.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

import networkx as nx
from django.db import connections
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from core.cache import datos_publicos

from .models import Actor, Relacion

CUADRANTES = {
    # key: (title, advice)
    "gestionar": (
        _("Gestionar de cerca"),
        _("Alta influencia y alto interés: involucrar en las mesas y acuerdos."),
    ),
    "satisfacer": (
        _("Mantener satisfechos"),
        _("Alta influencia, interés bajo: consultar y mantener informados de avances."),
    ),
    "informar": (
        _("Mantener informados"),
        _("Interés alto, poca influencia: informar y apoyar su participación."),
    ),
    "monitorear": (
        _("Monitorear"),
        _("Poca influencia y poco interés: seguimiento con esfuerzo mínimo."),
    ),
}

MAX_PUNTOS_POR_CELDA = 12
# The table under the grid shows the first rows; the list of actors pages through them all.
MAX_FILAS_TABLA = 100


_MENORES = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "por", "a", "al", "con"}


def abreviatura(nombre: str, siglas: str = "") -> str:
    """Short label for a dot: the acronym when short, otherwise the initials of the main words."""
    if siglas and len(siglas) <= 6 and " " not in siglas:
        return siglas
    palabras = [
        p for p in nombre.replace("–", " ").replace("«", " ").replace("»", " ").split() if p
    ]
    iniciales = "".join(
        p[0].upper() for p in palabras if p.lower() not in _MENORES and p[0].isalnum()
    )
    return iniciales[:4] or nombre[:3]


def cuadrante_de(influencia: int, interes: int) -> str:
    alta, alto = influencia >= 3, interes >= 3
    if alta and alto:
        return "gestionar"
    if alta:
        return "satisfacer"
    if alto:
        return "informar"
    return "monitorear"


@dataclass
class Celda:
    influencia: int
    interes: int
    actores: list = field(default_factory=list)
    total: int = 0

    @property
    def cuadrante(self) -> str:
        return cuadrante_de(self.influencia, self.interes)

    @property
    def visibles(self):
        return self.actores[:MAX_PUNTOS_POR_CELDA]

    @property
    def ocultos(self) -> int:
        return max(0, self.total - MAX_PUNTOS_POR_CELDA)


def _primeros_de_cada_celda(qs: QuerySet[Actor], campos: tuple, celdas: list) -> list[dict]:
    """The first MAX_PUNTOS_POR_CELDA actors by name of each cell, in one query, cell after cell.

    Where the database allows a LIMIT inside a UNION (PostgreSQL), one small index scan per cell
    (actor_celda_idx), where a window over every actor sorted them all. SQLite (the embedded
    default) refuses that UNION: there a window numbers the actors of each cell.
    """
    if not celdas:
        return []
    if connections[qs.db].features.supports_slicing_ordering_in_compound:
        por_celda = [
            qs.filter(influencia=c.influencia, interes=c.interes)
            .order_by("nombre")
            .values(*campos)[:MAX_PUNTOS_POR_CELDA]
            for c in celdas
        ]
        # UNION ALL keeps each cell's name order.
        return list(por_celda[0].union(*por_celda[1:], all=True))
    numerados = qs.annotate(
        orden_en_celda=Window(
            RowNumber(), partition_by=[F("influencia"), F("interes")], order_by=F("nombre").asc()
        )
    )
    return list(
        numerados.filter(orden_en_celda__lte=MAX_PUNTOS_POR_CELDA)
        .order_by("-influencia", "interes", "nombre")
        .values(*campos)
    )


def mapa_de(qs: QuerySet[Actor]) -> dict:
    """Rows of the grid from influence 5 (top) to 1, columns interest 1..5, plus quadrant totals.

    Three queries whatever the number of actors: the count of each cell, the first dots of each
    cell, and the first rows of the table (the list of actors has them all, paginated)."""
    campos = (
        "pk",
        "nombre",
        "siglas",
        "naturaleza",
        "tipo",
        "influencia",
        "interes",
        "posicion",
        "canton__nombre",
    )
    celdas = {(i, j): Celda(i, j) for i in range(1, 6) for j in range(1, 6)}
    conteos = qs.order_by().values("influencia", "interes").annotate(n=Count("pk"))
    # Counting every actor is the part that grows with the map: counted again after a write.
    sql, parametros = conteos.query.sql_with_params()
    huella = hashlib.sha256(f"{sql}{parametros!r}".encode()).hexdigest()[:32]
    for fila in datos_publicos(f"actores:mapa:{huella}", lambda: list(conteos)):
        if (fila["influencia"], fila["interes"]) in celdas:
            celdas[(fila["influencia"], fila["interes"])].total = fila["n"]
    puntos = _primeros_de_cada_celda(qs, campos, [c for c in celdas.values() if c.total])
    tabla = list(qs.order_by("-influencia", "-interes", "nombre").values(*campos)[:MAX_FILAS_TABLA])
    etiquetas_posicion = dict(Actor.Posicion.choices)
    etiquetas_tipo = dict(Actor.Tipo.choices)
    for a in [*tabla, *puntos]:
        a["posicion_nombre"] = etiquetas_posicion.get(a["posicion"], a["posicion"])
        a["tipo_nombre"] = etiquetas_tipo.get(a["tipo"], a["tipo"])
        a["cuadrante"] = cuadrante_de(a["influencia"], a["interes"])
        a["abreviatura"] = abreviatura(a["nombre"], a["siglas"])
    for a in puntos:  # each cell's actors come in name order
        celda = celdas.get((a["influencia"], a["interes"]))
        if celda is not None:
            celda.actores.append(a)
    totales = dict.fromkeys(CUADRANTES, 0)
    for celda in celdas.values():
        totales[celda.cuadrante] += celda.total
    filas = [[celdas[(i, j)] for j in range(1, 6)] for i in range(5, 0, -1)]
    cuadrantes = [
        {"clave": k, "titulo": t, "consejo": c, "total": totales[k]}
        for k, (t, c) in CUADRANTES.items()
    ]
    total = sum(totales.values())
    return {
        "filas": filas,
        "actores": tabla,
        "cuadrantes": cuadrantes,
        "total": total,
        "tabla_recortada": total > len(tabla),
    }


# --- Network -------------------------------------------------------------------------------------

COLORES_RELACION = {
    Relacion.Tipo.MIEMBRO_DE: "#6c757d",
    Relacion.Tipo.ALIADO: "#198754",
    Relacion.Tipo.EN_CONFLICTO: "#dc3545",
    Relacion.Tipo.FINANCIA: "#0d6efd",
    Relacion.Tipo.COORDINA: "#fd7e14",
}

ANCHO, ALTO, MARGEN = 900, 640, 40


def red_de(qs: QuerySet[Actor], *, con_dibujo: bool = True) -> dict:
    """Graph of the actors in qs and the relations among them, with networkx measures.

    degree = number of relations (any direction); betweenness = normalised betweenness centrality
    on the undirected graph: how often an actor lies on the shortest path between two others
    (a broker). Isolated actors have no relation inside the selection.
    """
    nodos = {
        a["pk"]: a
        for a in qs.values(
            "pk", "nombre", "siglas", "naturaleza", "tipo", "posicion", "canton__nombre"
        )
    }
    ids = list(nodos)
    aristas = list(
        Relacion.objects.filter(origen_id__in=ids, destino_id__in=ids)
        .order_by()
        .values_list("origen_id", "destino_id", "tipo")
    )
    g = nx.Graph()
    g.add_nodes_from(ids)
    for o, d, t in aristas:
        g.add_edge(o, d, tipo=t)
    n = g.number_of_nodes()
    intermediacion = (
        nx.betweenness_centrality(g, normalized=True) if n > 2 else dict.fromkeys(ids, 0.0)
    )
    etiquetas_tipo = dict(Actor.Tipo.choices)
    filas = []
    for pk, a in nodos.items():
        filas.append(
            {
                **a,
                "tipo_nombre": etiquetas_tipo.get(a["tipo"], a["tipo"]),
                "grado": g.degree(pk),
                "intermediacion": round(intermediacion.get(pk, 0.0), 4),
            }
        )
    filas.sort(key=lambda f: (-f["intermediacion"], -f["grado"], f["nombre"]))
    intermediarios, aislados = _intermediarios_y_aislados(filas)
    resultado = {
        "filas": filas,
        "intermediarios": intermediarios,
        "aislados": aislados,
        "total_nodos": n,
        "total_relaciones": g.number_of_edges(),
        "componentes": nx.number_connected_components(g) if n else 0,
        "densidad": round(nx.density(g), 4) if n > 1 else 0,
        "leyenda": [
            {"tipo": t, "nombre": nombre, "color": COLORES_RELACION[t]}
            for t, nombre in Relacion.Tipo.choices
        ],
    }
    if con_dibujo:
        resultado["dibujo"] = _dibujo(g, filas, aristas)
    return resultado


def _intermediarios_y_aislados(filas: list[dict]) -> tuple[list[dict], list[dict]]:
    """The brokers (up to ten, at least the fifth highest betweenness and 0.05) and the isolated
    actors; each row is marked with es_intermediario and aislado."""
    umbral = (
        max(
            0.05, sorted((f["intermediacion"] for f in filas), reverse=True)[min(4, len(filas) - 1)]
        )
        if filas
        else 0
    )
    intermediarios = [
        f for f in filas if f["intermediacion"] > 0 and f["intermediacion"] >= umbral
    ][:10]
    aislados = sorted((f for f in filas if f["grado"] == 0), key=lambda f: f["nombre"])
    for f in filas:
        f["es_intermediario"] = f in intermediarios
        f["aislado"] = f["grado"] == 0
    return intermediarios, aislados


def _dibujo(g: nx.Graph, filas: list[dict], aristas: list) -> dict:
    """Positions for a server-rendered SVG (deterministic spring layout); isolated actors in a row below."""
    conectados = [pk for pk in g.nodes if g.degree(pk) > 0]
    aislados = [f["pk"] for f in sorted(filas, key=lambda f: f["nombre"]) if f["grado"] == 0]
    alto_util = ALTO - (70 if aislados else 0)
    pos = {}
    if conectados:
        sub = g.subgraph(conectados)
        k = 2.4 / math.sqrt(max(len(conectados), 1))
        crudo = nx.spring_layout(sub, seed=17, k=k, iterations=60)
        xs = [p[0] for p in crudo.values()]
        ys = [p[1] for p in crudo.values()]
        minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
        for pk, (x, y) in crudo.items():
            px = MARGEN + (x - minx) / ((maxx - minx) or 1) * (ANCHO - 2 * MARGEN)
            py = MARGEN + (y - miny) / ((maxy - miny) or 1) * (alto_util - 2 * MARGEN)
            pos[pk] = (round(px, 1), round(py, 1))
    if aislados:
        paso = (ANCHO - 2 * MARGEN) / max(len(aislados), 1)
        for i, pk in enumerate(aislados):
            pos[pk] = (round(MARGEN + paso * (i + 0.5), 1), ALTO - 30)
    por_pk = {f["pk"]: f for f in filas}
    nodos = []
    for pk, (x, y) in pos.items():
        f = por_pk[pk]
        radio = 5 + min(f["grado"], 12) * 0.8
        nodos.append(
            {**f, "x": x, "y": y, "r": round(radio, 1), "etiqueta": f["siglas"] or f["nombre"][:22]}
        )
    lineas = [
        {
            "x1": pos[o][0],
            "y1": pos[o][1],
            "x2": pos[d][0],
            "y2": pos[d][1],
            "color": COLORES_RELACION.get(t, "#999"),
            "tipo": t,
        }
        for o, d, t in aristas
        if o in pos and d in pos
    ]
    return {
        "ancho": ANCHO,
        "alto": ALTO,
        "nodos": nodos,
        "lineas": lineas,
        "hay_aislados": bool(aislados),
        "y_aislados": ALTO - 55,
    }
