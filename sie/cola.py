"""The SIE's entry in the panel's work queue (core.cola), registered by sie.extensiones: the values
waiting to be validated, counted with the analysts' desk's own selector in one query."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.cola import Elemento, Pendientes, TareasDeApp, pendientes_de
from core.roles import Rol

from .models import Medicion
from .selectors import mediciones_de_gestion

TAREAS = TareasDeApp("sie", roles={Rol.ANALISIS}, permiso="sie.validar_medicion")


@TAREAS.tarea(
    gettext_lazy("Valores por validar"),
    gettext_lazy("No hay valores en borrador esperando validación."),
    icono="bi-clipboard-check",
)
def por_validar(usuario) -> Pendientes:
    qs = mediciones_de_gestion(usuario=usuario).filter(estado=Medicion.Estado.BORRADOR)
    escritorio = reverse("sie:gestion")
    return pendientes_de(
        qs.order_by("actualizado", "pk"),
        url=escritorio + "?estado=borrador",
        elemento=lambda m: Elemento(
            texto=f"{m.indicador.codigo} · {m.indicador.nombre}",
            url=escritorio
            + "?"
            + urlencode({"estado": "borrador", "indicador": m.indicador.codigo}),
            detalle=(
                _("Período %(periodo)s · con alertas") if m.alertas else _("Período %(periodo)s")
            )
            % {"periodo": m.periodo},
            urgente=bool(m.alertas),
        ),
    )
