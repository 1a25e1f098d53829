"""What comunicacion contributes to the registries of the apps below it (see core.registro),
from ComunicacionConfig.ready(): its figures of product 3 (two-way communication), the
consultation's report and notices, its uploads and its demo data."""

from django.utils.translation import gettext_lazy as _

from canales.entrantes import SIN_CONVERSACION
from core.busqueda import FUENTES_BUSQUEDA
from core.cola import COLA_PANEL
from core.demo import CARGADORES_DEMO
from core.documentos import registrar_tipo_documento
from core.medios import TipoMedio, registrar_medio
from pactos.avisos_publicos import AVISOS_PUBLICOS
from pactos.indicadores_programa import registrar_cifra

from . import busqueda, cola, documentos_consulta, mensajes_texto, selectors
from .demo import cargar_demo
from .selectors.consulta import comentarios_de_consultas_total


def _noticias_publicas():
    """A news image is public while its item is."""
    return selectors.noticias_publicas()


def _registrar_cifras() -> None:
    for orden, (clave, etiqueta, funcion) in enumerate(
        [
            (
                "comunicacion_acciones",
                _("Acciones de comunicación realizadas"),
                selectors.acciones_realizadas,
            ),
            ("comunicacion_noticias", _("Noticias publicadas"), selectors.noticias_publicadas),
            (
                "comunicacion_mensajes",
                _("Mensajes ciudadanos respondidos"),
                selectors.mensajes_respondidos,
            ),
            (
                "comunicacion_consulta_comentarios",
                _("Comentarios publicados en consultas públicas"),
                comentarios_de_consultas_total,
            ),
        ],
        start=7,
    ):
        registrar_cifra(
            producto=3, clave=clave, etiqueta=etiqueta, funcion=funcion, orden=orden * 10
        )


def registrar() -> None:
    # A text by SMS or WhatsApp that answers nothing we sent: a citizen's message.
    SIN_CONVERSACION.registrar("comunicacion", mensajes_texto.mensaje_ciudadano_por_texto)
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=70)
    _registrar_cifras()
    registrar_tipo_documento(documentos_consulta.DOCUMENTO_INFORME)
    AVISOS_PUBLICOS.registrar(
        "comunicacion_consultas", documentos_consulta.avisos_de_consultas_abiertas
    )
    registrar_medio(
        TipoMedio(
            modelo="comunicacion.Noticia",
            campo="imagen",
            publicos=_noticias_publicas,
            permiso="comunicacion.gestionar_noticias",
        )
    )
    CARGADORES_DEMO.registrar("Comunicación", cargar_demo, orden=70)
    for clave, tarea in cola.TAREAS:  # in the order cola.py declares them
        COLA_PANEL.registrar(clave, tarea, orden=60)
