from django.urls import path

from .views import carga, gestion, indicadores, publico

app_name = "sie"

urlpatterns = [
    path("cantones/", publico.CantonListaView.as_view(), name="cantones"),
    path("cantones/<str:codigo>/", publico.CantonDetalleView.as_view(), name="canton"),
    # Indicators, measurements and open data (public: published values only)
    path("indicadores/", indicadores.IndicadoresView.as_view(), name="indicadores"),
    path("indicadores/<str:codigo>/", indicadores.IndicadorView.as_view(), name="indicador"),
    path("mapa/", indicadores.MapaView.as_view(), name="mapa"),
    path("datos/", indicadores.DatosAbiertosView.as_view(), name="datos"),
    path(
        "datos/mediciones.<str:formato>",
        indicadores.DescargaMedicionesView.as_view(),
        name="descarga",
    ),
    path(
        "datos/diccionario.csv", indicadores.DescargaDiccionarioView.as_view(), name="diccionario"
    ),
    # Staff: the SIE analysts' desk, one view per action
    path("gestion/", gestion.GestionView.as_view(), name="gestion"),
    path("gestion/validar/", gestion.ValidarSeleccionView.as_view(), name="validar_seleccion"),
    path("gestion/publicar/", gestion.PublicarSeleccionView.as_view(), name="publicar_seleccion"),
    path("gestion/mediciones/<int:pk>/", gestion.MedicionView.as_view(), name="medicion"),
    path(
        "gestion/mediciones/<int:pk>/corregir/",
        gestion.MedicionCorregirView.as_view(),
        name="medicion_corregir",
    ),
    path(
        "gestion/mediciones/<int:pk>/validar/",
        gestion.MedicionValidarView.as_view(),
        name="medicion_validar",
    ),
    path(
        "gestion/mediciones/<int:pk>/publicar/",
        gestion.MedicionPublicarView.as_view(),
        name="medicion_publicar",
    ),
    path(
        "gestion/mediciones/<int:pk>/retirar/",
        gestion.MedicionRetirarView.as_view(),
        name="medicion_retirar",
    ),
    path("gestion/captura/", carga.CapturaView.as_view(), name="captura"),
    path("gestion/importar/", carga.ImportarView.as_view(), name="importar"),
    path(
        "gestion/importar/confirmar/",
        carga.ImportarConfirmarView.as_view(),
        name="importar_confirmar",
    ),
    path(
        "gestion/plantilla/<str:codigo>.<str:formato>",
        carga.PlantillaView.as_view(),
        name="plantilla",
    ),
    path("gestion/metas/", gestion.MetasView.as_view(), name="metas"),
    path("gestion/metas/nueva/", gestion.MetaEditarView.as_view(), name="meta_nueva"),
    path("gestion/metas/<int:pk>/", gestion.MetaEditarView.as_view(), name="meta_editar"),
    path(
        "gestion/indicadores/<str:codigo>/",
        gestion.IndicadorEditarView.as_view(),
        name="indicador_editar",
    ),
]
