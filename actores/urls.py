from django.urls import path

from . import views

app_name = "actores"

urlpatterns = [
    path("", views.ActorListaView.as_view(), name="lista"),
    path("participantes/", views.ParticipanteListaView.as_view(), name="participantes"),
    path("nuevo/", views.ActorCrearView.as_view(), name="crear"),
    path("mapa/", views.ActorMapaView.as_view(), name="mapa"),
    path("red/", views.ActorRedView.as_view(), name="red"),
    path("exportar/<str:formato>/", views.ActorExportarView.as_view(), name="exportar"),
    path("importar/", views.ImportacionCrearView.as_view(), name="importar"),
    path("importar/plantilla.csv", views.ImportacionPlantillaView.as_view(), name="plantilla"),
    path(
        "importar/<int:pk>/aplicar/",
        views.ImportacionAplicarView.as_view(),
        name="importar_aplicar",
    ),
    path("duplicados/", views.ActorFusionarView.as_view(), name="duplicados"),
    path(
        "fusionar/",
        views.ActorFusionarView.as_view(http_method_names=["post"]),
        name="fusionar",
    ),
    path("asignaciones/", views.AsignacionCrearView.as_view(), name="asignaciones"),
    path(
        "asignaciones/<int:pk>/eliminar/",
        views.AsignacionEliminarView.as_view(),
        name="asignacion_eliminar",
    ),
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
