"""Pactos' entries in the panel's work queue (core.cola) and its section of a person's page,
registered by pactos.extensiones. Each entry counts with the dashboard's own filter
(selectors.pactos.filtrar_compromisos), in one query."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareasDeApp, pendientes_de
from core.roles import Rol

from .selectors import pactos as sel

TAREAS = TareasDeApp("pactos", roles={Rol.COORDINACION}, permiso="pactos.ver_tablero")


@TAREAS.tarea(
    gettext_lazy("Avances recibidos por SMS o WhatsApp por confirmar"),
    gettext_lazy("No hay avances por mensaje esperando confirmación."),
    icono="bi-chat-dots",
)
def avances_por_mensaje(usuario) -> Pendientes:
    """Progress texted by responsibles (SMS, WhatsApp), waiting to be confirmed."""
    from .models import AvancePropuesto

    return pendientes_de(
        AvancePropuesto.objects.filter(estado=AvancePropuesto.Estado.PENDIENTE)
        .select_related("compromiso", "actor")
        .order_by("recibido_en"),
        url=reverse("pactos:tablero_compromisos"),
        elemento=lambda p: Elemento(
            texto=f"{p.compromiso.numero}. {p.compromiso.titulo}",
            url=p.compromiso.get_absolute_url() + "#avances-por-mensaje",
            detalle=_("%(n)s %% por %(canal)s · %(quien)s")
            % {
                "n": p.avance,
                "canal": p.get_canal_display_es(),
                "quien": p.actor.nombre if p.actor else p.numero,
            },
        ),
    )


@TAREAS.tarea(
    gettext_lazy("Compromisos vencidos o sin avances"),
    gettext_lazy("Todos los compromisos en seguimiento están al día."),
    icono="bi-exclamation-triangle",
)
def atrasados(usuario) -> Pendientes:
    return _compromisos("atrasados", detalle=_por_que, destino=lambda c: c.get_absolute_url())


@TAREAS.tarea(
    gettext_lazy("Compromisos cuyo responsable no tiene contacto"),
    gettext_lazy("Cada organización responsable tiene una persona de contacto."),
    icono="bi-person-x",
)
def sin_contacto(usuario) -> Pendientes:
    """Each item opens the lead organisation's contacts page, where one is linked."""
    return _compromisos(
        "sin_contacto",
        detalle=lambda c: _("%(lider)s no tiene persona de contacto") % {"lider": _lider(c)},
        destino=lambda c: reverse("pactos:contactos_organizacion", args=[c.lider_id]),
    )


def _compromisos(filtro: str, *, detalle, destino) -> Pendientes:
    hoy = timezone.localdate()
    return pendientes_de(
        sel.compromisos_en_seguimiento(filtros={filtro: True}),
        url=reverse("pactos:tablero_compromisos") + "?" + urlencode({filtro: "on"}),
        elemento=lambda c: Elemento(
            texto=f"{c.numero}. {c.titulo}",
            url=destino(c),
            detalle=detalle(c),
            urgente=filtro == "atrasados" and bool(c.plazo and c.plazo < hoy),
        ),
    )


def _lider(c) -> str:
    return c.lider.nombre if c.lider else "—"


def _por_que(c) -> str:
    if c.plazo and c.plazo < timezone.localdate():
        return _("%(lider)s · venció el %(plazo)s") % {
            "lider": _lider(c),
            "plazo": formats.date_format(c.plazo, "SHORT_DATE_FORMAT"),
        }
    return _("%(lider)s · sin avances en %(dias)s días") % {
        "lider": _lider(c),
        "dias": sel.DIAS_SILENCIO,
    }
