"""Open data of pactos and commitments: published pactos only, no personal data."""

from django.db.models import Avg, Count, Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from actores.api import OrganizacionSerializer
from actores.models import Actor
from actores.selectors import actores_para_publicar, nombre_publico
from core.api import Paginacion as PaginacionPortal
from core.api import UrlAbsoluta

from .models.pactos import Compromiso
from .selectors.pactos import (
    compromisos_publicados,
    origenes_de_fuente_publicada,
    pactos_publicados,
)


class Paginacion(PaginacionPortal):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class ResponsableSerializer(OrganizacionSerializer):
    """An organisation, or a person by their public name (then without id or acronym)."""

    id = serializers.IntegerField(allow_null=True)


class FirmanteSerializer(serializers.Serializer):
    organizacion = OrganizacionSerializer()
    fecha = serializers.DateField()


class PactoSerializer(serializers.Serializer):
    slug = serializers.CharField()
    titulo = serializers.CharField()
    eje = serializers.CharField(source="eje.codigo")
    alcance = serializers.CharField()
    canton = serializers.CharField(source="canton.codigo", allow_null=True, default=None)
    sector = serializers.CharField(source="sector.slug", allow_null=True, default=None)
    estado = serializers.CharField()
    version = serializers.IntegerField()
    fecha_firma = serializers.DateField(allow_null=True)
    publicado_en = serializers.DateTimeField()
    total_compromisos = serializers.IntegerField()
    avance_medio = serializers.SerializerMethodField()
    firmantes = FirmanteSerializer(many=True)
    url = UrlAbsoluta(source="get_public_url")

    def get_avance_medio(self, pacto) -> int:
        return round(pacto.avance_medio or 0)


class PactoViewSet(viewsets.ReadOnlyModelViewSet):
    """Published pactos with their signatory organisations and average progress."""

    serializer_class = PactoSerializer
    lookup_field = "slug"
    pagination_class = Paginacion

    def get_queryset(self):
        return (
            pactos_publicados()
            .annotate(
                total_compromisos=Count("compromisos", distinct=True),
                avance_medio=Avg("compromisos__avance"),
            )
            .prefetch_related("firmantes__organizacion")
            .order_by("pk")
        )


class CompromisoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    pacto = serializers.CharField(source="pacto.slug")
    numero = serializers.IntegerField()
    titulo = serializers.CharField()
    texto = serializers.CharField()
    estado = serializers.CharField()
    motivo_estado = serializers.CharField()
    avance = serializers.IntegerField()
    plazo = serializers.DateField(allow_null=True)
    presupuesto = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    resultado_esperado = serializers.CharField()
    linea_base = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    meta = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    unidad_meta = serializers.CharField()
    indicador = serializers.CharField(source="indicador.codigo", allow_null=True, default=None)
    responsable = serializers.SerializerMethodField()
    socios = OrganizacionSerializer(many=True)
    ultima_actualizacion = serializers.DateTimeField(allow_null=True)
    rastro = serializers.SerializerMethodField()
    url = UrlAbsoluta(source="get_public_url")

    @extend_schema_field(ResponsableSerializer(allow_null=True))
    def get_responsable(self, compromiso) -> dict | None:
        """The lead; a person only by their public name (actores.selectors.nombre_publico)."""
        lider = compromiso.lider
        if lider is None:
            return None
        organizacion = lider.naturaleza == Actor.Naturaleza.ORGANIZACION
        return {
            "id": lider.pk if organizacion else None,
            "nombre": nombre_publico(actor=lider),
            "siglas": lider.siglas if organizacion else "",
        }

    def get_rastro(self, compromiso) -> list[dict]:
        return [
            {
                "acuerdo": o.acuerdo_id,
                "sesion": o.acuerdo.sesion_id,
                "mesa": o.acuerdo.sesion.mesa.slug,
            }
            for o in compromiso.origenes.all()
        ]


class CompromisoViewSet(viewsets.ReadOnlyModelViewSet):
    """Commitments of published pactos: state, progress, responsible organisations, trail ids."""

    serializer_class = CompromisoSerializer
    pagination_class = Paginacion

    def get_queryset(self):
        qs = (
            compromisos_publicados()
            .select_related("pacto", "indicador")
            .prefetch_related(
                Prefetch("lider", queryset=actores_para_publicar()),
                Prefetch("socios", queryset=Actor.objects.filter(naturaleza="organizacion")),
                Prefetch(
                    "origenes",
                    # The trail names only agreements of sessions whose acta is published.
                    queryset=origenes_de_fuente_publicada().select_related("acuerdo__sesion__mesa"),
                ),
            )
            .order_by("pacto_id", "numero")
        )
        params = self.request.query_params
        if params.get("pacto"):
            qs = qs.filter(pacto__slug=params["pacto"])
        if params.get("estado") in Compromiso.Estado.values:
            qs = qs.filter(estado=params["estado"])
        return qs
