"""The one registry class behind every extension point of the portal.

A lower app owns a registry; higher apps contribute to it from their `extensiones.registrar()`,
which their AppConfig.ready() calls, so a lower app never imports a higher one::

    # actores/participacion.py (the owner)
    SECCIONES = Registro("secciones de participación del actor")

    # mesas/extensiones.py (a contributor)
    SECCIONES.registrar("mesas", Seccion(titulo=_("Mesas y sesiones"), funcion=...), orden=10)

A registry is keyed (one contribution per key), ordered (by `orden`, then by the order of
registration), refuses a second contribution under a key it already holds (ImproperlyConfigured
naming both, raised at start-up), and runs its contributions in isolation: `cada()` and
`intentar()` log a contribution that raises with logger.exception and carry on with the others,
so one app's bug never takes a page down. The registries and their contributors are listed in
`docs/architecture.md`; tests/core/test_registros.py checks that list.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Contribucion[T]:
    """One entry of a registry: its key, its value, its place and the module that registered it."""

    clave: str
    valor: T
    orden: int
    origen: str
    secuencia: int

    def describir(self) -> str:
        return f"{self.origen} ({_describir_valor(self.valor)})"


def _describir_valor(valor) -> str:
    funcion = getattr(valor, "funcion", valor)
    nombre = getattr(funcion, "__qualname__", None)
    if nombre is None:
        return type(valor).__name__
    return f"{getattr(funcion, '__module__', '?')}.{nombre}"


_FALLO = object()


class Registro[T]:
    """A named set of contributions, keyed, ordered and isolated from each other's failures."""

    def __init__(self, nombre: str):
        self.nombre = nombre
        self.modulo = sys._getframe(1).f_globals.get("__name__", "?")  # where it is declared
        self._contribuciones: dict[str, Contribucion[T]] = {}
        self._secuencia = 0

    def __repr__(self) -> str:
        return f"<Registro {self.nombre!r}: {', '.join(self.claves())}>"

    def registrar(self, clave: str, valor: T, *, orden: int = 0, envoltorios: int = 0) -> T:
        """Add valor under clave; a key that is already taken is a configuration error.

        envoltorios: how many functions of the owner wrap this call (registrar_medio(...) is
        one), so the contribution is attributed to the module that called the wrapper.
        """
        origen = sys._getframe(1 + envoltorios).f_globals.get("__name__", "?")
        nueva = Contribucion(clave, valor, orden, origen, self._secuencia)
        anterior = self._contribuciones.get(clave)
        if anterior is not None:
            raise ImproperlyConfigured(
                f"El registro «{self.nombre}» ya tiene la clave «{clave}», de "
                f"{anterior.describir()}; {nueva.describir()} la registra otra vez."
            )
        self._contribuciones[clave] = nueva
        self._secuencia += 1
        return valor

    def retirar(self, clave: str) -> None:
        """Remove a contribution if present (for tests that register one of their own)."""
        self._contribuciones.pop(clave, None)

    def contribuciones(self) -> list[Contribucion[T]]:
        return sorted(self._contribuciones.values(), key=lambda c: (c.orden, c.secuencia))

    def claves(self) -> list[str]:
        return [c.clave for c in self.contribuciones()]

    def valores(self) -> list[T]:
        return [c.valor for c in self.contribuciones()]

    def __contains__(self, clave: str) -> bool:
        return clave in self._contribuciones

    def __getitem__(self, clave: str) -> T:
        return self._contribuciones[clave].valor

    def __len__(self) -> int:
        return len(self._contribuciones)

    def _llamar[R](self, contribucion: Contribucion[T], llamada: Callable[[T], R]):
        try:
            return llamada(contribucion.valor)
        except Exception:  # one app's bug must not break the page that shows the others
            logger.exception(
                "El registro «%s»: la contribución «%s» de %s falló",
                self.nombre,
                contribucion.clave,
                contribucion.origen,
            )
            return _FALLO

    def intentar[R](self, clave: str, llamada: Callable[[T], R]) -> R | None:
        """llamada(the value of clave), or None after logging the exception if it raises."""
        resultado = self._llamar(self._contribuciones[clave], llamada)
        return None if resultado is _FALLO else resultado

    def cada[R](self, llamada: Callable[[T], R]) -> list[tuple[str, R]]:
        """(clave, llamada(value)) in order, for every contribution whose call did not raise."""
        pares = [(c.clave, self._llamar(c, llamada)) for c in self.contribuciones()]
        return [(clave, resultado) for clave, resultado in pares if resultado is not _FALLO]

    @contextmanager
    def aislado(self) -> Iterator[Registro[T]]:
        """Empty for the duration of the block (tests), then exactly as it was."""
        guardadas, secuencia = dict(self._contribuciones), self._secuencia
        self._contribuciones.clear()
        try:
            yield self
        finally:
            self._contribuciones.clear()
            self._contribuciones.update(guardadas)
            self._secuencia = secuencia
