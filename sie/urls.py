from django.urls import path

from . import views, views_gestion, views_indicadores

app_name = "sie"

urlpatterns = [
    path("cantones/", views.CantonListView.as_view(), name="cantones"),
    path("cantones/<str:codigo>/", views.CantonDetailView.as_view(), name="canton"),
    # Indicators, measurements and open data (public: published values only)
    path("indicadores/", views_indicadores.IndicadoresView.as_view(), name="indicadores"),
    path("indicadores/<str:codigo>/", views_indicadores.IndicadorView.as_view(), name="indicador"),
    path("mapa/", views_indicadores.MapaView.as_view(), name="mapa"),
    path("datos/", views_indicadores.DatosAbiertosView.as_view(), name="datos"),
    path(
        "datos/mediciones.<str:formato>",
        views_indicadores.descarga_mediciones,
        name="descarga",
    ),
    path("datos/diccionario.csv", views_indicadores.descarga_diccionario, name="diccionario"),
    # Staff: the SIE analysts' desk
    path("gestion/", views_gestion.GestionView.as_view(), name="gestion"),
    path("gestion/acciones/", views_gestion.AccionMasivaView.as_view(), name="acciones"),
    path("gestion/mediciones/<int:pk>/", views_gestion.MedicionView.as_view(), name="medicion"),
    path("gestion/captura/", views_gestion.CapturaView.as_view(), name="captura"),
    path("gestion/importar/", views_gestion.ImportarView.as_view(), name="importar"),
    path(
        "gestion/plantilla/<str:codigo>.<str:formato>",
        views_gestion.PlantillaView.as_view(),
        name="plantilla",
    ),
    path("gestion/metas/", views_gestion.MetasView.as_view(), name="metas"),
    path("gestion/metas/nueva/", views_gestion.MetaEditarView.as_view(), name="meta_nueva"),
    path("gestion/metas/<int:pk>/", views_gestion.MetaEditarView.as_view(), name="meta_editar"),
    path(
        "gestion/indicadores/<str:codigo>/",
        views_gestion.IndicadorEditarView.as_view(),
        name="indicador_editar",
    ),
]
