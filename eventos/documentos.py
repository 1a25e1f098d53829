"""The kinds of core document that eventos produces: programme, report and certificates
(registered by eventos.extensiones)."""

from django.utils.translation import gettext

from core.documentos import TipoDocumento, contexto_de, documentos_de, documentos_regenerar

from .services import TIPO_CERTIFICADO, TIPO_CERTIFICADOS, TIPO_INFORME, TIPO_PROGRAMA


def _version_informe(evento) -> int:
    sistematizacion = getattr(evento, "sistematizacion", None)
    return sistematizacion.version if sistematizacion else 1


def _version_programa(evento) -> int:
    return evento.version_programa


def _titulo_certificado(invitado) -> str:
    return gettext("Certificado de asistencia de %(nombre)s") % {"nombre": invitado.nombre}


def _certificado_listo(documento) -> None:
    """A certificate is ready: its person gets it by e-mail (a task, retried; once)."""
    from core.colas import encolar

    from .tasks import enviar_certificado

    encolar(enviar_certificado, int(documento.object_id))


def _certificados_listos(documento) -> None:
    from core.colas import encolar

    from .tasks import avisar_certificados_listos

    encolar(avisar_certificados_listos, documento.pk)


def al_cambiar_nombre_publico(sender, actor, **kwargs) -> None:
    """A speaker's consent to be named changed: their events' printable programmes again."""
    from .models import Evento

    eventos = Evento.objects.filter(ponentes__actor=actor).values_list("pk", flat=True)
    documentos_regenerar(
        documentos=documentos_de(modelo=Evento, pks=list(eventos), tipo=TIPO_PROGRAMA)
    )


def _tipo(
    tipo: str, modelo: str, *, permiso: str = "eventos.sistematizar", **kwargs
) -> TipoDocumento:
    """A kind `eventos_<name>` of an eventos model: its template is eventos/pdf/<name>.html, its
    context selectors.contexto_<name>(<model>=source); by default the team that writes up the
    event sees it."""
    nombre = tipo.removeprefix("eventos_")
    return TipoDocumento(
        tipo=tipo,
        plantilla=f"eventos/pdf/{nombre}.html",
        modelo=f"eventos.{modelo}",
        permiso=permiso,
        contexto=contexto_de(f"eventos.selectors.contexto_{nombre}", modelo.lower()),
        **kwargs,
    )


TIPOS = (
    _tipo(
        TIPO_PROGRAMA,
        "Evento",
        permiso="eventos.ver_programa",
        campo_clave="slug",
        nombre_archivo=lambda evento: f"programa-{evento.slug}.pdf",
        titulo=lambda evento: gettext("Programa de «%(evento)s»") % {"evento": evento},
        version=_version_programa,
    ),
    _tipo(
        TIPO_INFORME,
        "Evento",
        nombre_archivo=lambda evento: f"sistematizacion-{evento.slug}.pdf",
        titulo=lambda evento: (
            gettext("Informe de sistematización de «%(evento)s»") % {"evento": evento}
        ),
        version=_version_informe,
    ),
    _tipo(
        TIPO_CERTIFICADO,
        "Invitado",
        nombre_archivo=lambda invitado: f"certificado-{invitado.evento.slug}-{invitado.pk}.pdf",
        titulo=_titulo_certificado,
        al_terminar=_certificado_listo,
    ),
    _tipo(
        TIPO_CERTIFICADOS,
        "Evento",
        nombre_archivo=lambda evento: f"certificados-{evento.slug}.pdf",
        titulo=lambda evento: (
            gettext("Certificados de asistencia de «%(evento)s»") % {"evento": evento}
        ),
        al_terminar=_certificados_listos,
    ),
)
