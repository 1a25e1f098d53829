"""core's own entry in the work queue: invitations nobody has accepted yet (Administración)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .cola import Elemento, Pendientes, TareasDeApp, pendientes_de
from .roles import Rol
from .selectors import invitaciones_sin_aceptar

TAREAS = TareasDeApp("core", roles={Rol.ADMINISTRACION}, permiso="core.ver_personas")


@TAREAS.tarea(
    gettext_lazy("Invitaciones sin aceptar"),
    gettext_lazy("Todas las personas invitadas ya eligieron su contraseña."),
    icono="bi-person-plus",
)
def invitaciones(usuario) -> Pendientes:
    return pendientes_de(
        invitaciones_sin_aceptar(),
        url=reverse("core:personas") + "?estado=activas",
        elemento=lambda p: Elemento(
            texto=p.get_full_name() or p.username,
            url=reverse("core:persona", args=[p.pk]),
            detalle=_("Invitada el %(fecha)s") % {"fecha": formats.date_format(p.date_joined)},
        ),
    )
