"""Reads of Comunicación: what the public sees of the news, and the staff inbox."""

from django.db.models import QuerySet

from .models import Mensaje, Noticia


def noticias_publicas(*, eje: str = "", canton: str = "") -> QuerySet[Noticia]:
    """Published news whose date has arrived, optionally by axis code and canton slug."""
    qs = Noticia.objects.publicas().prefetch_related("ejes", "cantones")
    if eje:
        qs = qs.filter(ejes__codigo=eje)
    if canton:
        qs = qs.filter(cantones__slug=canton)
    return qs.distinct().order_by("-publicada_en", "-pk")


def noticia_publica(slug: str) -> Noticia | None:
    return (
        Noticia.objects.publicas()
        .select_related("mesa", "pacto", "evento")
        .prefetch_related("ejes", "cantones")
        .filter(slug=slug)
        .first()
    )


def noticias_gestion() -> QuerySet[Noticia]:
    return Noticia.objects.select_related("autor").prefetch_related("ejes", "cantones")


def mensajes_bandeja(*, estado: str = "") -> QuerySet[Mensaje]:
    qs = Mensaje.objects.select_related("canton", "respondido_por")
    if estado:
        qs = qs.filter(estado=estado)
    return qs
