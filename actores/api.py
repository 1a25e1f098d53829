"""Open data: the organisations that agreed to appear. No personal data, ever."""

from rest_framework import serializers, viewsets

from .selectors import organizaciones_publicas


# An organisation as the open data names it (also the signatories and partners of pactos). A
# comment, not a docstring: the schema would show it as the description of every subclass.
class OrganizacionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nombre = serializers.CharField()
    siglas = serializers.CharField()


class ActorPublicoSerializer(OrganizacionSerializer):
    tipo = serializers.CharField()
    tipo_nombre = serializers.CharField(source="get_tipo_display")
    ambito = serializers.CharField()
    canton = serializers.CharField(source="canton.codigo", allow_null=True, read_only=True)
    ejes = serializers.SerializerMethodField()
    sectores = serializers.SerializerMethodField()
    sitio_web = serializers.CharField()

    def get_ejes(self, actor) -> list[str]:
        return [e.codigo for e in actor.ejes.all()]

    def get_sectores(self, actor) -> list[str]:
        return [s.slug for s in actor.sectores.all()]


class ActorPublicoViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations taking part in the pactos that agreed to appear publicly (never people)."""

    serializer_class = ActorPublicoSerializer

    def get_queryset(self):
        parametros = self.request.query_params
        return organizaciones_publicas(
            canton=parametros.get("canton", ""),
            campo_canton="codigo",
            tipo=parametros.get("tipo", ""),
        )
