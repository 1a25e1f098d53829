"""The open-data API at /api/v1/: each app registers its read-only viewsets here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from actores.api import ActorPublicoViewSet
from comunicacion.api import ComentarioConsultaViewSet, NoticiaViewSet
from datos.views import RedocView, SwaggerView
from eventos.api import EventoViewSet
from mesas.api import MesaViewSet, SesionViewSet
from pactos.api import CompromisoViewSet, PactoViewSet
from sie.api import CantonViewSet, IndicadorViewSet, MedicionViewSet

router = DefaultRouter()
router.register("cantones", CantonViewSet, basename="canton")
router.register("mesas", MesaViewSet, basename="mesa")
router.register("sesiones", SesionViewSet, basename="sesion")
router.register("indicadores", IndicadorViewSet, basename="indicador")
router.register("mediciones", MedicionViewSet, basename="medicion")
router.register("actores", ActorPublicoViewSet, basename="actor")
router.register("pactos", PactoViewSet, basename="pacto")
router.register("compromisos", CompromisoViewSet, basename="compromiso")
router.register("eventos", EventoViewSet, basename="evento")
router.register("noticias", NoticiaViewSet, basename="noticia")
router.register("consulta-comentarios", ComentarioConsultaViewSet, basename="consulta-comentario")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI and Redoc from the portal's own static files (drf-spectacular-sidecar).
    path("docs/", SwaggerView.as_view(), name="api-docs"),
    path("redoc/", RedocView.as_view(), name="api-redoc"),
    path("", include(router.urls)),
]
