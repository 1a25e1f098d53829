"""The pacto as a PDF, produced by core's document pipeline."""

from django.utils.translation import gettext

from core.documentos import TipoDocumento, documentos_de, documentos_regenerar

PACTO = "pacto"


def _contexto(pacto) -> dict:
    from pactos.selectors.pactos import compromisos_de_pacto

    return {
        "pacto": pacto,
        # The PDF is public once the pacto is: its trail names published sessions only.
        "compromisos": compromisos_de_pacto(pacto=pacto, publico=True),
        "firmantes": pacto.firmantes.select_related("organizacion"),
    }


def _version(pacto) -> int:
    """A new file when the text changes, a commitment reports progress or a session of its trail
    gets its acta published (the PDF shows all three)."""
    from pactos.models import Actualizacion
    from pactos.selectors.pactos import origenes_de_fuente_publicada

    actualizaciones = Actualizacion.objects.filter(compromiso__pacto=pacto).count()
    fuentes = origenes_de_fuente_publicada().filter(compromiso__pacto=pacto).count()
    return pacto.version * 100_000 + actualizaciones + fuentes * 1_000


def al_cambiar_nombre_publico(sender, actor, **kwargs) -> None:
    """A commitment lead's consent to be named changed: the PDFs of their pactos again."""
    from pactos.models import Pacto

    pactos = Pacto.objects.filter(compromisos__lider=actor).values_list("pk", flat=True)
    documentos_regenerar(documentos=documentos_de(modelo=Pacto, pks=list(pactos), tipo=PACTO))


DOCUMENTO_PACTO = TipoDocumento(
    tipo=PACTO,
    plantilla="pactos/pdf/pacto.html",
    modelo="pactos.Pacto",
    campo_clave="slug",
    permiso="pactos.ver_pacto",
    contexto=_contexto,
    nombre_archivo=lambda pacto: f"{pacto.slug}-v{pacto.version}.pdf",
    titulo=lambda pacto: gettext("%(pacto)s (PDF)") % {"pacto": pacto.titulo},
    version=_version,
)
