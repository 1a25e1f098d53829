from django.urls import path

from . import views

app_name = "datos"

urlpatterns = [
    path("", views.InicioView.as_view(), name="inicio"),
    path("catalogo.jsonld", views.CatalogoView.as_view(), name="catalogo"),
    path("pactos-pichincha-datos-abiertos.zip", views.PaqueteView.as_view(), name="paquete"),
    path("<slug:recurso>.csv", views.ArchivoView.as_view(), name="archivo"),
]
