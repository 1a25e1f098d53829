"""Open data: published events with their programme and speakers; never guests or their data."""

import django_filters
from rest_framework import serializers, viewsets

from core.api import SerializadorDeModelo
from core.enlaces import url_absoluta, url_de

from .models import Evento, Ponente, Sesion
from .selectors import eventos_con_programa


class PonenteSerializer(serializers.ModelSerializer):
    """A speaker from the actor map without consent to be named appears only by organisation."""

    nombre = serializers.CharField(source="nombre_en_publico")
    cargo = serializers.SerializerMethodField()
    bio = serializers.SerializerMethodField()
    foto = serializers.SerializerMethodField()

    class Meta:
        model = Ponente
        fields = ["id", "nombre", "cargo", "organizacion", "bio", "foto"]

    def get_cargo(self, ponente) -> str:
        return ponente.cargo if ponente.se_nombra else ""

    def get_bio(self, ponente) -> str:
        return ponente.bio if ponente.se_nombra else ""

    def get_foto(self, ponente) -> str | None:
        if not ponente.foto or not ponente.se_nombra:
            return None
        return url_absoluta(ponente.foto.url)


class SesionEventoSerializer(serializers.ModelSerializer):
    ponentes = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="nombre_en_publico"
    )
    moderadores = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="nombre_en_publico"
    )

    class Meta:
        model = Sesion
        fields = ["titulo", "descripcion", "inicio", "fin", "sala", "ponentes", "moderadores"]


class EventoSerializer(SerializadorDeModelo):
    parroquia = serializers.CharField(source="parroquia.nombre", default=None, allow_null=True)
    canton = serializers.CharField(source="parroquia.canton.nombre", default=None, allow_null=True)
    aliados = serializers.SlugRelatedField(many=True, read_only=True, slug_field="nombre")
    sesiones = SesionEventoSerializer(many=True, read_only=True)
    ponentes = PonenteSerializer(many=True, read_only=True)
    ics = serializers.SerializerMethodField()

    class Meta:
        model = Evento
        fields = [
            "slug",
            "titulo",
            "tipo",
            "estado",
            "resumen",
            "descripcion",
            "inicio",
            "fin",
            "modalidad",
            "lugar",
            "direccion",
            "parroquia",
            "canton",
            "institucion_organizadora",
            "aliados",
            "acceso",
            "sesiones",
            "ponentes",
            "url",
            "ics",
        ]

    def get_ics(self, evento) -> str:
        return url_de("eventos:ics", slug=evento.slug)


class EventoFilter(django_filters.FilterSet):
    desde = django_filters.DateFilter(field_name="inicio", lookup_expr="date__gte")
    hasta = django_filters.DateFilter(field_name="inicio", lookup_expr="date__lte")

    class Meta:
        model = Evento
        fields = ["tipo", "estado", "desde", "hasta"]


class EventoViewSet(viewsets.ReadOnlyModelViewSet):
    """Published events of the programme with their programme and speakers (no guest data)."""

    serializer_class = EventoSerializer
    filterset_class = EventoFilter
    lookup_field = "slug"

    def get_queryset(self):
        return eventos_con_programa().order_by("-inicio")
