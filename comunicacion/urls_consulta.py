"""URLs of the public consultation, included by comunicacion/urls.py (same app namespace)."""

from django.urls import path

from .views import consulta as vistas

urlpatterns = [
    # Public
    path("consultas/", vistas.ConsultasView.as_view(), name="consultas"),
    path("consultas/<int:pk>/", vistas.ConsultaView.as_view(), name="consulta"),
    path("consultas/<int:pk>/comentar/", vistas.ComentarView.as_view(), name="comentar"),
    path(
        "consultas/<int:pk>/comentario-enviado/",
        vistas.ComentarioEnviadoView.as_view(),
        name="comentario_enviado",
    ),
    path("consultas/<int:pk>/rss/", vistas.ComentariosFeed(), name="consulta_rss"),
    path(
        "consultas/confirmar/<str:token>/",
        vistas.ComentarioConfirmarView.as_view(),
        name="comentario_confirmar",
    ),
    # Staff
    path("gestion/consultas/", vistas.ConsultasGestionView.as_view(), name="consultas_gestion"),
    path("gestion/consultas/abrir/", vistas.ConsultaAbrirView.as_view(), name="consulta_abrir"),
    path(
        "gestion/consultas/<int:pk>/",
        vistas.ConsultaModerarView.as_view(),
        name="consulta_moderar",
    ),
    path(
        "gestion/consultas/<int:pk>/responder/",
        vistas.RespuestaOficialView.as_view(),
        name="consulta_responder",
    ),
    path(
        "gestion/consultas/<int:pk>/cerrar/",
        vistas.ConsultaCerrarView.as_view(),
        name="consulta_cerrar",
    ),
    path(
        "gestion/comentarios/<int:pk>/ocultar/",
        vistas.ComentarioOcultarView.as_view(),
        name="comentario_ocultar",
    ),
    path(
        "gestion/comentarios/<int:pk>/restaurar/",
        vistas.ComentarioRestaurarView.as_view(),
        name="comentario_restaurar",
    ),
]
