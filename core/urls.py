from django.urls import path

from . import views, views_documentos

app_name = "core"

urlpatterns = [
    path("panel/", views.PanelView.as_view(), name="panel"),
    path("accesibilidad/", views.AccesibilidadView.as_view(), name="accesibilidad"),
    path("privacidad/", views.PrivacidadView.as_view(), name="privacidad"),
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
