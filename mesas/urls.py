from django.urls import path

from . import views

app_name = "mesas"

urlpatterns = [
    path("", views.MesaListaView.as_view(), name="lista"),
    path("calendario.ics", views.CalendarioView.as_view(), name="calendario"),
    path("mis-mesas/", views.MisMesasView.as_view(), name="mis_mesas"),
    path("invitacion/<uuid:token>/", views.InvitacionView.as_view(), name="invitacion"),
    path("gestion/<slug:slug>/", views.MesaGestionView.as_view(), name="gestion"),
    path("gestion/<slug:slug>/sesiones/", views.SesionCrearView.as_view(), name="sesion_crear"),
    path("gestion/<slug:slug>/equipo/", views.MesaEquipoView.as_view(), name="equipo"),
    path(
        "facilitacion/<int:pk>/",
        views.FacilitacionDePersonaView.as_view(),
        name="facilitacion_persona",
    ),
    path("sesion/<int:pk>/", views.SesionView.as_view(), name="sesion"),
    path("sesion/<int:pk>/datos/", views.SesionDatosView.as_view(), name="sesion_datos"),
    path("sesion/<int:pk>/convocar/", views.SesionConvocarView.as_view(), name="convocar"),
    path("sesion/<int:pk>/cerrar/", views.SesionCerrarView.as_view(), name="cerrar"),
    path("sesion/<int:pk>/cancelar/", views.SesionCancelarView.as_view(), name="cancelar"),
    path(
        "sesion/<int:pk>/reenviar/",
        views.InvitacionesReenviarView.as_view(),
        name="reenviar_invitaciones",
    ),
    path("sesion/<int:pk>/reabrir/", views.SesionReabrirView.as_view(), name="reabrir"),
    path("sesion/<int:pk>/publicar/", views.ActaPublicarView.as_view(), name="publicar"),
    path(
        "sesion/<int:pk>/asistencia/<int:asistencia_id>/quitar/",
        views.AsistenciaQuitarConIntervencionesView.as_view(item_de=views.ITEM["asistencia"]),
        name="asistencia_quitar",
    ),
    path("sesion/<int:pk>/historial/", views.HistorialView.as_view(), name="historial"),
    # an agreement is corrected by acuerdo_editar (with its version); an attendee is removed by
    # asistencia_quitar (which asks what becomes of their interventions)
    *[
        path(
            f"sesion/<int:pk>/{i.tipo}/<int:item_id>/editar/",
            views.ItemEditarView.as_view(item_de=i),
            name=f"{i.tipo}_editar",
        )
        for i in views.ITEMS
        if i.tipo != "acuerdo"
    ],
    *[
        path(
            f"sesion/<int:pk>/{i.tipo}/<int:item_id>/eliminar/",
            views.ItemEliminarView.as_view(item_de=i),
            name=f"{i.tipo}_eliminar",
        )
        for i in views.ITEMS
        if i.tipo != "asistencia"
    ],
    path(
        "sesion/<int:pk>/asistencia/anteriores/",
        views.AsistenciaAnterioresView.as_view(),
        name="asistencia_anteriores",
    ),
    path(
        "sesion/<int:pk>/acuerdo/<int:acuerdo_id>/",
        views.AcuerdoEditarView.as_view(),
        name="acuerdo_editar",
    ),
    *[path(f"sesion/<int:pk>/{v.seccion}/", v.as_view(), name=v.seccion) for v in views.SECCIONES],
    path("sesion/<int:pk>/fotos/", views.FotoSubirView.as_view(), name="foto_subir"),
    path(
        "sesion/<int:pk>/fotos/<int:foto_id>/quitar/",
        views.FotoQuitarView.as_view(),
        name="foto_quitar",
    ),
    path("<slug:slug>/", views.MesaView.as_view(), name="mesa"),
    path("<slug:slug>/calendario.ics", views.CalendarioView.as_view(), name="calendario_mesa"),
    path(
        "<slug:slug>/sesiones/<int:numero>/",
        views.SesionPublicaView.as_view(),
        name="sesion_publica",
    ),
    path(
        "<slug:slug>/sesiones/<int:numero>/tarjeta.png",
        views.SesionTarjetaView.as_view(),
        name="sesion_tarjeta",
    ),
]
