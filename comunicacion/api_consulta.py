"""Open data: published comments of the public consultations (never e-mail addresses or names,
never pending or hidden comments), each with its official answer."""

from django import forms
from django.core.exceptions import ValidationError as ErrorDeDjango
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from core.enlaces import url_absoluta

from .models import Comentario
from .selectors.consulta import comentarios_publicados


class ComentarioConsultaSerializer(serializers.ModelSerializer):
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
    url = serializers.SerializerMethodField()

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

    def get_url(self, comentario) -> str:
        return url_absoluta(comentario.get_absolute_url())


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
