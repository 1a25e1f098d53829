from django.urls import path

from . import urls_consulta, views
from .feeds import NoticiasAtom, NoticiasFeed
from .views import suscripciones

app_name = "comunicacion"

urlpatterns = [
    # Public
    path("noticias/", views.NoticiasView.as_view(), name="noticias"),
    path("noticias/rss/", NoticiasFeed(), name="noticias_rss"),
    path("noticias/atom/", NoticiasAtom(), name="noticias_atom"),
    path("noticias/<slug:slug>/", views.NoticiaView.as_view(), name="noticia"),
    path("contacto/", views.ContactoView.as_view(), name="contacto"),
    path("respuestas/", views.RespuestasView.as_view(), name="respuestas"),
    path("contacto/gracias/", views.ContactoGraciasView.as_view(), name="contacto_gracias"),
    path("seguimiento/", views.SeguimientoView.as_view(), name="seguimiento"),
    path("suscripciones/", suscripciones.SuscripcionView.as_view(), name="suscripcion"),
    path(
        "suscripciones/enviada/",
        suscripciones.SuscripcionEnviadaView.as_view(),
        name="suscripcion_enviada",
    ),
    path(
        "suscripciones/confirmar/<str:token>/",
        suscripciones.ConfirmarView.as_view(),
        name="suscripcion_confirmar",
    ),
    path(
        "suscripciones/baja/<str:token>/",
        suscripciones.BajaView.as_view(),
        name="suscripcion_baja",
    ),
    # Staff
    path("gestion/noticias/", views.NoticiasGestionView.as_view(), name="noticias_gestion"),
    path("gestion/noticias/nueva/", views.NoticiaFormView.as_view(), name="noticia_nueva"),
    path("gestion/noticias/<int:pk>/", views.NoticiaGestionView.as_view(), name="noticia_gestion"),
    path(
        "gestion/noticias/<int:pk>/editar/", views.NoticiaFormView.as_view(), name="noticia_editar"
    ),
    path(
        "gestion/noticias/<int:pk>/estado/",
        views.NoticiaEstadoView.as_view(),
        name="noticia_estado",
    ),
    path("gestion/plan/", views.PlanView.as_view(), name="plan"),
    path("gestion/plan/nueva/", views.AccionFormView.as_view(), name="accion_nueva"),
    path("gestion/plan/<int:pk>/", views.AccionFormView.as_view(), name="accion_editar"),
    path("gestion/plan/<int:pk>/estado/", views.AccionEstadoView.as_view(), name="accion_estado"),
    path("gestion/mensajes/", views.BandejaView.as_view(), name="bandeja"),
    path("gestion/mensajes/<int:pk>/", views.MensajeView.as_view(), name="mensaje"),
    path(
        "gestion/suscripciones/",
        suscripciones.SuscripcionesGestionView.as_view(),
        name="suscripciones_gestion",
    ),
]

# The public consultation keeps its routes in their own module.
urlpatterns += urls_consulta.urlpatterns
