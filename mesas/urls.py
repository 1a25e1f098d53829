from django.urls import path

from . import views

app_name = "mesas"

urlpatterns = [
    path("", views.MesaListView.as_view(), name="lista"),
    path("calendario.ics", views.calendario, name="calendario"),
    path("mis-mesas/", views.MisMesasView.as_view(), name="mis_mesas"),
    path("invitacion/<uuid:token>/", views.invitacion, name="invitacion"),
    path("gestion/<slug:slug>/", views.mesa_gestion, name="gestion"),
    path("gestion/<slug:slug>/equipo/", views.mesa_equipo, name="equipo"),
    path("sesion/<int:pk>/", views.sesion_registro, name="sesion"),
    path("sesion/<int:pk>/datos/", views.sesion_datos, name="sesion_datos"),
    path("sesion/<int:pk>/convocar/", views.sesion_convocar, name="convocar"),
    path("sesion/<int:pk>/cerrar/", views.sesion_cerrar, name="cerrar"),
    path("sesion/<int:pk>/reabrir/", views.sesion_reabrir, name="reabrir"),
    path("sesion/<int:pk>/publicar/", views.acta_publicar, name="publicar"),
    path(
        "sesion/<int:pk>/asistencia/<int:asistencia_id>/quitar/",
        views.asistencia_quitar,
        name="asistencia_quitar",
    ),
    path(
        "sesion/<int:pk>/acuerdo/<int:acuerdo_id>/",
        views.acuerdo_editar,
        name="acuerdo_editar",
    ),
    path("sesion/<int:pk>/<slug:seccion>/", views.sesion_seccion, name="seccion"),
    path("<slug:slug>/", views.MesaView.as_view(), name="mesa"),
    path("<slug:slug>/calendario.ics", views.calendario, name="calendario_mesa"),
    path(
        "<slug:slug>/sesiones/<int:numero>/",
        views.SesionPublicaView.as_view(),
        name="sesion_publica",
    ),
]
