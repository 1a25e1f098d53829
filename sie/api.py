from rest_framework import serializers, viewsets

from .selectors import cantones_publicos


class CantonSerializer(serializers.Serializer):
    codigo = serializers.CharField()
    nombre = serializers.CharField()
    cabecera = serializers.CharField()
    poblacion = serializers.IntegerField(allow_null=True)
    poblacion_anio = serializers.IntegerField(allow_null=True)
    poblacion_fuente = serializers.CharField()
    superficie_km2 = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)
    parroquias = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_parroquias(self, canton) -> list[str]:
        return [p.nombre for p in canton.parroquias.all()]

    def get_url(self, canton) -> str:
        request = self.context.get("request")
        url = canton.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class CantonViewSet(viewsets.ReadOnlyModelViewSet):
    """The 8 cantons of Pichincha with their seat, population (with year and source) and parishes."""

    serializer_class = CantonSerializer
    lookup_field = "codigo"
    lookup_value_regex = r"[0-9]{4}"
    pagination_class = None

    def get_queryset(self):
        return cantones_publicos()
