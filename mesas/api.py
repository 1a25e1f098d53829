"""Open data of the tables: tables, sessions with published actas, agreements (no personal data;
a responsable is named only with their consent, see actores.selectors.nombre_publico)."""

from rest_framework import serializers, viewsets

from actores.selectors import nombres_publicos
from core.api import SerializadorDeModelo, UrlAbsoluta
from core.enlaces import url_de

from . import selectors
from .models import Mesa


class MesaSerializer(SerializadorDeModelo):
    tipo = serializers.CharField()
    tipo_nombre = serializers.CharField(source="get_tipo_display")
    canton = serializers.SerializerMethodField()
    sector = serializers.SerializerMethodField()
    estado = serializers.CharField()
    sesiones_publicadas = serializers.IntegerField(source="n_sesiones_publicadas")

    class Meta:
        model = Mesa
        fields = [
            "slug",
            "nombre",
            "tipo",
            "tipo_nombre",
            "canton",
            "sector",
            "objetivo",
            "estado",
            "sesiones_publicadas",
            "url",
        ]

    def get_canton(self, mesa) -> str | None:
        return mesa.canton.codigo if mesa.canton_id else None

    def get_sector(self, mesa) -> str | None:
        return mesa.sector.slug if mesa.sector_id else None


class MesaViewSet(viewsets.ReadOnlyModelViewSet):
    """The 13 dialogue tables: `tipo` is `turismo` (with its canton code) or `agropecuario`
    (with its sector)."""

    serializer_class = MesaSerializer
    lookup_field = "slug"
    pagination_class = None
    filterset_fields = ["tipo"]

    def get_queryset(self):
        return selectors.mesas_publicas().order_by("orden")


class AcuerdoSerializer(serializers.Serializer):
    numero = serializers.IntegerField()
    texto = serializers.CharField()
    plazo = serializers.DateField(allow_null=True)
    resultado_esperado = serializers.CharField()
    indicador = serializers.CharField(source="indicador.codigo", allow_null=True, default=None)
    responsables = serializers.SerializerMethodField()

    def get_responsables(self, acuerdo) -> list[str]:
        representadas = self.context.get("representadas", {}).get(acuerdo.sesion_id, {})
        return nombres_publicos(actores=acuerdo.responsables.all(), organizaciones=representadas)


class SesionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    mesa = serializers.CharField(source="mesa.slug")
    mesa_nombre = serializers.CharField(source="mesa.nombre")
    numero = serializers.IntegerField()
    inicio = serializers.DateTimeField()
    modalidad = serializers.CharField()
    parroquia = serializers.CharField(source="parroquia.nombre", allow_null=True, default=None)
    participacion = serializers.SerializerMethodField()
    acuerdos = AcuerdoSerializer(many=True)
    url = UrlAbsoluta(source="get_public_url")
    acta_url = serializers.SerializerMethodField()

    def get_participacion(self, sesion) -> dict:
        return {
            "asistentes": sesion.n_asistentes,
            "organizaciones": sesion.n_organizaciones,
            "mujeres": sesion.n_mujeres,
            "hombres": sesion.n_hombres,
            "intervenciones": sesion.n_intervenciones,
        }

    def get_acta_url(self, sesion) -> str | None:
        documento = self.context["actas"].get(sesion.pk)
        if documento is None:
            return None
        return url_de("core:documento_descargar", uuid=documento.uuid)


class SesionViewSet(viewsets.ReadOnlyModelViewSet):
    """Sessions whose acta is published, with agreements, participation counts and `acta_url`."""

    serializer_class = SesionSerializer
    filterset_fields = ["mesa__slug", "numero"]

    def get_queryset(self):
        return selectors.sesiones_api()

    def get_serializer_context(self):
        contexto = super().get_serializer_context()
        contexto["actas"] = getattr(self, "_actas", {})
        contexto["representadas"] = getattr(self, "_representadas", {})
        return contexto

    def _leer_de(self, sesiones) -> None:
        self._actas = selectors.actas_publicadas(sesiones=sesiones)
        self._representadas = selectors.organizaciones_representadas(
            sesion_ids={s.pk for s in sesiones}
        )

    def paginate_queryset(self, queryset):
        pagina = super().paginate_queryset(queryset)
        self._leer_de(list(pagina if pagina is not None else queryset))
        return pagina

    def retrieve(self, request, *args, **kwargs):
        self._leer_de([self.get_object()])
        return super().retrieve(request, *args, **kwargs)
