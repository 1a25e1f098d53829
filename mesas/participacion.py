"""The actor page's section on tables: sessions attended and agreements they are responsible for."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.rules import es_personal

from .models import Acuerdo, Asistencia, Sesion


def participacion_en_mesas(actor, user) -> dict | None:
    asistencias = Asistencia.objects.filter(actor=actor).select_related("sesion__mesa")
    acuerdos = Acuerdo.objects.filter(responsables=actor).select_related("sesion__mesa")
    if not es_personal(user):
        asistencias = asistencias.filter(sesion__estado=Sesion.Estado.ACTA_PUBLICADA)
        acuerdos = acuerdos.filter(sesion__estado=Sesion.Estado.ACTA_PUBLICADA)
    asistencias = list(asistencias.order_by("-sesion__inicio")[:50])
    acuerdos = list(acuerdos.order_by("-sesion__inicio", "numero")[:50])
    mesas = sorted({a.sesion.mesa.nombre for a in asistencias})
    return {
        "template": "mesas/actores/participacion.html",
        "contexto": {"asistencias": asistencias, "acuerdos_responsable": acuerdos, "mesas": mesas},
        "total": len(asistencias),
        "vacio": _("No ha asistido a sesiones de las mesas.") if not asistencias else None,
    }
