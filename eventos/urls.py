from django.urls import path

from . import views as v
from .feeds import AgendaFeed, EventosFeed

app_name = "eventos"


def _gestion(ruta: str, vista, nombre: str):
    """A page or an action of one event's staff area: gestion/<pk>/<ruta>."""
    return path(f"gestion/<int:pk>/{ruta}", vista.as_view(), name=nombre)


urlpatterns = [
    # Public
    path("", v.EventosPublicosView.as_view(), name="lista"),
    path("calendario.ics", v.CalendarioIcsView.as_view(), name="calendario"),
    path("feed/", EventosFeed(), name="feed"),
    path("invitacion/<str:token>/", v.ResponderView.as_view(), name="responder"),
    path("invitacion/<str:token>/cancelar/", v.CancelarView.as_view(), name="cancelar"),
    path("invitacion/<str:token>/certificado/", v.CertificadoView.as_view(), name="certificado"),
    # Staff
    path("gestion/", v.GestionListaView.as_view(), name="gestion_lista"),
    path("gestion/nuevo/", v.EventoCrearView.as_view(), name="crear"),
    _gestion("", v.EventoGestionView, "gestion"),
    _gestion("editar/", v.EventoEditarView, "editar"),
    _gestion("estado/", v.EventoEstadoView, "estado"),
    _gestion("equipo/", v.EquipoView, "equipo"),
    _gestion("equipo/agregar/", v.MiembroAgregarView, "miembro_agregar"),
    _gestion("equipo/<int:obj>/quitar/", v.MiembroQuitarView, "miembro_quitar"),
    _gestion("programa/", v.ProgramaView, "programa"),
    _gestion("programa/ponente/", v.PonenteView, "ponente_nuevo"),
    _gestion("programa/ponente/<int:obj>/", v.PonenteView, "ponente"),
    _gestion("programa/sesion/", v.SesionView, "sesion_nueva"),
    _gestion("programa/sesion/<int:obj>/", v.SesionView, "sesion"),
    _gestion("programa/sesion/<int:obj>/eliminar/", v.SesionEliminarView, "sesion_eliminar"),
    _gestion("invitados/", v.InvitadosView, "invitados"),
    _gestion("invitados/mapa/", v.InvitadosMapaView, "invitados_mapa"),
    _gestion("invitados/nuevo/", v.InvitadoCrearView, "invitado_nuevo"),
    _gestion("invitados/enviar/", v.InvitacionesEnviarView, "enviar"),
    _gestion("invitados/recordatorio/", v.RecordatorioCrearView, "recordatorio"),
    _gestion("invitados/<int:obj>/cancelar/", v.InvitadoCancelarView, "invitado_cancelar"),
    _gestion("invitados/<int:obj>/respuesta/", v.InvitadoRespuestaView, "invitado_respuesta"),
    _gestion("invitados/imprimir/", v.ListaImprimibleView, "imprimir"),
    _gestion("acreditacion/", v.AcreditacionView, "acreditacion"),
    _gestion("acreditacion/<int:obj>/", v.AcreditarView, "acreditar"),
    _gestion("acreditacion/qr/<str:token>/", v.AcreditarQRView, "acreditar_qr"),
    _gestion("acreditacion/sin-invitacion/", v.SinInvitacionView, "sin_invitacion"),
    _gestion("asistencia/", v.AsistenciaView, "asistencia"),
    _gestion("logistica/", v.LogisticaView, "logistica"),
    _gestion("logistica/plantilla/", v.LogisticaPlantillaView, "logistica_plantilla"),
    _gestion("logistica/tarea/", v.TareaView, "tarea_nueva"),
    _gestion("logistica/tarea/<int:obj>/", v.TareaView, "tarea"),
    _gestion("logistica/tarea/<int:obj>/estado/", v.TareaEstadoView, "tarea_estado"),
    _gestion("sistematizacion/", v.SistematizacionView, "sistematizacion"),
    _gestion("sistematizacion/foto/", v.FotoAgregarView, "sistematizacion_foto"),
    _gestion("sistematizacion/informe/", v.InformeSolicitarView, "sistematizacion_informe"),
    _gestion(
        "sistematizacion/certificados/", v.CertificadosSolicitarView, "sistematizacion_certificados"
    ),
    # Public pages of one event (last: the slug catches the rest)
    path("<slug:slug>/", v.EventoPublicoView.as_view(), name="detalle"),
    path("<slug:slug>/evento.ics", v.EventoIcsView.as_view(), name="ics"),
    path("<slug:slug>/tarjeta.png", v.EventoTarjetaView.as_view(), name="evento_tarjeta"),
    path("<slug:slug>/inscripcion/", v.InscripcionView.as_view(), name="inscripcion"),
]

# The public agenda (table sessions and events), mounted at /agenda/ by config/urls.py under its
# own namespace "agenda".
agenda_urlpatterns = [
    path("", v.AgendaView.as_view(), name="lista"),
    path("agenda.ics", v.AgendaIcsView.as_view(), name="ics"),
    path("feed/", AgendaFeed(), name="feed"),
    path("sesiones/<slug:slug>/<int:numero>.ics", v.SesionMesaIcsView.as_view(), name="sesion_ics"),
]
