from django.urls import path

from . import views
from .feeds import EventosFeed

app_name = "eventos"

gestion = "gestion/<int:pk>/"

urlpatterns = [
    # Public
    path("", views.EventosPublicosView.as_view(), name="lista"),
    path("calendario.ics", views.CalendarioIcsView.as_view(), name="calendario"),
    path("feed/", EventosFeed(), name="feed"),
    path("invitacion/<str:token>/", views.ResponderView.as_view(), name="responder"),
    path(
        "invitacion/<str:token>/certificado/",
        views.CertificadoView.as_view(),
        name="certificado",
    ),
    # Staff
    path("gestion/", views.GestionListaView.as_view(), name="gestion_lista"),
    path("gestion/nuevo/", views.EventoCrearView.as_view(), name="crear"),
    path(gestion, views.EventoGestionView.as_view(), name="gestion"),
    path(gestion + "editar/", views.EventoEditarView.as_view(), name="editar"),
    path(gestion + "estado/", views.EventoEstadoView.as_view(), name="estado"),
    path(gestion + "equipo/", views.EquipoView.as_view(), name="equipo"),
    path(gestion + "programa/", views.ProgramaView.as_view(), name="programa"),
    path(gestion + "programa/ponente/", views.PonenteView.as_view(), name="ponente_nuevo"),
    path(gestion + "programa/ponente/<int:obj>/", views.PonenteView.as_view(), name="ponente"),
    path(gestion + "programa/sesion/", views.SesionView.as_view(), name="sesion_nueva"),
    path(gestion + "programa/sesion/<int:obj>/", views.SesionView.as_view(), name="sesion"),
    path(
        gestion + "programa/sesion/<int:obj>/eliminar/",
        views.SesionEliminarView.as_view(),
        name="sesion_eliminar",
    ),
    path(gestion + "invitados/", views.InvitadosView.as_view(), name="invitados"),
    path(gestion + "invitados/mapa/", views.InvitadosMapaView.as_view(), name="invitados_mapa"),
    path(gestion + "invitados/nuevo/", views.InvitadoCrearView.as_view(), name="invitado_nuevo"),
    path(gestion + "invitados/enviar/", views.InvitacionesEnviarView.as_view(), name="enviar"),
    path(
        gestion + "invitados/<int:obj>/cancelar/",
        views.InvitadoCancelarView.as_view(),
        name="invitado_cancelar",
    ),
    path(
        gestion + "invitados/<int:obj>/respuesta/",
        views.InvitadoRespuestaView.as_view(),
        name="invitado_respuesta",
    ),
    path(gestion + "invitados/imprimir/", views.ListaImprimibleView.as_view(), name="imprimir"),
    path(gestion + "acreditacion/", views.AcreditacionView.as_view(), name="acreditacion"),
    path(gestion + "acreditacion/<int:obj>/", views.AcreditarView.as_view(), name="acreditar"),
    path(
        gestion + "acreditacion/qr/<str:token>/",
        views.AcreditarQRView.as_view(),
        name="acreditar_qr",
    ),
    path(
        gestion + "acreditacion/sin-invitacion/",
        views.SinInvitacionView.as_view(),
        name="sin_invitacion",
    ),
    path(gestion + "asistencia/", views.AsistenciaView.as_view(), name="asistencia"),
    path(gestion + "logistica/", views.LogisticaView.as_view(), name="logistica"),
    path(gestion + "logistica/tarea/", views.TareaView.as_view(), name="tarea_nueva"),
    path(gestion + "logistica/tarea/<int:obj>/", views.TareaView.as_view(), name="tarea"),
    path(gestion + "sistematizacion/", views.SistematizacionView.as_view(), name="sistematizacion"),
    # Public pages of one event (last: the slug catches the rest)
    path("<slug:slug>/", views.EventoPublicoView.as_view(), name="detalle"),
    path("<slug:slug>/evento.ics", views.EventoIcsView.as_view(), name="ics"),
    path("<slug:slug>/inscripcion/", views.InscripcionView.as_view(), name="inscripcion"),
]
