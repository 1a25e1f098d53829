"""The consultation's plug-ins into lower apps: the closing report as a PDF through core's
document pipeline and the open consultations on the public list of pactos (registered by
comunicacion.extensiones)."""

from django.utils.translation import gettext

from core.documentos import TipoDocumento, contexto_de

INFORME = "consulta_informe"


def _version(consulta) -> int:
    """A new file when comments are answered or moderated after an earlier report."""
    from .models import Comentario, RespuestaOficial

    return (
        RespuestaOficial.objects.filter(consulta=consulta).count() * 100_000
        + Comentario.objects.filter(consulta=consulta).exclude(estado="pendiente").count() * 10
        + Comentario.objects.filter(consulta=consulta, estado="oculto").count()
        + 1
    )


def avisos_de_consultas_abiertas() -> list[dict]:
    """ "Consulta abierta — comente aquí" on the public list of pactos, one per open consultation."""
    from .selectors.consulta import consultas_abiertas

    return [
        {
            "etiqueta": gettext("Consulta abierta — comente aquí"),
            "titulo": consulta.version.pacto.titulo,
            "url": consulta.get_absolute_url(),
        }
        for consulta in consultas_abiertas()
    ]


DOCUMENTO_INFORME = TipoDocumento(
    tipo=INFORME,
    plantilla="comunicacion/pdf/consulta_informe.html",
    modelo="comunicacion.Consulta",
    permiso="comunicacion.ver_informe_consulta",
    contexto=contexto_de("comunicacion.selectors.consulta.informe_consulta", "consulta"),
    nombre_archivo=lambda consulta: f"consulta-{consulta.pk}-{consulta.pacto.slug}.pdf",
    titulo=lambda consulta: (
        gettext("Informe de la consulta pública: %(pacto)s") % {"pacto": consulta.pacto.titulo}
    ),
    version=_version,
)
