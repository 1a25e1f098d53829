from django.db.models import QuerySet

from .models import Canton


def cantones_publicos() -> QuerySet[Canton]:
    return Canton.objects.prefetch_related("parroquias", "sectores").order_by("codigo")
