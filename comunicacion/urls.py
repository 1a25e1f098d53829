from django.urls import path

from . import views
from .feeds import NoticiasAtom, NoticiasFeed
from .views import consulta, suscripciones

app_name = "comunicacion"

urlpatterns = [
    # Public: news, contact, subscriptions
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
    # Public: consultations
    path("consultas/", consulta.ConsultasView.as_view(), name="consultas"),
    path("consultas/<int:pk>/", consulta.ConsultaView.as_view(), name="consulta"),
    path("consultas/<int:pk>/comentar/", consulta.ComentarView.as_view(), name="comentar"),
    path(
        "consultas/<int:pk>/comentario-enviado/",
        consulta.ComentarioEnviadoView.as_view(),
        name="comentario_enviado",
    ),
    path("consultas/<int:pk>/rss/", consulta.ComentariosFeed(), name="consulta_rss"),
    path(
        "consultas/confirmar/<str:token>/",
        consulta.ComentarioConfirmarView.as_view(),
        name="comentario_confirmar",
    ),
]

# Staff: one URL per page and one per action; "<pk>/<action>/" under the page it acts on.
GESTION = {
    "noticias_gestion": ("noticias/", views.NoticiasGestionView),
    "noticia_nueva": ("noticias/nueva/", views.NoticiaCrearView),
    "noticia_gestion": ("noticias/<int:pk>/", views.NoticiaGestionView),
    "noticia_editar": ("noticias/<int:pk>/editar/", views.NoticiaEditarView),
    "noticia_publicar": ("noticias/<int:pk>/publicar/", views.NoticiaPublicarView),
    "noticia_retirar": ("noticias/<int:pk>/retirar/", views.NoticiaRetirarView),
    "plan": ("plan/", views.PlanView),
    "accion_nueva": ("plan/nueva/", views.AccionCrearView),
    "accion_editar": ("plan/<int:pk>/", views.AccionEditarView),
    "accion_estado": ("plan/<int:pk>/estado/", views.AccionEstadoView),
    "bandeja": ("mensajes/", views.BandejaView),
    "mensaje": ("mensajes/<int:pk>/", views.MensajeView),
    "mensaje_asignar": ("mensajes/<int:pk>/asignar/", views.MensajeAsignarView),
    "mensaje_anotar": ("mensajes/<int:pk>/nota/", views.MensajeAnotarView),
    "mensaje_plazo": ("mensajes/<int:pk>/plazo/", views.MensajePlazoView),
    "mensaje_cerrar": ("mensajes/<int:pk>/cerrar/", views.MensajeCerrarView),
    "mensaje_publicacion": ("mensajes/<int:pk>/publicacion/", views.MensajePublicacionView),
    "suscripciones_gestion": ("suscripciones/", suscripciones.SuscripcionesGestionView),
    "consultas_gestion": ("consultas/", consulta.ConsultasGestionView),
    "consulta_abrir": ("consultas/abrir/", consulta.ConsultaAbrirView),
    "consulta_moderar": ("consultas/<int:pk>/", consulta.ConsultaModerarView),
    "consulta_responder": ("consultas/<int:pk>/responder/", consulta.RespuestaOficialView),
    "consulta_cerrar": ("consultas/<int:pk>/cerrar/", consulta.ConsultaCerrarView),
    "comentario_ocultar": ("comentarios/<int:pk>/ocultar/", consulta.ComentarioOcultarView),
    "comentario_restaurar": ("comentarios/<int:pk>/restaurar/", consulta.ComentarioRestaurarView),
}

urlpatterns += [
    path(f"gestion/{ruta}", vista.as_view(), name=nombre)
    for nombre, (ruta, vista) in GESTION.items()
]
