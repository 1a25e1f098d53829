"""What mesas contributes to the registries of the apps below it (see core.registro), from
MesasConfig.ready(): its documents, its private uploads, its demo data and its section of the
actor page."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from actores.participacion import SECCIONES_PARTICIPACION, Seccion
from actores.senales import nombre_publico_cambiado
from canales.entrantes import RESPUESTAS, Manejador
from canales.models import MensajeCanal
from core.busqueda import FUENTES_BUSQUEDA
from core.cola import COLA_PANEL
from core.demo import CARGADORES_DEMO
from core.documentos import TipoDocumento, registrar_tipo_documento
from core.medios import TipoMedio, registrar_medio
from core.personas import SECCIONES_PERSONA, SeccionPersona

from . import busqueda, cola, respuestas_texto
from .demo import cargar_demo_mesas
from .papel import TIPO_HOJA_ASISTENCIA, hoja_contexto, hoja_version
from .participacion import participacion_en_mesas
from .selectors import acta_contexto, acta_publica_contexto
from .services import al_cambiar_nombre_publico


def _titulo_de_sesion(texto):
    """A session document's title: `texto` (lazy, so in the reader's language) filled with the
    session's number and its table's name."""
    return lambda s: texto % {"numero": s.numero, "mesa": s.mesa.nombre}


# Two documents per closed session, both from the same record: the acta the programme keeps and
# has signed (every name, staff only), and the published one, where a person without consent to
# be named appears as their organisation (actores.selectors).
ACTA = TipoDocumento(
    tipo="acta",
    plantilla="mesas/pdf/acta.html",
    modelo="mesas.Sesion",
    contexto=acta_contexto,
    nombre_archivo=lambda s: f"acta-{s.mesa.slug}-sesion-{s.numero}-v{s.acta_version}.pdf",
    titulo=_titulo_de_sesion(_("Acta para firma de la sesión %(numero)s — %(mesa)s")),
    permiso="mesas.ver_acta_firmada",
    version=lambda s: s.acta_version,
)
ACTA_PUBLICA = replace(
    ACTA,
    tipo="acta_publica",
    contexto=acta_publica_contexto,
    nombre_archivo=lambda s: ACTA.nombre_archivo(s).removesuffix(".pdf") + "-publica.pdf",
    titulo=_titulo_de_sesion(_("Acta de la sesión %(numero)s — %(mesa)s")),
    permiso="mesas.ver_acta",
)

# The sign-in sheet to print: it lists the members by name, so it is for the table's staff only.
HOJA_ASISTENCIA = TipoDocumento(
    tipo=TIPO_HOJA_ASISTENCIA,
    plantilla="mesas/pdf/hoja_asistencia.html",
    modelo="mesas.Sesion",
    contexto=hoja_contexto,
    nombre_archivo=lambda s: f"hoja-asistencia-{s.mesa.slug}-sesion-{s.numero}.pdf",
    titulo=_titulo_de_sesion(_("Hoja de asistencia de la sesión %(numero)s — %(mesa)s")),
    permiso="mesas.ver_sesion",
    version=hoja_version,
)


def _registrar_medios() -> None:
    """The photos and scans of a session (the signed sheet, the room) stay with the table's
    staff: faces, names and cédulas are never public."""
    for campo in ("archivo", "miniatura"):
        registrar_medio(
            TipoMedio(
                modelo="mesas.FotoSesion",
                campo=campo,
                permiso="mesas.ver_sesion",
                objeto=lambda foto: foto.sesion,
            )
        )


def registrar() -> None:
    # "SI" / "NO" by SMS or WhatsApp to a convocation, a reminder or a change of a session.
    RESPUESTAS.registrar(
        "mesas",
        Manejador(
            propositos=(
                MensajeCanal.Proposito.CONVOCATORIA,
                MensajeCanal.Proposito.RECORDATORIO,
                MensajeCanal.Proposito.AVISO,
            ),
            funcion=respuestas_texto.responder_invitacion,
        ),
    )
    for clave, fuente in busqueda.FUENTES.items():
        FUENTES_BUSQUEDA.registrar(clave, fuente, orden=30)
    registrar_tipo_documento(ACTA)
    registrar_tipo_documento(ACTA_PUBLICA)
    registrar_tipo_documento(HOJA_ASISTENCIA)
    _registrar_medios()
    nombre_publico_cambiado.connect(al_cambiar_nombre_publico, dispatch_uid="mesas.actas_publicas")
    CARGADORES_DEMO.registrar("Mesas", cargar_demo_mesas, orden=30)
    SECCIONES_PARTICIPACION.registrar(
        "mesas", Seccion(titulo=_("Mesas y sesiones"), funcion=participacion_en_mesas), orden=10
    )
    for clave, tarea in cola.TAREAS:  # in the order cola.py declares them
        COLA_PANEL.registrar(clave, tarea, orden=10)
    SECCIONES_PERSONA.registrar(
        "mesas",
        SeccionPersona(titulo=_("Mesas que facilita"), funcion=cola.mesas_de_persona),
        orden=10,
    )
