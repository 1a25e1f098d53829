"""Open data: published news only (never drafts, never authors' or citizens' personal data)."""

from rest_framework import serializers, viewsets

from core.enlaces import url_absoluta

from .models import Noticia
from .selectors import noticias_publicas


class NoticiaSerializer(serializers.ModelSerializer):
    ejes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="codigo")
    cantones = serializers.SlugRelatedField(many=True, read_only=True, slug_field="nombre")
    cuerpo_html = serializers.SerializerMethodField()
    imagen = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

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

    def get_url(self, noticia) -> str:
        return url_absoluta(noticia.get_absolute_url())


class NoticiaViewSet(viewsets.ReadOnlyModelViewSet):
    """Published news of the programme; filter with ?eje=turismo and ?canton=<canton slug>."""

    serializer_class = NoticiaSerializer
    lookup_field = "slug"

    def get_queryset(self):
        params = self.request.query_params
        return noticias_publicas(eje=params.get("eje", ""), canton=params.get("canton", ""))
