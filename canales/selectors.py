"""Reads of canales: the conversation of a person or of an object, and the monthly counters."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from .models import MensajeCanal


def mensajes() -> QuerySet[MensajeCanal]:
    return MensajeCanal.objects.select_related("actor", "respuesta_a", "enviado_por")


def conversacion_de_actor(actor) -> QuerySet[MensajeCanal]:
    return mensajes().filter(actor=actor)


def conversacion_de(objetos) -> QuerySet[MensajeCanal]:
    """Messages about these objects (one model), with the answers they received."""
    objetos = list(objetos)
    if not objetos:
        return MensajeCanal.objects.none()
    tipo = ContentType.objects.get_for_model(objetos[0])
    ids = [o.pk for o in objetos]
    sobre = Q(contenido_tipo=tipo, objeto_id__in=ids)
    return mensajes().filter(
        sobre | Q(respuesta_a__contenido_tipo=tipo, respuesta_a__objeto_id__in=ids)
    )


def consumo_mensual(meses: int = 12) -> list[dict]:
    """Per month and gateway: messages sent, segments, cost; received messages."""
    filas = (
        MensajeCanal.objects.annotate(mes=TruncMonth("creado_en"))
        .values("mes", "canal", "pasarela")
        .annotate(
            enviados=Count(
                "pk",
                filter=Q(direccion=MensajeCanal.Direccion.SALIENTE, enviado_en__isnull=False),
            ),
            segmentos=Sum(
                "segmentos",
                filter=Q(direccion=MensajeCanal.Direccion.SALIENTE, enviado_en__isnull=False),
            ),
            recibidos=Count("pk", filter=Q(direccion=MensajeCanal.Direccion.ENTRANTE)),
            costo=Sum("costo"),
        )
        .order_by("-mes", "canal", "pasarela")
    )
    return [f for f in filas if f["enviados"] or f["recibidos"]][: meses * 4]
