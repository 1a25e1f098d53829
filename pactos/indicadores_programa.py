"""The real figures behind the five products' progress, and the tables of the progress report.

Two registries (core.registro) that other apps fill from their extensiones.registrar(): pactos
itself adds the figures of the apps below it (mesas, sie), importing their selectors directly,
and the apps above it (eventos, comunicacion) add their own, so pactos never imports them::

    from pactos.indicadores_programa import registrar_cifra
    registrar_cifra(producto=5, clave="eventos_realizados", etiqueta=_("Eventos realizados"),
                    funcion=eventos_realizados, meta=2, orden=10)

A figure's funcion takes the keyword arguments desde and hasta (dates, or None for "all time")
and returns a number. A figure with a meta counts towards the product's progress (value / meta,
at most 1). The meta is a number, or a function like funcion when the figure counts part of a
set that changes (indicators with data out of the indicators the SIE tracks): numerator and
denominator are then counted over the same set.

A table is a section of the report fed by another app: funcion(desde=, hasta=) returns
{"columnas": [...], "filas": [[...], ...]} (and optionally "nota"). Sections: "participacion",
"pactos", "eventos_comunicacion", "indicadores".

A figure or table whose function raises is logged and shown as "sin dato" (the registry's
isolation), so one broken app never hides the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.registro import Registro


@dataclass(frozen=True)
class Cifra:
    producto: int
    clave: str
    etiqueta: str
    funcion: Callable
    meta: float | Callable | None = None


@dataclass(frozen=True)
class Tabla:
    seccion: str
    clave: str
    titulo: str
    funcion: Callable


CIFRAS: Registro[Cifra] = Registro("cifras de los productos del programa")
TABLAS: Registro[Tabla] = Registro("tablas del informe de progreso")


def registrar_cifra(
    *,
    producto: int,
    clave: str,
    etiqueta,
    funcion: Callable,
    meta: float | Callable | None = None,
    orden: int = 0,
) -> None:
    """Add one figure of product number 1..5, identified by clave."""
    if producto not in range(1, 6):
        raise ValueError(f"producto debe ser 1..5, no {producto!r}")
    CIFRAS.registrar(
        clave, Cifra(producto, clave, etiqueta, funcion, meta), orden=orden, envoltorios=1
    )


def cifras_registradas(producto: int | None = None) -> list[Cifra]:
    return [c for c in CIFRAS.valores() if producto is None or c.producto == producto]


def valor_de(cifra: Cifra, *, desde=None, hasta=None) -> float | None:
    """The figure's value, or None if its app failed."""
    return CIFRAS.intentar(cifra.clave, lambda c: c.funcion(desde=desde, hasta=hasta))


def meta_de(cifra: Cifra, *, desde=None, hasta=None) -> float | None:
    """The figure's meta for the period (a number, or what its meta function counts)."""
    if not callable(cifra.meta):
        return cifra.meta
    return CIFRAS.intentar(cifra.clave, lambda c: c.meta(desde=desde, hasta=hasta))


def registrar_tabla(*, seccion: str, clave: str, titulo, funcion: Callable, orden: int = 0) -> None:
    TABLAS.registrar(clave, Tabla(seccion, clave, titulo, funcion), orden=orden, envoltorios=1)


def tablas_registradas(seccion: str | None = None) -> list[Tabla]:
    return [t for t in TABLAS.valores() if seccion is None or t.seccion == seccion]


def contenido_de(tabla: Tabla, *, desde=None, hasta=None) -> dict | None:
    return TABLAS.intentar(tabla.clave, lambda t: t.funcion(desde=desde, hasta=hasta))
