"""The open-data API at /api/v1/: each app registers its read-only viewsets here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from sie.api import CantonViewSet

router = DefaultRouter()
router.register("cantones", CantonViewSet, basename="canton")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
