"""Open data: published comments of the public consultations (never e-mail addresses or names,
never pending or hidden comments), each with its official answer."""

from rest_framework import serializers, viewsets

from .models import Comentario
from .selectors.consulta import comentarios_publicados


class ComentarioConsultaSerializer(serializers.ModelSerializer):
    consulta = serializers.IntegerField(source="consulta_id", read_only=True)
    pacto = serializers.CharField(source="consulta.version.pacto.slug", read_only=True)
    version = serializers.IntegerField(source="consulta.version.numero", read_only=True)
    compromiso = serializers.CharField(source="compromiso_etiqueta", read_only=True)
    canton = serializers.CharField(source="canton.nombre", read_only=True, default=None)
    sector = serializers.CharField(source="sector.nombre", read_only=True, default=None)
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
        request = self.context.get("request")
        url = comentario.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class ComentarioConsultaViewSet(viewsets.ReadOnlyModelViewSet):
    """Published comments of the public consultations; filter with ?consulta=<id>."""

    serializer_class = ComentarioConsultaSerializer

    def get_queryset(self):
        consulta = self.request.query_params.get("consulta", "")
        return comentarios_publicados(consulta=int(consulta) if consulta.isdigit() else None)
