"""How a visitor follows a public object (a table, a pacto, a canton) by e-mail, without the
app that shows the object knowing who offers it.

comunicacion contributes its subscriptions from its extensiones.registrar()::

    from core.seguir import SEGUIR
    SEGUIR.registrar("comunicacion", enlace_para_seguir)

funcion(objeto) returns the path of the page where a visitor follows that object, or None when
the contributor offers nothing for it. A public page shows the first path given, with
{% enlace_seguir objeto as url %} (core/templatetags/seguir.py) and includes/seguir.html.
"""

from __future__ import annotations

from collections.abc import Callable

from core.registro import Registro

SEGUIR: Registro[Callable[[object], str | None]] = Registro("enlaces para seguir un objeto público")


def enlace_seguir(objeto) -> str | None:
    """The first path a contributor offers to follow objeto, or None (one that fails is logged)."""
    if objeto is None:
        return None
    for _clave, ruta in SEGUIR.cada(lambda funcion: funcion(objeto)):
        if ruta:
            return ruta
    return None
