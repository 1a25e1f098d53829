from django.urls import path

from core.vistas import pagina_y_accion

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
        pagina_y_accion(ruta.ActividadDetalleView, ruta.ActividadAvanceView),
        name="actividad",
    ),
    path(
        "hoja-de-ruta/actividades/<int:pk>/plan/",
        ruta.ActividadPlanView.as_view(),
        name="actividad_plan",
    ),
    path(
        "hoja-de-ruta/actividades/<int:pk>/estado/",
        ruta.ActividadEstadoView.as_view(),
        name="actividad_estado",
    ),
    path(
        "hoja-de-ruta/informes/",
        pagina_y_accion(ruta.InformesView, ruta.InformeSolicitarView),
        name="informes",
    ),
    path("hoja-de-ruta/informes/datos.xlsx", ruta.InformeXlsxView.as_view(), name="informe_xlsx"),
    # Pactos and commitments: public pages
    path("", pv.PactosPublicosView.as_view(), name="pactos_publicos"),
    path("ver/<slug:slug>/", pv.PactoPublicoView.as_view(), name="pacto_publico"),
    path("ver/<slug:slug>/tarjeta.png", pv.PactoTarjetaView.as_view(), name="pacto_tarjeta"),
    path(
        "ver/<slug:slug>/compromisos/<int:numero>/",
        pv.CompromisoPublicoView.as_view(),
        name="compromiso_publico",
    ),
    path("avances/feed/", pv.ActualizacionesFeed(), name="feed_avances"),
    # Pactos: staff pages and one URL per action
    path("gestion/", pv.PactosGestionView.as_view(), name="pactos_gestion"),
    path("gestion/nuevo/", pv.PactoCrearView.as_view(), name="pacto_crear"),
    path("gestion/<int:pk>/", pv.PactoGestionView.as_view(), name="pacto_gestion"),
    path("gestion/<int:pk>/editar/", pv.PactoEditarView.as_view(), name="pacto_editar"),
    path("gestion/<int:pk>/estado/", pv.PactoEstadoView.as_view(), name="pacto_estado"),
    path("gestion/<int:pk>/firmantes/", pv.FirmanteAgregarView.as_view(), name="firmante_agregar"),
    path(
        "gestion/<int:pk>/firmantes/<int:firmante>/quitar/",
        pv.FirmanteQuitarView.as_view(),
        name="firmante_quitar",
    ),
    path("gestion/<int:pk>/copia-firmada/", pv.CopiaFirmadaView.as_view(), name="copia_firmada"),
    path("gestion/<int:pk>/versiones/", pv.PactoVersionesView.as_view(), name="pacto_versiones"),
    path("gestion/<int:pk>/historial/", pv.PactoHistorialView.as_view(), name="pacto_historial"),
    # Consolidation: the workspace and its actions on the ticked agreements
    path("gestion/<int:pk>/consolidar/", pv.ConsolidarView.as_view(), name="consolidar"),
    path(
        "gestion/<int:pk>/consolidar/crear/",
        pv.CompromisoConsolidarView.as_view(),
        name="compromiso_consolidar",
    ),
    path(
        "gestion/<int:pk>/consolidar/vincular/",
        pv.AcuerdosVincularView.as_view(),
        name="acuerdos_vincular",
    ),
    path(
        "gestion/<int:pk>/consolidar/descartar/",
        pv.AcuerdosDescartarView.as_view(),
        name="acuerdos_descartar",
    ),
    path(
        "gestion/<int:pk>/consolidar/recuperar/",
        pv.AcuerdosRecuperarView.as_view(),
        name="acuerdos_recuperar",
    ),
    # Commitments
    path("compromisos/<int:pk>/", pv.CompromisoGestionView.as_view(), name="compromiso_gestion"),
    path(
        "compromisos/<int:pk>/editar/", pv.CompromisoEditarView.as_view(), name="compromiso_editar"
    ),
    path(
        "compromisos/<int:pk>/fusionar/",
        pv.CompromisosFusionarView.as_view(),
        name="compromisos_fusionar",
    ),
    path(
        "compromisos/<int:pk>/dividir/",
        pv.CompromisoDividirView.as_view(),
        name="compromiso_dividir",
    ),
    path(
        "compromisos/<int:pk>/desvincular/",
        pv.AcuerdoDesvincularView.as_view(),
        name="acuerdo_desvincular",
    ),
    path(
        "compromisos/<int:pk>/eliminar/",
        pv.CompromisoEliminarView.as_view(),
        name="compromiso_eliminar",
    ),
    path("compromisos/<int:pk>/hitos/", pv.HitoAgregarView.as_view(), name="hito_agregar"),
    path(
        "compromisos/<int:pk>/pedir-avance/",
        pv.PedirAvancePorMensajeView.as_view(),
        name="pedir_avance_por_mensaje",
    ),
    path(
        "compromisos/<int:pk>/avances-por-mensaje/<int:propuesta>/confirmar/",
        pv.AvancePorMensajeConfirmarView.as_view(),
        name="avance_por_mensaje_confirmar",
    ),
    path(
        "compromisos/<int:pk>/avances-por-mensaje/<int:propuesta>/descartar/",
        pv.AvancePorMensajeDescartarView.as_view(),
        name="avance_por_mensaje_descartar",
    ),
    path(
        "compromisos/<int:pk>/actualizar/",
        pv.CompromisoActualizarView.as_view(),
        name="compromiso_actualizar",
    ),
    path(
        "compromisos/<int:pk>/evidencias/",
        pv.EvidenciaAgregarView.as_view(),
        name="evidencia_agregar",
    ),
    path("mis-compromisos/", pv.MisCompromisosView.as_view(), name="mis_compromisos"),
    path(
        "organizaciones/<int:pk>/contactos/",
        pv.ContactosOrganizacionView.as_view(),
        name="contactos_organizacion",
    ),
    path("contactos/<int:pk>/quitar/", pv.ContactoQuitarView.as_view(), name="contacto_quitar"),
    path("compromisos/tablero/", pv.TableroView.as_view(), name="tablero_compromisos"),
    path(
        "compromisos/tablero/exportar.<str:formato>",
        pv.TableroExportarView.as_view(),
        name="tablero_exportar",
    ),
    path("compromisos/importar/", pv.ImportarAvancesView.as_view(), name="importar_avances"),
    path(
        "compromisos/importar/plantilla.csv",
        pv.PlantillaAvancesView.as_view(),
        name="plantilla_avances",
    ),
]
