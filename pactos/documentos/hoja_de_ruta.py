"""The progress report for the Provincial Government, as a kind of core document."""

from django.utils.translation import gettext

from core.documentos import TipoDocumento
from pactos.services.informe_progreso import INFORME_PROGRESO, informe_contexto


def _contexto(informe) -> dict:
    return informe_contexto(desde=informe.desde, hasta=informe.hasta, informe=informe)


DOCUMENTO_INFORME_PROGRESO = TipoDocumento(
    tipo=INFORME_PROGRESO,
    plantilla="pactos/pdf/informe_mensual.html",
    modelo="pactos.InformeProgreso",
    permiso="pactos.ver_informes",
    contexto=_contexto,
    nombre_archivo=lambda informe: (
        f"informe-progreso-{informe.numero:03d}-{informe.desde:%Y-%m-%d}-{informe.hasta:%Y-%m-%d}.pdf"
    ),
    titulo=lambda informe: (
        gettext("Informe de progreso n.º %(numero)s (%(desde)s a %(hasta)s)")
        % {
            "numero": informe.numero,
            "desde": informe.desde.strftime("%d/%m/%Y"),
            "hasta": informe.hasta.strftime("%d/%m/%Y"),
        }
    ),
)
