from django.urls import path

from . import views, views_documentos

app_name = "core"

urlpatterns = [
    path("panel/", views.PanelView.as_view(), name="panel"),
    path("buscar/", views.BuscarView.as_view(), name="buscar"),
    path("panel/buscar/", views.BuscarPersonalView.as_view(), name="buscar_personal"),
    path(
        "documentos/<uuid:uuid>/",
        views_documentos.DocumentoView.as_view(),
        name="documento",
    ),
    path(
        "documentos/<uuid:uuid>/descargar/",
        views_documentos.DocumentoDescargarView.as_view(),
        name="documento_descargar",
    ),
    path(
        "documentos/solicitar/<slug:tipo>/<str:clave>/",
        views_documentos.documento_solicitar_view,
        name="documento_solicitar",
    ),
]
