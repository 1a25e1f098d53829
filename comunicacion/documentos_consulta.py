"""The closing report of a public consultation as a PDF, produced by core's document pipeline;
and its figure on the roadmap dashboard (product 3: two-way communication)."""

from django.utils.translation import gettext, gettext_lazy

from core.documentos import TipoDocumento, registrar_tipo_documento

INFORME = "consulta_informe"


def _contexto(consulta) -> dict:
    from .selectors.consulta import informe_consulta

    return informe_consulta(consulta=consulta)


def _version(consulta) -> int:
    """A new file when comments are answered or moderated after an earlier report."""
    from .models import Comentario, RespuestaOficial

    return (
        RespuestaOficial.objects.filter(consulta=consulta).count() * 100_000
        + Comentario.objects.filter(consulta=consulta).exclude(estado="pendiente").count() * 10
        + Comentario.objects.filter(consulta=consulta, estado="oculto").count()
        + 1
    )


def registrar() -> None:
    registrar_tipo_documento(
        TipoDocumento(
            tipo=INFORME,
            plantilla="comunicacion/pdf/consulta_informe.html",
            modelo="comunicacion.Consulta",
            permiso="comunicacion.ver_informe_consulta",
            contexto=_contexto,
            nombre_archivo=lambda consulta: f"consulta-{consulta.pk}-{consulta.pacto.slug}.pdf",
            titulo=lambda consulta: (
                gettext("Informe de la consulta pública: %(pacto)s")
                % {"pacto": consulta.pacto.titulo}
            ),
            version=_version,
        )
    )
    try:
        from pactos.indicadores_programa import registrar_cifra
    except ImportError:
        return
    from .selectors.consulta import comentarios_de_consultas_total

    registrar_cifra(
        3,
        "comunicacion_consulta_comentarios",
        gettext_lazy("Comentarios publicados en consultas públicas"),
        comentarios_de_consultas_total,
    )
