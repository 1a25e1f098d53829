"""Open data: the organisations that agreed to appear. No personal data, ever."""

from rest_framework import serializers, viewsets

from .selectors import organizaciones_publicas


class ActorPublicoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nombre = serializers.CharField()
    siglas = serializers.CharField()
    tipo = serializers.CharField()
    tipo_nombre = serializers.CharField(source="get_tipo_display")
    ambito = serializers.CharField()
    canton = serializers.SerializerMethodField()
    ejes = serializers.SerializerMethodField()
    sectores = serializers.SerializerMethodField()
    sitio_web = serializers.CharField()

    def get_canton(self, actor) -> str | None:
        return actor.canton.codigo if actor.canton_id else None

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
