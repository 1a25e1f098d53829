"""Open data of Comunicación: published news (never drafts, never authors' or citizens' personal
data) and published comments of the public consultations (never e-mail addresses or names, never
pending or hidden comments), each with its official answer."""

from django import forms
from django.core.exceptions import ValidationError as ErrorDeDjango
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from core.api import SerializadorDeModelo
from core.enlaces import url_absoluta

from .models import Comentario, Noticia
from .selectors import noticias_publicas
from .selectors.consulta import comentarios_publicados


class NoticiaSerializer(SerializadorDeModelo):
    ejes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="codigo")
    cantones = serializers.SlugRelatedField(many=True, read_only=True, slug_field="nombre")
    cuerpo_html = serializers.SerializerMethodField()
    imagen = serializers.SerializerMethodField()

    class Meta:
        model = Noticia
        fields = [
            "slug",
            "titulo",
            "resumen",
            "cuerpo",
            "cuerpo_html",
            "imagen",
            "imagen_alt",
            "ejes",
            "cantones",
            "publicada_en",
            "url",
        ]

    def get_cuerpo_html(self, noticia) -> str:
        return str(noticia.cuerpo_html)

    def get_imagen(self, noticia) -> str | None:
        return url_absoluta(noticia.imagen.url) if noticia.imagen else None


class NoticiaViewSet(viewsets.ReadOnlyModelViewSet):
    """Published news of the programme; filter with ?eje=turismo and ?canton=<canton slug>."""

    serializer_class = NoticiaSerializer
    lookup_field = "slug"

    def get_queryset(self):
        params = self.request.query_params
        return noticias_publicas(eje=params.get("eje", ""), canton=params.get("canton", ""))


# --- Public consultation ---------------------------------------------------------------------


class ComentarioConsultaSerializer(SerializadorDeModelo):
    consulta = serializers.IntegerField(source="consulta_id", read_only=True)
    pacto = serializers.CharField(source="consulta.version.pacto.slug", read_only=True)
    version = serializers.IntegerField(source="consulta.version.numero", read_only=True)
    compromiso = serializers.CharField(source="compromiso_etiqueta", read_only=True)
    canton = serializers.CharField(
        source="canton.nombre", read_only=True, default=None, allow_null=True
    )
    sector = serializers.CharField(
        source="sector.nombre", read_only=True, default=None, allow_null=True
    )
    respuesta = serializers.SerializerMethodField()

    class Meta:
        model = Comentario
        fields = [
            "id",
            "consulta",
            "pacto",
            "version",
            "destino",
            "seccion",
            "compromiso",
            "tipo",
            "texto",
            "canton",
            "sector",
            "publicado_en",
            "respuesta",
            "url",
        ]

    def get_respuesta(self, comentario) -> dict | None:
        respuesta = comentario.respuesta
        if respuesta is None:
            return None
        return {
            "texto": respuesta.texto,
            "decision": respuesta.decision,
            "fecha": respuesta.creada,
        }


# The largest id of a PostgreSQL integer column: a bigger number names no consultation.
MAYOR_ID = 2**31 - 1


@extend_schema(
    parameters=[
        OpenApiParameter(
            "consulta",
            OpenApiTypes.INT,
            description="Id de la consulta; solo sus comentarios publicados.",
        )
    ]
)
class ComentarioConsultaViewSet(viewsets.ReadOnlyModelViewSet):
    """Published comments of the public consultations; filter with ?consulta=<id>."""

    serializer_class = ComentarioConsultaSerializer

    def _consulta(self) -> int | None:
        valor = self.request.query_params.get("consulta", "")
        if not valor:
            return None
        mensaje = _("La consulta se indica con su número (un entero positivo).")
        campo = forms.IntegerField(
            min_value=1, error_messages={"invalid": mensaje, "min_value": mensaje}
        )
        try:
            consulta = campo.clean(valor)
        except ErrorDeDjango:
            raise ValidationError({"consulta": [mensaje]}) from None
        return consulta

    def get_queryset(self):
        consulta = self._consulta()
        if consulta is not None and consulta > MAYOR_ID:
            return Comentario.objects.none()
        return comentarios_publicados(consulta=consulta)
