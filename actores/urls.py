from django.urls import path

from . import views

app_name = "actores"

urlpatterns = [
    path("", views.ActorListaView.as_view(), name="lista"),
    path("participantes/", views.ParticipantesView.as_view(), name="participantes"),
    path("nuevo/", views.ActorCrearView.as_view(), name="crear"),
    path("mapa/", views.MapaView.as_view(), name="mapa"),
    path("red/", views.RedView.as_view(), name="red"),
    path("exportar/<str:formato>/", views.ExportarView.as_view(), name="exportar"),
    path("importar/", views.ImportarView.as_view(), name="importar"),
    path("importar/plantilla.csv", views.PlantillaView.as_view(), name="plantilla"),
    path(
        "importar/<int:pk>/aplicar/",
        views.ImportacionAplicarView.as_view(),
        name="importar_aplicar",
    ),
    path("duplicados/", views.DuplicadosView.as_view(), name="duplicados"),
    path("asignaciones/", views.AsignacionesView.as_view(), name="asignaciones"),
    path("fusionar/", views.FusionarView.as_view(), name="fusionar"),
    path(
        "relaciones/<int:pk>/eliminar/",
        views.RelacionEliminarView.as_view(),
        name="relacion_eliminar",
    ),
    path("<int:pk>/", views.ActorDetalleView.as_view(), name="detalle"),
    path("<int:pk>/editar/", views.ActorEditarView.as_view(), name="editar"),
    path("<int:pk>/posicion/", views.PosicionCambiarView.as_view(), name="posicion"),
    path("<int:pk>/relaciones/nueva/", views.RelacionCrearView.as_view(), name="relacion_crear"),
    path("<int:pk>/membresias/nueva/", views.MembresiaCrearView.as_view(), name="membresia_crear"),
]
