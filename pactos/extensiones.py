"""What pactos contributes to the registries of the apps below it, and to its own registries
the figures and tables of those apps (see core.registro), from PactosConfig.ready().

The figures of mesas and sie are their selectors, imported directly: a rename fails here, at
start-up, instead of a figure vanishing from the provincial report.
"""

from django.utils.translation import gettext_lazy as _

from actores.participacion import SECCIONES_PARTICIPACION, Seccion
from actores.senales import nombre_publico_cambiado
from canales.entrantes import RESPUESTAS, Manejador
from canales.models import MensajeCanal
from core.busqueda import FUENTES_BUSQUEDA
from core.cola import COLA_PANEL
from core.demo import CARGADORES_DEMO
from core.documentos import registrar_tipo_documento
from core.medios import TipoMedio, registrar_medio
from core.personas import SECCIONES_PERSONA, SeccionPersona
from sie import selectors as sie

from . import busqueda, cola
from . import fuentes_mesas as mesas
from .demo_pactos import cargar_demo_pactos
from .documentos import hoja_de_ruta, pactos
from .indicadores_programa import registrar_cifra, registrar_tabla
from .participacion_pactos import (
    compromisos_del_actor,
    contactos_del_actor,
    organizaciones_de_persona,
)
from .services import avances_por_mensaje
from .services.hoja_de_ruta import registrar_demo_hoja_de_ruta


def _pactos_publicados():
    from .selectors.pactos import pactos_publicados

    return pactos_publicados()


def _evidencias_publicas():
    from .models import Evidencia
    from .selectors.pactos import compromisos_publicados

    return Evidencia.objects.filter(compromiso__in=compromisos_publicados())


def _registrar_medios() -> None:
    """A signed copy and a commitment's evidence are public while the pacto is published (its
    public pages show them). The roadmap shows the public only counts and milestones, so an
    activity's evidence stays with the programme's team."""
    registrar_medio(
        TipoMedio(
            modelo="pactos.Pacto",
            campo="copia_firmada",
            publicos=_pactos_publicados,
            permiso="pactos.gestionar_pactos",
        )
    )
    registrar_medio(
        TipoMedio(
            modelo="pactos.Evidencia",
            campo="archivo",
            publicos=_evidencias_publicas,
            permiso="pactos.gestionar_pactos",
        )
    )
    registrar_medio(
        TipoMedio(
            modelo="pactos.Actividad", campo="evidencia_archivo", permiso="pactos.ver_hoja_de_ruta"
        )
    )


def _registrar_cifras_y_tablas() -> None:
    """The figures and report tables of mesas and sie (the apps below pactos)."""
    cifras = [
        (
            2,
            "mesas_sesiones",
            _("Sesiones de mesa realizadas"),
            mesas.sesiones_realizadas_total,
            26,
        ),
        (2, "mesas_actas", _("Actas publicadas"), mesas.actas_publicadas_total, 26),
        (
            4,
            "sie_indicadores",
            _("Indicadores con datos"),
            sie.indicadores_con_datos_total,
            sie.indicadores_activos_total,
        ),
    ]
    for orden, (producto, clave, etiqueta, funcion, meta) in enumerate(cifras, start=1):
        registrar_cifra(
            producto=producto,
            clave=clave,
            etiqueta=etiqueta,
            funcion=funcion,
            meta=meta,
            orden=orden * 10,
        )
    for orden, (clave, titulo, funcion) in enumerate(
        [
            ("mesas_resumen", _("Sesiones y asistencias del período"), mesas.participacion_resumen),
            ("mesas_por_canton", _("Participación por cantón"), mesas.participacion_por_canton),
            ("mesas_por_sector", _("Participación por sector"), mesas.participacion_por_sector),
            ("mesas_por_genero", _("Participación por género"), mesas.participacion_por_genero),
        ],
        start=1,
    ):
        registrar_tabla(
            seccion="participacion", clave=clave, titulo=titulo, funcion=funcion, orden=orden * 10
        )
    registrar_tabla(
        seccion="indicadores",
        clave="sie_indicadores_movidos",
        titulo=_("Indicadores que se movieron"),
        funcion=sie.indicadores_movidos,
        orden=50,
    )


def registrar() -> None:
    # A percentage and a note by SMS or WhatsApp in answer to a commitment's reminder.
    RESPUESTAS.registrar(
        "pactos",
        Manejador(
            propositos=(MensajeCanal.Proposito.COMPROMISO,),
            funcion=avances_por_mensaje.responder_recordatorio,
        ),
    )
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=35)
    registrar_tipo_documento(hoja_de_ruta.DOCUMENTO_INFORME_PROGRESO)
    registrar_tipo_documento(pactos.DOCUMENTO_PACTO)
    nombre_publico_cambiado.connect(
        pactos.al_cambiar_nombre_publico, dispatch_uid="pactos.pacto_nombre_publico"
    )
    _registrar_medios()
    _registrar_cifras_y_tablas()
    CARGADORES_DEMO.registrar("Pactos", cargar_demo_pactos, orden=35)
    CARGADORES_DEMO.registrar("Hoja de ruta", registrar_demo_hoja_de_ruta, orden=40)
    SECCIONES_PARTICIPACION.registrar(
        "pactos",
        Seccion(titulo=_("Compromisos de los pactos"), funcion=compromisos_del_actor),
        orden=30,
    )
    SECCIONES_PARTICIPACION.registrar(
        "pactos_contactos",
        Seccion(titulo=_("Personas de contacto"), funcion=contactos_del_actor),
        orden=35,
    )
    for clave, tarea in cola.TAREAS:  # in the order cola.py declares them
        COLA_PANEL.registrar(clave, tarea, orden=35)
    SECCIONES_PERSONA.registrar(
        "pactos",
        SeccionPersona(titulo=_("Contacto de organizaciones"), funcion=organizaciones_de_persona),
        orden=20,
    )
