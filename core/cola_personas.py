"""core's own entry in the work queue: invitations nobody has accepted yet (Administración)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .cola import Elemento, Pendientes, TareaCola, primeros_y_total
from .roles import Rol
from .selectors import invitaciones_sin_aceptar


def invitaciones(usuario) -> Pendientes:
    filas, total = primeros_y_total(invitaciones_sin_aceptar())
    return Pendientes(
        total=total,
        url=reverse("core:personas") + "?estado=activas",
        elementos=[
            Elemento(
                texto=p.get_full_name() or p.username,
                url=reverse("core:persona", args=[p.pk]),
                detalle=_("Invitada el %(fecha)s") % {"fecha": formats.date_format(p.date_joined)},
            )
            for p in filas
        ],
    )


TAREA = TareaCola(
    titulo=gettext_lazy("Invitaciones sin aceptar"),
    roles=frozenset({Rol.ADMINISTRACION}),
    permiso="core.ver_personas",
    funcion=invitaciones,
    vacio=gettext_lazy("Todas las personas invitadas ya eligieron su contraseña."),
    icono="bi-person-plus",
)
