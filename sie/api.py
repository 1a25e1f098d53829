from decimal import Decimal

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.pagination import CursorPagination

from core.api import EnlacesEnPortal, UrlAbsoluta
from core.enlaces import url_absoluta

from .descargas import (
    LICENCIA_CORTA,
    codigo_territorio,
    fecha_publicacion,
    nombre_categoria,
    valor_abierto,
)
from .models import Medicion
from .selectors import (
    cantones_publicos,
    indicadores_publicos,
    mediciones_publicadas,
    series_indicador,
)


class CantonSerializer(serializers.Serializer):
    codigo = serializers.CharField()
    nombre = serializers.CharField()
    cabecera = serializers.CharField()
    poblacion = serializers.IntegerField(allow_null=True)
    poblacion_anio = serializers.IntegerField(allow_null=True)
    poblacion_fuente = serializers.CharField()
    superficie_km2 = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)
    parroquias = serializers.SerializerMethodField()
    url = UrlAbsoluta()

    def get_parroquias(self, canton) -> list[str]:
        return [p.nombre for p in canton.parroquias.all()]


class CantonViewSet(viewsets.ReadOnlyModelViewSet):
    """The 8 cantons of Pichincha with their seat, population (with year and source) and parishes."""

    serializer_class = CantonSerializer
    lookup_field = "codigo"
    lookup_value_regex = r"[0-9]{4}"
    pagination_class = None

    def get_queryset(self):
        return cantones_publicos()


# --- Indicators and published measurements (open data) ------------------------------------------


class PaginacionDatos(EnlacesEnPortal, CursorPagination):
    """Cursor pages: no COUNT and no deep OFFSET, so page 4,000 costs what page 1 costs."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = "id"


class IndicadorSerializer(serializers.Serializer):
    codigo = serializers.CharField()
    nombre = serializers.CharField()
    definicion = serializers.CharField()
    unidad = serializers.CharField()
    eje = serializers.CharField(source="eje.codigo")
    sector = serializers.CharField(source="sector.nombre", allow_null=True, default=None)
    calculo = serializers.CharField()
    numerador = serializers.CharField(source="numerador.codigo", allow_null=True, default=None)
    denominador = serializers.CharField(source="denominador.codigo", allow_null=True, default=None)
    fuente = serializers.CharField()
    periodicidad = serializers.CharField()
    nivel_territorial = serializers.CharField()
    desagregaciones = serializers.ListField(child=serializers.CharField())
    sentido = serializers.CharField()
    nota_metodologica = serializers.CharField()
    mediciones = serializers.SerializerMethodField()
    licencia = serializers.SerializerMethodField()

    def get_mediciones(self, indicador) -> str:
        return url_absoluta(f"/api/v1/mediciones/?indicador={indicador.codigo}")

    def get_licencia(self, indicador) -> str:
        return "CC BY 4.0"


class IndicadorDetalleSerializer(IndicadorSerializer):
    serie = serializers.SerializerMethodField()

    def get_serie(self, indicador) -> dict:
        """Published totals by territory: {territorio: {periodo: valor}}."""
        datos = series_indicador(indicador=indicador)
        return {"periodos": datos["periodos"], "territorios": datos["series"]}


class IndicadorViewSet(viewsets.ReadOnlyModelViewSet):
    """The SIE's indicator catalogue: definition, unit, source, periodicity and method.

    The detail adds the published series (totals by territory and period)."""

    lookup_field = "codigo"
    lookup_value_regex = r"[A-Za-z0-9\-]+"
    pagination_class = None
    filterset_fields = ["eje__codigo", "periodicidad"]

    def get_serializer_class(self):
        return IndicadorDetalleSerializer if self.action == "retrieve" else IndicadorSerializer

    def get_queryset(self):
        return indicadores_publicos()


class MedicionSerializer(serializers.Serializer):
    """A published value with the columns of the open-data download, in its order
    (sie.descargas.COLUMNAS): the API's ?format=csv and the download are the same table. JSON keeps
    true/false and numbers; the CSV writes sí/no (core.api.CSVRenderer), as the download does."""

    indicador_codigo = serializers.CharField(source="indicador.codigo")
    indicador_nombre = serializers.CharField(source="indicador.nombre")
    eje = serializers.CharField(source="indicador.eje.nombre")
    unidad = serializers.CharField(source="indicador.unidad")
    territorio_codigo = serializers.SerializerMethodField()
    territorio = serializers.CharField(source="nombre_territorio")
    periodo = serializers.CharField()
    desagregacion = serializers.CharField()
    categoria = serializers.CharField()
    valor = serializers.SerializerMethodField()
    fuente = serializers.CharField()
    fecha_dato = serializers.DateField()
    fecha_publicacion = serializers.SerializerMethodField()
    calculado = serializers.BooleanField(source="calculada")
    dato_demo = serializers.BooleanField(source="es_demo")
    licencia = serializers.SerializerMethodField()
    categoria_nombre = serializers.SerializerMethodField()

    def get_territorio_codigo(self, medicion) -> str:
        return codigo_territorio(medicion)

    def get_categoria_nombre(self, medicion) -> str:
        return nombre_categoria(medicion)

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_valor(self, medicion) -> Decimal:
        return valor_abierto(medicion.valor)

    @extend_schema_field(OpenApiTypes.DATE)
    def get_fecha_publicacion(self, medicion) -> str:
        return fecha_publicacion(medicion)

    def get_licencia(self, medicion) -> str:
        return LICENCIA_CORTA


class AnioFilter(django_filters.NumberFilter):
    """A calendar year, 1 to 9999: year 0, negative or huge years are a 400, not a 500 from the
    date the lookup builds."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        mensaje = _("El año debe ser un número entero entre 1 y 9999.")
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        kwargs.setdefault(
            "error_messages",
            {"invalid": mensaje, "min_value": mensaje, "max_value": mensaje},
        )
        super().__init__(*args, **kwargs)


class MedicionFilter(django_filters.FilterSet):
    indicador = django_filters.CharFilter(field_name="indicador__codigo", lookup_expr="iexact")
    canton = django_filters.CharFilter(field_name="canton__codigo")
    periodo = django_filters.CharFilter(field_name="periodo")
    anio = AnioFilter(field_name="fecha_periodo", lookup_expr="year")
    eje = django_filters.CharFilter(field_name="indicador__eje__codigo")
    desagregacion = django_filters.CharFilter(field_name="desagregacion")
    solo_totales = django_filters.BooleanFilter(method="filtrar_totales")

    class Meta:
        model = Medicion
        fields = ["indicador", "canton", "periodo", "anio", "eje", "desagregacion"]

    def filtrar_totales(self, queryset, name, value):
        return queryset.filter(desagregacion="") if value else queryset


class MedicionViewSet(viewsets.ReadOnlyModelViewSet):
    """Published measurements only, with unit, source and date; filters by indicator, canton,
    period and year. `?format=csv` gives CSV. Licence: CC BY 4.0."""

    serializer_class = MedicionSerializer
    pagination_class = PaginacionDatos
    filterset_class = MedicionFilter

    def get_queryset(self):
        return mediciones_publicadas().order_by("id")
