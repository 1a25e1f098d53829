"""Reads of the subscriptions: what a digest would carry, and the staff's overview."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from pactos.selectors.pactos import actualizaciones_publicas_de_pacto

from ..models import EnvioSuscripcion, Noticia, Suscripcion

MAXIMO_POR_RESUMEN = 20


@dataclass(frozen=True)
class ItemResumen:
    clase: str
    objeto_id: int
    titulo: str
    texto: str
    ruta: str
    fecha: object


def _noticias_de(suscripcion: Suscripcion) -> QuerySet[Noticia]:
    qs = Noticia.objects.publicas().filter(publicada_en__gte=suscripcion.confirmada_en)
    tipo = suscripcion.tipo
    if tipo == Suscripcion.Tipo.CANTON:
        qs = qs.filter(cantones=suscripcion.canton_id)
    elif tipo == Suscripcion.Tipo.EJE:
        qs = qs.filter(ejes=suscripcion.eje_id)
    elif tipo == Suscripcion.Tipo.PACTO:
        qs = qs.filter(pacto_id=suscripcion.pacto_id)
    enviadas = EnvioSuscripcion.objects.filter(
        suscripcion=suscripcion, clase=EnvioSuscripcion.Clase.NOTICIA, objeto_id=OuterRef("pk")
    )
    return qs.exclude(Exists(enviadas)).distinct().order_by("publicada_en", "pk")


def items_pendientes(*, suscripcion: Suscripcion) -> list[ItemResumen]:
    """What the next digest of an active subscription carries: public items it has not had yet.

    Nothing at all for a subscription that is not confirmed or was cancelled.
    """
    if not suscripcion.activa:
        return []
    items = [
        ItemResumen(
            EnvioSuscripcion.Clase.NOTICIA,
            n.pk,
            n.titulo,
            n.resumen,
            n.get_absolute_url(),
            n.publicada_en,
        )
        for n in _noticias_de(suscripcion)[:MAXIMO_POR_RESUMEN]
    ]
    if suscripcion.tipo == Suscripcion.Tipo.PACTO:
        ya = set(
            EnvioSuscripcion.objects.filter(
                suscripcion=suscripcion, clase=EnvioSuscripcion.Clase.ACTUALIZACION
            ).values_list("objeto_id", flat=True)
        )
        for a in actualizaciones_publicas_de_pacto(
            pacto_id=suscripcion.pacto_id, desde=suscripcion.confirmada_en
        ):
            if a.pk in ya:
                continue
            compromiso = a.compromiso
            items.append(
                ItemResumen(
                    EnvioSuscripcion.Clase.ACTUALIZACION,
                    a.pk,
                    str(compromiso),
                    f"{a.get_estado_display()} · {a.avance} % — {a.texto}",
                    compromiso.get_public_url(),
                    a.fecha,
                )
            )
    return sorted(items, key=lambda i: i.fecha)[:MAXIMO_POR_RESUMEN]


def suscripciones_activas_ids() -> list[int]:
    return list(Suscripcion.objects.activas().order_by("pk").values_list("pk", flat=True))


def resumen_suscripciones() -> dict:
    """Figures for the staff: subscriptions by kind, confirmed, pending and cancelled."""
    por_tipo = dict(
        Suscripcion.objects.activas().values_list("tipo").annotate(n=Count("pk")).order_by()
    )
    totales = Suscripcion.objects.aggregate(
        activas=Count("pk", filter=Q(confirmada_en__isnull=False, baja_en__isnull=True)),
        pendientes=Count("pk", filter=Q(confirmada_en__isnull=True, baja_en__isnull=True)),
        bajas=Count("pk", filter=Q(baja_en__isnull=False)),
    )
    return {
        **totales,
        "por_tipo": [
            (etiqueta, por_tipo.get(valor, 0)) for valor, etiqueta in Suscripcion.Tipo.choices
        ],
        "envios": EnvioSuscripcion.objects.count(),
    }
