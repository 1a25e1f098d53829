"""The work queue of each role: what needs the person now, on /panel/ and in the daily digest.

core knows no domain; each app declares its entries in its cola.py, on the function that counts
them, and registers them from its extensiones.registrar()::

    TAREAS = TareasDeApp("mesas", permiso="mesas.ver_mis_mesas")  # what its entries share

    @TAREAS.tarea(titulo, vacio, roles={Rol.FACILITACION}, icono="bi-door-open")
    def por_cerrar(usuario) -> Pendientes:  # the entry "mesas_por_cerrar"
        return pendientes_de(queryset, url=page_listing_them_all, elemento=lambda s: Elemento(...))

    # mesas/extensiones.py: the app's place in the queue, its entries in the order written
    for clave, tarea in cola.TAREAS:
        COLA_PANEL.registrar(clave, tarea, orden=10)

`funcion(usuario)` answers a `Pendientes` (the total, the link to the page that lists them all,
the first few items each linked to where it is done) from the same selector that page uses, in
one query whatever the volume (`pendientes_de`). An entry is shown to whoever holds one of its
`roles` and the rule `permiso` of the page it links to (Administración sees every entry whose page
it may open). The panel and the digest read the same `cola_de(usuario)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet, Window

from .registro import Registro
from .roles import Rol, roles_de

ELEMENTOS_POR_TAREA = 5


@dataclass(frozen=True)
class Elemento:
    """One item of an entry: its words and the page (a path) where it is done."""

    texto: str
    url: str
    detalle: str = ""
    urgente: bool = False


@dataclass(frozen=True)
class Pendientes:
    total: int
    url: str
    elementos: list[Elemento] = field(default_factory=list)


@dataclass(frozen=True)
class TareaCola:
    titulo: str
    roles: frozenset[str]
    permiso: str
    funcion: Callable[..., Pendientes]
    vacio: str
    icono: str = "bi-check2-square"


COLA_PANEL: Registro[TareaCola] = Registro("cola de trabajo del panel")


def primeros_y_total(qs: QuerySet, *, n: int = ELEMENTOS_POR_TAREA) -> tuple[list, int]:
    """The first n rows of qs and how many there are in all, in one query (COUNT(*) OVER ())."""
    filas = list(qs.annotate(total_en_cola=Window(Count("pk")))[:n])
    return filas, (filas[0].total_en_cola if filas else 0)


def pendientes_de(qs: QuerySet, *, url: str, elemento: Callable[[Any], Elemento]) -> Pendientes:
    """An entry's Pendientes: the first rows of qs, each made an Elemento, and how many there are
    in all (one query); `url` the page that lists them all."""
    filas, total = primeros_y_total(qs)
    return Pendientes(total=total, url=url, elementos=[elemento(fila) for fila in filas])


class TareasDeApp:
    """The entries one app contributes to the queue, each declared with `@tarea(...)` on the
    function that counts it; its key is "<app>_<function name>". `comunes`: the roles and the
    permission its entries share, unless an entry names its own."""

    def __init__(self, app: str, **comunes):
        self.app = app
        self.comunes = comunes
        self._tareas: list[tuple[str, TareaCola]] = []

    def tarea(self, titulo: str, vacio: str, *, icono: str, **campos):
        def declarar(funcion: Callable[..., Pendientes]) -> Callable[..., Pendientes]:
            datos = {**self.comunes, **campos}
            datos["roles"] = frozenset(datos["roles"])
            tarea = TareaCola(titulo=titulo, vacio=vacio, icono=icono, funcion=funcion, **datos)
            self._tareas.append((f"{self.app}_{funcion.__name__}", tarea))
            return funcion

        return declarar

    def __iter__(self) -> Iterator[tuple[str, TareaCola]]:
        return iter(self._tareas)


def tareas_para(usuario) -> list[tuple[str, TareaCola]]:
    """The entries this person's roles and rights open, in the registry's order."""
    roles = roles_de(usuario)
    if not roles:
        return []
    todas = Rol.ADMINISTRACION in roles
    return [
        (c.clave, c.valor)
        for c in COLA_PANEL.contribuciones()
        if (todas or c.valor.roles & roles) and usuario.has_perm(c.valor.permiso)
    ]


def cola_de(usuario) -> list[dict]:
    """Each entry of the person's queue with its Pendientes, in order; an entry whose function
    fails is logged and left out (core.registro), the others are shown."""
    cola = []
    for clave, tarea in tareas_para(usuario):
        pendientes = COLA_PANEL.intentar(clave, lambda t: t.funcion(usuario))
        if pendientes is not None:
            cola.append({"clave": clave, "tarea": tarea, "pendientes": pendientes})
    return cola


def total_de(cola: list[dict]) -> int:
    return sum(entrada["pendientes"].total for entrada in cola)
