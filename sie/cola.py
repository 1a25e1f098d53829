"""The SIE's entry in the panel's work queue (core.cola), registered by sie.extensiones: the values
waiting to be validated, counted with the analysts' desk's own selector in one query."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareaCola, primeros_y_total
from core.roles import Rol

from .models import Medicion
from .selectors import mediciones_de_gestion


def por_validar(usuario) -> Pendientes:
    qs = mediciones_de_gestion(usuario=usuario).filter(estado=Medicion.Estado.BORRADOR)
    filas, total = primeros_y_total(qs.order_by("actualizado", "pk"))
    escritorio = reverse("sie:gestion")
    return Pendientes(
        total=total,
        url=escritorio + "?estado=borrador",
        elementos=[
            Elemento(
                texto=f"{m.indicador.codigo} · {m.indicador.nombre}",
                url=escritorio
                + "?"
                + urlencode({"estado": "borrador", "indicador": m.indicador.codigo}),
                detalle=(
                    _("Período %(periodo)s · con alertas")
                    if m.alertas
                    else _("Período %(periodo)s")
                )
                % {"periodo": m.periodo},
                urgente=bool(m.alertas),
            )
            for m in filas
        ],
    )


TAREA = TareaCola(
    titulo=gettext_lazy("Valores por validar"),
    roles=frozenset({Rol.ANALISIS}),
    permiso="sie.validar_medicion",
    funcion=por_validar,
    vacio=gettext_lazy("No hay valores en borrador esperando validación."),
    icono="bi-clipboard-check",
)
