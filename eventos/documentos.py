"""The kinds of core document that eventos produces: programme, report and certificates
(registered by eventos.extensiones)."""

from django.utils.translation import gettext

from core.documentos import TipoDocumento, documentos_de, documentos_regenerar

from .services import TIPO_CERTIFICADO, TIPO_INFORME, TIPO_PROGRAMA


def _contexto_programa(evento) -> dict:
    from .selectors import contexto_programa

    return contexto_programa(evento=evento)


def _contexto_informe(evento) -> dict:
    from .selectors import contexto_informe

    return contexto_informe(evento=evento)


def _contexto_certificado(invitado) -> dict:
    from .selectors import contexto_certificado

    return contexto_certificado(invitado=invitado)


def _version_informe(evento) -> int:
    sistematizacion = getattr(evento, "sistematizacion", None)
    return sistematizacion.version if sistematizacion else 1


def _version_programa(evento) -> int:
    return evento.version_programa


def al_cambiar_nombre_publico(sender, actor, **kwargs) -> None:
    """A speaker's consent to be named changed: their events' printable programmes again."""
    from .models import Evento

    eventos = Evento.objects.filter(ponentes__actor=actor).values_list("pk", flat=True)
    documentos_regenerar(
        documentos=documentos_de(modelo=Evento, pks=list(eventos), tipo=TIPO_PROGRAMA)
    )


TIPOS = (
    TipoDocumento(
        tipo=TIPO_PROGRAMA,
        plantilla="eventos/pdf/programa.html",
        modelo="eventos.Evento",
        permiso="eventos.ver_programa",
        campo_clave="slug",
        contexto=_contexto_programa,
        nombre_archivo=lambda evento: f"programa-{evento.slug}.pdf",
        titulo=lambda evento: gettext("Programa de «%(evento)s»") % {"evento": evento},
        version=_version_programa,
    ),
    TipoDocumento(
        tipo=TIPO_INFORME,
        plantilla="eventos/pdf/informe.html",
        modelo="eventos.Evento",
        permiso="eventos.sistematizar",
        contexto=_contexto_informe,
        nombre_archivo=lambda evento: f"sistematizacion-{evento.slug}.pdf",
        titulo=lambda evento: (
            gettext("Informe de sistematización de «%(evento)s»") % {"evento": evento}
        ),
        version=_version_informe,
    ),
    TipoDocumento(
        tipo=TIPO_CERTIFICADO,
        plantilla="eventos/pdf/certificado.html",
        modelo="eventos.Invitado",
        permiso="eventos.sistematizar",
        contexto=_contexto_certificado,
        nombre_archivo=lambda invitado: f"certificado-{invitado.evento.slug}-{invitado.pk}.pdf",
        titulo=lambda invitado: (
            gettext("Certificado de asistencia de %(nombre)s") % {"nombre": invitado.nombre}
        ),
    ),
)
