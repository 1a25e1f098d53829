"""Reads of the subscriptions: what a digest would carry, and the staff's overview."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mesas.models import Mesa, Sesion
from mesas.selectors import actas_publicadas_de_mesa, sesiones_convocadas_de_mesa
from pactos.models import Pacto
from pactos.selectors.pactos import actualizaciones_publicas_de_pacto
from sie.models import Canton

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
    elif tipo == Suscripcion.Tipo.MESA:
        qs = qs.filter(mesa_id=suscripcion.mesa_id)
    enviadas = EnvioSuscripcion.objects.filter(
        suscripcion=suscripcion, clase=EnvioSuscripcion.Clase.NOTICIA, objeto_id=OuterRef("pk")
    )
    return qs.exclude(Exists(enviadas)).distinct().order_by("publicada_en", "pk")


def _sin_enviar(suscripcion: Suscripcion, clase: str, objetos) -> list:
    """The objects of `clase` this subscription has not been sent yet, in their order."""
    ya = set(
        EnvioSuscripcion.objects.filter(suscripcion=suscripcion, clase=clase).values_list(
            "objeto_id", flat=True
        )
    )
    return [o for o in objetos if o.pk not in ya]


def _titulo_de_sesion(sesion: Sesion) -> str:
    return _("%(mesa)s — sesión %(numero)s") % {"mesa": sesion.mesa.nombre, "numero": sesion.numero}


def _item_de_acta(sesion: Sesion) -> ItemResumen:
    fecha = date_format(timezone.localtime(sesion.inicio), "DATE_FORMAT")
    return ItemResumen(
        EnvioSuscripcion.Clase.ACTA,
        sesion.pk,
        _titulo_de_sesion(sesion),
        _("Acta publicada de la sesión del %(fecha)s.") % {"fecha": fecha},
        sesion.get_public_url(),
        sesion.publicada_en,
    )


def _item_de_sesion_convocada(sesion: Sesion) -> ItemResumen:
    """Only what the public agenda says of a scheduled session: date, place, modality."""
    cuando = date_format(timezone.localtime(sesion.inicio), "DATETIME_FORMAT")
    lugar = ", ".join(
        p for p in [sesion.lugar, sesion.parroquia.nombre if sesion.parroquia_id else ""] if p
    )
    partes = [_("Nueva sesión convocada para el %(fecha)s") % {"fecha": cuando}, lugar]
    return ItemResumen(
        EnvioSuscripcion.Clase.SESION,
        sesion.pk,
        _titulo_de_sesion(sesion),
        " · ".join([*filter(None, partes), sesion.get_modalidad_display()]),
        sesion.mesa.get_absolute_url() + "#proximas-sesiones",
        sesion.creada,
    )


def _novedades_de_mesa(suscripcion: Suscripcion) -> list[ItemResumen]:
    """A followed table's actas published and sessions scheduled since the confirmation, each
    once."""
    desde = {"mesa_id": suscripcion.mesa_id, "desde": suscripcion.confirmada_en}
    actas = _sin_enviar(suscripcion, EnvioSuscripcion.Clase.ACTA, actas_publicadas_de_mesa(**desde))
    sesiones = _sin_enviar(
        suscripcion, EnvioSuscripcion.Clase.SESION, sesiones_convocadas_de_mesa(**desde)
    )
    return [*map(_item_de_acta, actas), *map(_item_de_sesion_convocada, sesiones)]


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
        actualizaciones = actualizaciones_publicas_de_pacto(
            pacto_id=suscripcion.pacto_id, desde=suscripcion.confirmada_en
        )
        for a in _sin_enviar(suscripcion, EnvioSuscripcion.Clase.ACTUALIZACION, actualizaciones):
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
    if suscripcion.tipo == Suscripcion.Tipo.MESA:
        items += _novedades_de_mesa(suscripcion)
    return sorted(items, key=lambda i: i.fecha)[:MAXIMO_POR_RESUMEN]


def ruta_para_seguir(objeto) -> str | None:
    """Where a visitor follows a table, a pacto or a canton by e-mail: the subscription form
    with that topic chosen (core.seguir). None for anything else, or a pacto not published."""
    if isinstance(objeto, Mesa):
        tipo = Suscripcion.Tipo.MESA
    elif isinstance(objeto, Pacto) and objeto.publicado:
        tipo = Suscripcion.Tipo.PACTO
    elif isinstance(objeto, Canton):
        tipo = Suscripcion.Tipo.CANTON
    else:
        return None
    consulta = urlencode({"tipo": tipo.value, tipo.value: objeto.pk})
    return f"{reverse('comunicacion:suscripcion')}?{consulta}"


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
