"""Writes of the subscriptions: request with double opt-in, confirm, unsubscribe, digests.

Links carry a core.firmas token (one salt per purpose) of the subscription's id and its random
key; the confirmation link expires. Every e-mail has a one-click unsubscribe link and the
RFC 8058 List-Unsubscribe headers.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.colas import encolar_tras_commit
from core.correo import correo_enviar, pendiente_enviar
from core.enlaces import url_absoluta, url_de
from core.firmas import EnlaceInvalido, objeto_de_token, token_firmado

from ..models import EnvioSuscripcion, Suscripcion

SAL_CONFIRMAR = "comunicacion.suscripcion.confirmar"
SAL_BAJA = "comunicacion.suscripcion.baja"
VALIDEZ_CONFIRMACION = timedelta(days=7)
# A second confirmation e-mail to the same address only after this long: the form cannot be
# used to flood someone's mailbox.
ESPERA_REENVIO = timedelta(hours=1)


def suscripcion_de_token(*, token: str, sal: str) -> Suscripcion:
    """The subscription a link names; core.firmas.EnlaceInvalido if forged, revoked or expired."""
    max_age = VALIDEZ_CONFIRMACION if sal == SAL_CONFIRMAR else None
    return objeto_de_token(token, sal=sal, queryset=Suscripcion, max_age=max_age)


def url_baja(*, suscripcion: Suscripcion) -> str:
    return url_de("comunicacion:suscripcion_baja", token_firmado(suscripcion, sal=SAL_BAJA))


def url_confirmar(*, suscripcion: Suscripcion) -> str:
    token = token_firmado(suscripcion, sal=SAL_CONFIRMAR)
    return url_de("comunicacion:suscripcion_confirmar", token)


def _correo_enviar(suscripcion: Suscripcion, *, plantilla: str, contexto: dict) -> None:
    baja = url_baja(suscripcion=suscripcion)
    correo_enviar(
        para=suscripcion.email,
        plantilla=plantilla,
        contexto={**contexto, "suscripcion": suscripcion, "url_baja": baja},
        cabeceras={
            "List-Unsubscribe": f"<{baja}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@transaction.atomic
def suscripcion_solicitar(
    *, email: str, tipo: str, canton=None, eje=None, pacto=None, mesa=None
) -> Suscripcion:
    """Record the request and e-mail a confirmation link; nothing is sent until it is confirmed.

    The answer to the visitor is the same whether the address was new, pending or already
    subscribed, so the form does not reveal who is subscribed to what.
    """
    email = (email or "").strip().lower()
    objetos = {
        Suscripcion.Tipo.NOTICIAS: {},
        Suscripcion.Tipo.CANTON: {"canton": canton},
        Suscripcion.Tipo.EJE: {"eje": eje},
        Suscripcion.Tipo.PACTO: {"pacto": pacto},
        Suscripcion.Tipo.MESA: {"mesa": mesa},
    }
    if tipo not in objetos:
        raise ValidationError({"tipo": _("Elija qué quiere recibir.")})
    objeto = objetos[tipo]
    if any(v is None for v in objeto.values()):
        raise ValidationError({next(iter(objeto)): _("Elija uno de la lista.")})
    filtro = {"canton": None, "eje": None, "pacto": None, "mesa": None, **objeto}
    suscripcion = (
        Suscripcion.objects.select_for_update().filter(email=email, tipo=tipo, **filtro).first()
    )
    if suscripcion is None:
        suscripcion = Suscripcion(email=email, tipo=tipo, **filtro)
        suscripcion.full_clean()
        try:
            with transaction.atomic():
                suscripcion.save()
        except IntegrityError:  # the same request twice at once: the other one won
            return Suscripcion.objects.get(email=email, tipo=tipo, **filtro)
    elif suscripcion.activa:
        return suscripcion
    elif suscripcion.baja_en is not None:
        # Back after unsubscribing: confirm again, with new links.
        suscripcion.baja_en = None
        suscripcion.confirmada_en = None
        suscripcion.confirmacion_enviada_en = None
        suscripcion.clave = Suscripcion._meta.get_field("clave").get_default()
        suscripcion.save()
    elif suscripcion.confirmacion_enviada_en:
        if timezone.now() - suscripcion.confirmacion_enviada_en < ESPERA_REENVIO:
            return suscripcion
        suscripcion.confirmacion_enviada_en = None  # due again: the task sends the link anew
        suscripcion.save(update_fields=["confirmacion_enviada_en"])

    from ..tasks import enviar_confirmacion_suscripcion

    encolar_tras_commit(enviar_confirmacion_suscripcion, suscripcion.pk)
    return suscripcion


def confirmaciones_sin_enviar() -> QuerySet[Suscripcion]:
    """Subscriptions still waiting for their confirmation link."""
    return Suscripcion.objects.filter(
        confirmacion_enviada_en__isnull=True, confirmada_en__isnull=True, baja_en__isnull=True
    )


def _confirmacion_correo(suscripcion: Suscripcion) -> None:
    _correo_enviar(
        suscripcion,
        plantilla="comunicacion/email/suscripcion_confirmar",
        contexto={
            "url_confirmar": url_confirmar(suscripcion=suscripcion),
            "dias": VALIDEZ_CONFIRMACION.days,
        },
    )


def confirmacion_enviar(*, suscripcion_id: int) -> bool:
    """E-mail the confirmation link of a pending subscription, once (see core.correo)."""
    pendiente = confirmaciones_sin_enviar().select_related("canton", "eje", "pacto", "mesa")
    return pendiente_enviar(
        pendiente, suscripcion_id, _confirmacion_correo, marca="confirmacion_enviada_en"
    )


@transaction.atomic
def suscripcion_confirmar(*, token: str) -> Suscripcion:
    suscripcion = suscripcion_de_token(token=token, sal=SAL_CONFIRMAR)
    suscripcion = Suscripcion.objects.select_for_update().get(pk=suscripcion.pk)
    if suscripcion.baja_en is not None:
        raise EnlaceInvalido
    if suscripcion.confirmada_en is None:
        suscripcion.confirmada_en = timezone.now()
        suscripcion.save(update_fields=["confirmada_en"])
    return suscripcion


@transaction.atomic
def suscripcion_baja(*, token: str) -> Suscripcion:
    """Unsubscribe: from then on nothing more is sent. A second click changes nothing."""
    suscripcion = suscripcion_de_token(token=token, sal=SAL_BAJA)
    suscripcion = Suscripcion.objects.select_for_update().get(pk=suscripcion.pk)
    if suscripcion.baja_en is None:
        suscripcion.baja_en = timezone.now()
        suscripcion.save(update_fields=["baja_en"])
    return suscripcion


def resumen_enviar(*, suscripcion_id: int) -> int:
    """E-mail an active subscription what is new for it; returns how many items were sent.

    The delivery records are written in the same transaction as the sending, under a lock on
    the subscription, so two workers or a retried task never send an item twice.
    """
    from ..selectors.suscripciones import items_pendientes

    with transaction.atomic():
        suscripcion = (
            Suscripcion.objects.select_for_update(of=("self",))
            .select_related("canton", "eje", "pacto", "mesa")
            .filter(pk=suscripcion_id)
            .first()
        )
        if suscripcion is None or not suscripcion.activa:
            return 0
        items = items_pendientes(suscripcion=suscripcion)
        if not items:
            return 0
        contexto = {
            "items": [(item, url_absoluta(item.ruta)) for item in items],
            "url_portal": url_de("comunicacion:noticias"),
        }
        EnvioSuscripcion.objects.bulk_create(
            [
                EnvioSuscripcion(suscripcion=suscripcion, clase=i.clase, objeto_id=i.objeto_id)
                for i in items
            ]
        )
        _correo_enviar(
            suscripcion, plantilla="comunicacion/email/suscripcion_resumen", contexto=contexto
        )
    return len(items)
