"""Registry of the real figures behind the five products' progress.

pactos/ never imports from the apps above it (eventos, comunicacion): they register their figures
here from their AppConfig.ready(). Figures of the apps below (mesas, sie) are read through their
selectors when those exist; adding one is a line in CIFRAS_DE_APPS_INFERIORES.

    from pactos.indicadores_programa import registrar_cifra
    registrar_cifra(5, "eventos_realizados", _("Eventos realizados"), eventos_realizados, meta=2)

funcion takes keyword arguments desde and hasta (dates or None for "all time") and returns a
number. A figure with a meta counts towards the product's progress (value / meta, at most 1).
The meta is a number, or a function like funcion when the figure counts part of a set that
changes (indicators with data out of the indicators the SIE tracks): numerator and denominator
are then counted over the same set.
"""

import importlib
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cifra:
    producto: int
    clave: str
    etiqueta: str
    funcion: Callable
    meta: float | Callable | None = None


_CIFRAS: dict[str, Cifra] = {}


def registrar_cifra(
    producto: int, clave: str, etiqueta, funcion: Callable, meta: float | Callable | None = None
) -> None:
    """Register (or replace) one figure of product number 1..5, identified by clave."""
    if producto not in range(1, 6):
        raise ValueError(f"producto debe ser 1..5, no {producto!r}")
    _CIFRAS[clave] = Cifra(producto, clave, etiqueta, funcion, meta)


def retirar_cifra(clave: str) -> None:
    _CIFRAS.pop(clave, None)


def cifras_registradas(producto: int | None = None) -> list[Cifra]:
    return [c for c in _CIFRAS.values() if producto is None or c.producto == producto]


def valor_de(cifra: Cifra, *, desde=None, hasta=None) -> float | None:
    """The figure's value, or None if its app failed: one broken app must not hide the rest."""
    try:
        return cifra.funcion(desde=desde, hasta=hasta)
    except Exception:
        logger.exception("La cifra %s no se pudo calcular", cifra.clave)
        return None


def meta_de(cifra: Cifra, *, desde=None, hasta=None) -> float | None:
    """The figure's meta for the period (a number, or what its meta function counts)."""
    if not callable(cifra.meta):
        return cifra.meta
    try:
        return cifra.meta(desde=desde, hasta=hasta)
    except Exception:
        logger.exception("La meta de la cifra %s no se pudo calcular", cifra.clave)
        return None


# Figures of the apps below pactos, read through their selectors if (and once) they exist:
# (producto, clave, etiqueta, "módulo", "función", meta). The function may take desde/hasta or nothing;
# pactos/fuentes_mesas.py adapts mesas' selectors to this shape. A meta given as "función" is a
# function of the same module: the size of the set the figure counts in.
CIFRAS_DE_APPS_INFERIORES = [
    (
        2,
        "mesas_sesiones",
        _("Sesiones de mesa realizadas"),
        "pactos.fuentes_mesas",
        "sesiones_realizadas_total",
        26,
    ),
    (2, "mesas_actas", _("Actas publicadas"), "pactos.fuentes_mesas", "actas_publicadas_total", 26),
    (
        4,
        "sie_indicadores",
        _("Indicadores con datos"),
        "sie.selectors",
        "indicadores_con_datos_total",
        "indicadores_activos_total",
    ),
]


def _adaptar(funcion: Callable) -> Callable:
    """Call a lower app's selector with desde/hasta only if it takes them."""
    try:
        parametros = inspect.signature(funcion).parameters
    except (TypeError, ValueError):
        parametros = {}
    if "desde" in parametros and "hasta" in parametros:
        return funcion
    return lambda *, desde=None, hasta=None: funcion()


def registrar_cifras_de_apps_inferiores() -> list[str]:
    """Register every figure of CIFRAS_DE_APPS_INFERIORES whose selector exists right now."""
    registradas = []
    for producto, clave, etiqueta, modulo, nombre, meta in CIFRAS_DE_APPS_INFERIORES:
        try:
            funcion = getattr(importlib.import_module(modulo), nombre, None)
        except ImportError:
            funcion = None
        if isinstance(meta, str):
            meta = getattr(importlib.import_module(modulo), meta, None) if funcion else None
            meta = _adaptar(meta) if callable(meta) else None
        if callable(funcion):
            registrar_cifra(producto, clave, etiqueta, _adaptar(funcion), meta=meta)
            registradas.append(clave)
    return registradas


# --- Tables for the progress report -------------------------------------------------------------
# A table is a section of the report fed by another app: funcion(desde=, hasta=) returns
# {"columnas": [...], "filas": [[...], ...]} (and optionally "nota"). Sections: "participacion",
# "pactos", "eventos_comunicacion", "indicadores".


@dataclass(frozen=True)
class Tabla:
    seccion: str
    clave: str
    titulo: str
    funcion: Callable


_TABLAS: dict[str, Tabla] = {}


def registrar_tabla(seccion: str, clave: str, titulo, funcion: Callable) -> None:
    _TABLAS[clave] = Tabla(seccion, clave, titulo, funcion)


def tablas_registradas(seccion: str | None = None) -> list[Tabla]:
    return [t for t in _TABLAS.values() if seccion is None or t.seccion == seccion]


def contenido_de(tabla: Tabla, *, desde=None, hasta=None) -> dict | None:
    try:
        return tabla.funcion(desde=desde, hasta=hasta)
    except Exception:
        logger.exception("La tabla %s no se pudo calcular", tabla.clave)
        return None


# (sección, clave, título, "módulo", "función") of the apps below pactos, when they exist.
TABLAS_DE_APPS_INFERIORES = [
    (
        "participacion",
        "mesas_resumen",
        _("Sesiones y asistencias del período"),
        "pactos.fuentes_mesas",
        "participacion_resumen",
    ),
    (
        "participacion",
        "mesas_por_canton",
        _("Participación por cantón"),
        "pactos.fuentes_mesas",
        "participacion_por_canton",
    ),
    (
        "participacion",
        "mesas_por_sector",
        _("Participación por sector"),
        "pactos.fuentes_mesas",
        "participacion_por_sector",
    ),
    (
        "participacion",
        "mesas_por_genero",
        _("Participación por género"),
        "pactos.fuentes_mesas",
        "participacion_por_genero",
    ),
    (
        "indicadores",
        "sie_indicadores_movidos",
        _("Indicadores que se movieron"),
        "sie.selectors",
        "indicadores_movidos",
    ),
]


def registrar_tablas_de_apps_inferiores() -> list[str]:
    registradas = []
    for seccion, clave, titulo, modulo, nombre in TABLAS_DE_APPS_INFERIORES:
        try:
            funcion = getattr(importlib.import_module(modulo), nombre, None)
        except ImportError:
            funcion = None
        if callable(funcion):
            registrar_tabla(seccion, clave, titulo, _adaptar(funcion))
            registradas.append(clave)
    return registradas
