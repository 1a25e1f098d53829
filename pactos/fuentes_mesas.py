"""Figures of the tables (mesas, a lower app) for the products' progress and the report, in the
shape of pactos.indicadores_programa (keyword-only desde/hasta); pactos.extensiones registers them."""

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


def participacion_resumen(*, desde=None, hasta=None) -> dict:
    """The period's sessions and attendances: what the three breakdowns below add up to."""
    datos = _participacion(desde, hasta)
    return {
        "columnas": [_("Cifra del período"), _("Total")],
        "filas": [
            (_("Sesiones realizadas"), sesiones_realizadas_total(desde=desde, hasta=hasta)),
            (_("Asistencias"), datos["asistencias"]),
            (_("Personas distintas"), datos["personas"]),
            (_("Organizaciones representadas"), datos["organizaciones"]),
        ],
        "numerica": True,
        "nota": _(
            "Sesiones cerradas o con acta publicada cuya fecha cae en el período. Se cuentan "
            "asistencias: una persona que asistió a varias sesiones cuenta una vez por sesión. "
            "Cada desglose suma el total de asistencias; «Sin dato» reúne las asistencias sin "
            "cantón, sector o género registrado."
        ),
    }


def _tabla(datos: dict, filas: list, columna) -> dict:
    return {
        "columnas": [columna, _("Asistencias")],
        "filas": filas if datos["asistencias"] else [],
        "total": (_("Total"), datos["asistencias"]),
        "numerica": True,
    }


def participacion_por_canton(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    return _tabla(datos, datos["por_canton"], _("Cantón"))


def participacion_por_sector(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    return _tabla(datos, datos["por_sector"], _("Sector"))


def participacion_por_genero(*, desde=None, hasta=None) -> dict:
    datos = _participacion(desde, hasta)
    return _tabla(datos, datos["por_genero"], _("Género"))
