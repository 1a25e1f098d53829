from django.urls import path

from . import views, views_documentos

app_name = "core"

urlpatterns = [
    path("panel/", views.PanelView.as_view(), name="panel"),
    path("buscar/", views.BuscarView.as_view(), name="buscar"),
    path("panel/buscar/", views.BuscarPersonalView.as_view(), name="buscar_personal"),
    path("panel/resumen-diario/", views.ResumenDiarioView.as_view(), name="resumen_diario"),
    path("panel/personas/", views.PersonasView.as_view(), name="personas"),
    path("panel/personas/invitar/", views.PersonaInvitarView.as_view(), name="persona_invitar"),
    path("panel/personas/<int:pk>/", views.PersonaView.as_view(), name="persona"),
    path("panel/personas/<int:pk>/roles/", views.PersonaRolesView.as_view(), name="persona_roles"),
    path(
        "panel/personas/<int:pk>/desactivar/",
        views.PersonaDesactivarView.as_view(),
        name="persona_desactivar",
    ),
    path(
        "panel/personas/<int:pk>/activar/",
        views.PersonaActivarView.as_view(),
        name="persona_activar",
    ),
    path(
        "panel/personas/<int:pk>/reinvitar/",
        views.PersonaReinvitarView.as_view(),
        name="persona_reinvitar",
    ),
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
