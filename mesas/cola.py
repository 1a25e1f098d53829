"""The tables' entries in the panel's work queue (core.cola), registered by mesas.extensiones.

Each counts with the selector "Mis mesas" lists them with, in one query."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareasDeApp, pendientes_de
from core.roles import Rol, roles_de

from . import selectors

TAREAS = TareasDeApp("mesas", permiso="mesas.ver_mis_mesas")


@TAREAS.tarea(
    gettext_lazy("Sus próximas sesiones"),
    gettext_lazy("No tiene sesiones programadas en sus mesas."),
    roles={Rol.FACILITACION},
    icono="bi-calendar-event",
)
def proximas(usuario) -> Pendientes:
    qs = selectors.sesiones_proximas(usuario=usuario).filter(mesa__facilitadores=usuario)
    return _sesiones(qs, detalle=_cuando)


@TAREAS.tarea(
    gettext_lazy("Sesiones por cerrar"),
    gettext_lazy("Ninguna sesión pasada sigue abierta."),
    roles={Rol.FACILITACION, Rol.COORDINACION},
    icono="bi-door-open",
)
def por_cerrar(usuario) -> Pendientes:
    return _sesiones(
        selectors.sesiones_por_cerrar(usuario=usuario),
        detalle=lambda s: _("Fue el %(fecha)s y sigue abierta") % {"fecha": _cuando(s)},
    )


@TAREAS.tarea(
    gettext_lazy("Actas por publicar"),
    gettext_lazy("Todas las actas de las sesiones cerradas están publicadas."),
    roles={Rol.FACILITACION, Rol.COORDINACION},
    icono="bi-file-earmark-check",
)
def actas_por_publicar(usuario) -> Pendientes:
    return _sesiones(
        selectors.actas_por_publicar(usuario=usuario),
        detalle=lambda s: _("Cerrada, acta sin publicar · %(fecha)s") % {"fecha": _cuando(s)},
    )


def _sesiones(qs, *, detalle) -> Pendientes:
    return pendientes_de(
        qs,
        url=reverse("mesas:mis_mesas"),
        elemento=lambda s: Elemento(
            texto=_("Sesión %(numero)s — %(mesa)s") % {"numero": s.numero, "mesa": s.mesa.nombre},
            url=s.get_absolute_url(),
            detalle=detalle(s),
        ),
    )


def _cuando(sesion) -> str:
    return formats.date_format(timezone.localtime(sesion.inicio), "l j \\d\\e F, H:i")


def mesas_de_persona(persona, usuario) -> dict | None:
    """The section "Mesas que facilita" of a person's page: the form for Coordinación."""
    from .forms import MesasDePersonaForm

    mesas = list(persona.mesas_facilitadas.order_by("nombre"))
    roles = roles_de(persona)
    if not mesas and Rol.FACILITACION not in roles:
        return None
    return {
        "template": "mesas/persona_mesas.html",
        "contexto": {
            "puede_asignar": usuario.has_perm("mesas.gestionar_mesa"),
            "facilita_rol": Rol.FACILITACION in roles,
            "mesas_persona": mesas,
            "form": MesasDePersonaForm(initial={"mesas": mesas}),
        },
    }
