from django.urls import path

from .views import hoja_de_ruta as ruta

app_name = "pactos"

urlpatterns = [
    # Hoja de ruta (roadmap), for the programme's staff
    path("hoja-de-ruta/", ruta.HojaDeRutaListaView.as_view(), name="hoja_de_ruta"),
    path("hoja-de-ruta/linea-de-tiempo/", ruta.LineaDeTiempoView.as_view(), name="linea_de_tiempo"),
    path("hoja-de-ruta/tablero/", ruta.TableroView.as_view(), name="tablero"),
    path("hoja-de-ruta/panel/", ruta.PanelProgramaView.as_view(), name="panel_programa"),
    path(
        "hoja-de-ruta/progreso-productos/",
        ruta.ProgresoProductosView.as_view(),
        name="progreso_productos",
    ),
    path(
        "hoja-de-ruta/actividades/nueva/",
        ruta.ActividadPlanView.as_view(),
        name="actividad_crear",
    ),
    path(
        "hoja-de-ruta/actividades/<int:pk>/",
        ruta.ActividadDetalleView.as_view(),
        name="actividad",
    ),
    path(
        "hoja-de-ruta/actividades/<int:pk>/plan/",
        ruta.ActividadPlanView.as_view(),
        name="actividad_plan",
    ),
    path(
        "hoja-de-ruta/actividades/<int:pk>/estado/",
        ruta.actividad_estado,
        name="actividad_estado",
    ),
    path("hoja-de-ruta/informes/", ruta.InformesView.as_view(), name="informes"),
    path("hoja-de-ruta/informes/datos.xlsx", ruta.InformeXlsxView.as_view(), name="informe_xlsx"),
]
