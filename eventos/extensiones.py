"""What eventos contributes to the registries of the apps below it (see core.registro), from
EventosConfig.ready()."""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actores.participacion import SECCIONES_PARTICIPACION, Seccion
from actores.senales import nombre_publico_cambiado
from canales.entrantes import RESPUESTAS, Manejador
from canales.models import MensajeCanal
from core.busqueda import FUENTES_BUSQUEDA
from core.demo import CARGADORES_DEMO
from core.documentos import registrar_tipo_documento
from core.medios import TipoMedio, registrar_medio
from pactos.indicadores_programa import registrar_cifra, registrar_tabla

from . import busqueda, documentos, respuestas_texto
from .demo import cargar_demo
from .integraciones import (
    asistentes_a_eventos,
    eventos_del_actor,
    eventos_realizados,
    tabla_eventos,
)


def _ponentes_publicos():
    """A speaker's photo is public while the event is published and the speaker may be named in
    public (typed in by hand, or an actor with consent to be named), as its public page shows."""
    from actores.models import Actor
    from actores.selectors import consiente_nombre_publico

    from .models import Ponente
    from .selectors import eventos_publicos

    return Ponente.objects.filter(evento__in=eventos_publicos()).filter(
        Q(actor__isnull=True) | Q(actor__in=Actor.objects.filter(consiente_nombre_publico()))
    )


def _registrar_medios() -> None:
    registrar_medio(
        TipoMedio(
            modelo="eventos.Ponente",
            campo="foto",
            publicos=_ponentes_publicos,
            permiso="eventos.ver_evento",
            objeto=lambda ponente: ponente.evento,
        )
    )
    # The event's own photos are material of the systematization and stay with those who
    # systematize it.
    registrar_medio(
        TipoMedio(
            modelo="eventos.FotoEvento",
            campo="imagen",
            permiso="eventos.sistematizar",
            objeto=lambda foto: foto.evento,
        )
    )


def registrar() -> None:
    # "SI" / "NO" by SMS or WhatsApp to an event's invitation or one of its reminders.
    RESPUESTAS.registrar(
        "eventos",
        Manejador(
            propositos=(
                MensajeCanal.Proposito.INVITACION_EVENTO,
                MensajeCanal.Proposito.RECORDATORIO_EVENTO,
            ),
            funcion=respuestas_texto.responder_invitacion,
        ),
    )
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=60)
    for tipo in documentos.TIPOS:
        registrar_tipo_documento(tipo)
    nombre_publico_cambiado.connect(
        documentos.al_cambiar_nombre_publico, dispatch_uid="eventos.programa_nombre_publico"
    )
    _registrar_medios()
    SECCIONES_PARTICIPACION.registrar(
        "eventos", Seccion(titulo=_("Eventos"), funcion=eventos_del_actor), orden=20
    )
    registrar_cifra_de_eventos = partial(registrar_cifra, producto=5)  # product 5: the events
    registrar_cifra_de_eventos(
        clave="eventos_realizados",
        etiqueta=_("Eventos realizados"),
        funcion=eventos_realizados,
        meta=2,
        orden=50,
    )
    registrar_cifra_de_eventos(
        clave="eventos_asistentes",
        etiqueta=_("Asistentes a los eventos"),
        funcion=asistentes_a_eventos,
        orden=60,
    )
    registrar_tabla(
        seccion="eventos_comunicacion",
        clave="eventos",
        titulo=_("Eventos del programa"),
        funcion=tabla_eventos,
        orden=60,
    )
    CARGADORES_DEMO.registrar("Eventos", cargar_demo, orden=60)
