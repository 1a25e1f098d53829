"""The kinds of core document that eventos produces: programme, report and certificates
(registered by eventos.extensiones)."""

from django.utils.translation import gettext, gettext_noop

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


def _tipo_de_evento(tipo: str, archivo: str, titulo: str, **kwargs) -> TipoDocumento:
    """A kind whose source is the event: its file is <archivo>-<slug>.pdf, its title `titulo`
    (marked with gettext_noop, translated when the document is made) naming the event."""
    return _tipo(
        tipo,
        "Evento",
        nombre_archivo=lambda evento: f"{archivo}-{evento.slug}.pdf",
        titulo=lambda evento: gettext(titulo) % {"evento": evento},
        **kwargs,
    )


TIPOS = (
    _tipo_de_evento(
        TIPO_PROGRAMA,
        "programa",
        gettext_noop("Programa de «%(evento)s»"),
        permiso="eventos.ver_programa",
        campo_clave="slug",
        version=_version_programa,
    ),
    _tipo_de_evento(
        TIPO_INFORME,
        "sistematizacion",
        gettext_noop("Informe de sistematización de «%(evento)s»"),
        version=_version_informe,
    ),
    _tipo(
        TIPO_CERTIFICADO,
        "Invitado",
        nombre_archivo=lambda invitado: f"certificado-{invitado.evento.slug}-{invitado.pk}.pdf",
        titulo=_titulo_certificado,
        al_terminar=_certificado_listo,
    ),
    _tipo_de_evento(
        TIPO_CERTIFICADOS,
        "certificados",
        gettext_noop("Certificados de asistencia de «%(evento)s»"),
        al_terminar=_certificados_listos,
    ),
)
