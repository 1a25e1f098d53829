"""Figures of the tables (mesas, a lower app) for the products' progress and the report.

Importing this module fails when mesas lacks the selectors used here; the registry then simply
leaves these figures out (see indicadores_programa.CIFRAS_DE_APPS_INFERIORES).
"""

from django.utils.translation import gettext as _

from mesas.models import Sesion
from mesas.selectors import participacion, sesiones_publicadas

REALIZADAS = (Sesion.Estado.CERRADA, Sesion.Estado.ACTA_PUBLICADA)


def _en_periodo(qs, desde, hasta):
    if desde:
        qs = qs.filter(inicio__date__gte=desde)
    if hasta:
        qs = qs.filter(inicio__date__lte=hasta)
    return qs


def sesiones_realizadas_total(*, desde=None, hasta=None) -> int:
    return _en_periodo(Sesion.objects.filter(estado__in=REALIZADAS), desde, hasta).count()


def actas_publicadas_total(*, desde=None, hasta=None) -> int:
    return _en_periodo(sesiones_publicadas(), desde, hasta).count()


def _participacion(desde, hasta) -> dict:
    return participacion(
        sesiones=_en_periodo(Sesion.objects.filter(estado__in=REALIZADAS), desde, hasta)
    )


def participacion_por_canton(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    return {"columnas": [_("Cantón"), _("Asistencias")], "filas": datos["por_canton"]}


def participacion_por_sector(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    return {"columnas": [_("Sector"), _("Asistencias")], "filas": datos["por_sector"]}


def participacion_por_genero(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    filas = [
        (_("Mujeres"), datos["mujeres"]),
        (_("Hombres"), datos["hombres"]),
        (_("Otro o no informa"), datos["otro_genero"]),
    ]
    nota = _(
        "%(personas)s personas y %(organizaciones)s organizaciones en %(asistencias)s asistencias."
    ) % {
        "personas": datos["personas"],
        "organizaciones": datos["organizaciones"],
        "asistencias": datos["asistencias"],
    }
    return {
        "columnas": [_("Género"), _("Asistencias")],
        "filas": filas if datos["asistencias"] else [],
        "nota": nota,
    }
