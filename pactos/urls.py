from django.urls import path

from .views import hoja_de_ruta as ruta
from .views import pactos as pv

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
    # Pactos and commitments: public pages
    path("", pv.pactos_publicos, name="pactos_publicos"),
    path("ver/<slug:slug>/", pv.pacto_publico, name="pacto_publico"),
    path(
        "ver/<slug:slug>/compromisos/<int:numero>/",
        pv.compromiso_publico,
        name="compromiso_publico",
    ),
    path("avances/feed/", pv.ActualizacionesFeed(), name="feed_avances"),
    # Pactos and commitments: staff
    path("gestion/", pv.pactos_gestion, name="pactos_gestion"),
    path("gestion/nuevo/", pv.pacto_crear, name="pacto_crear"),
    path("gestion/<int:pk>/", pv.pacto_gestion, name="pacto_gestion"),
    path("gestion/<int:pk>/editar/", pv.pacto_editar, name="pacto_editar"),
    path("gestion/<int:pk>/estado/", pv.pacto_estado, name="pacto_estado"),
    path("gestion/<int:pk>/firmantes/", pv.firmante_agregar, name="firmante_agregar"),
    path("gestion/<int:pk>/copia-firmada/", pv.copia_firmada, name="copia_firmada"),
    path("gestion/<int:pk>/versiones/", pv.pacto_versiones, name="pacto_versiones"),
    path("gestion/<int:pk>/historial/", pv.pacto_historial, name="pacto_historial"),
    path("gestion/<int:pk>/consolidar/", pv.consolidar, name="consolidar"),
    path("compromisos/<int:pk>/", pv.compromiso_gestion, name="compromiso_gestion"),
    path("compromisos/<int:pk>/editar/", pv.compromiso_editar, name="compromiso_editar"),
    path(
        "compromisos/<int:pk>/reorganizar/",
        pv.compromiso_reorganizar,
        name="compromiso_reorganizar",
    ),
    path("compromisos/<int:pk>/hitos/", pv.hito_agregar, name="hito_agregar"),
    path(
        "compromisos/<int:pk>/actualizar/", pv.compromiso_actualizar, name="compromiso_actualizar"
    ),
    path("compromisos/<int:pk>/evidencias/", pv.evidencia_agregar, name="evidencia_agregar"),
    path("mis-compromisos/", pv.mis_compromisos, name="mis_compromisos"),
    path("compromisos/tablero/", pv.tablero, name="tablero_compromisos"),
    path(
        "compromisos/tablero/exportar.<str:formato>",
        pv.tablero_exportar,
        name="tablero_exportar",
    ),
    path("compromisos/importar/", pv.importar_avances, name="importar_avances"),
    path("compromisos/importar/plantilla.csv", pv.plantilla_csv, name="plantilla_avances"),
]
