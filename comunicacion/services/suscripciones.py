"""Writes of the subscriptions: request with double opt-in, confirm, unsubscribe, digests.

Links carry a signed token (django.core.signing, one salt per purpose) of the subscription's id
and its random key; the confirmation link expires. Every e-mail has a one-click unsubscribe link
and the RFC 8058 List-Unsubscribe headers.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.colas import encolar_tras_commit
from core.enlaces import url_absoluta, url_de

from ..models import EnvioSuscripcion, Suscripcion

SAL_CONFIRMAR = "comunicacion.suscripcion.confirmar"
SAL_BAJA = "comunicacion.suscripcion.baja"
VALIDEZ_CONFIRMACION = timedelta(days=7)
# A second confirmation e-mail to the same address only after this long: the form cannot be
# used to flood someone's mailbox.
ESPERA_REENVIO = timedelta(hours=1)


class EnlaceInvalido(Exception):
    """The link was altered, has expired, or belongs to no subscription."""


def firmar(suscripcion: Suscripcion, sal: str) -> str:
    return signing.dumps([suscripcion.pk, suscripcion.clave], salt=sal, compress=True)


def leer(token: str, sal: str) -> Suscripcion:
    max_age = VALIDEZ_CONFIRMACION if sal == SAL_CONFIRMAR else None
    try:
        pk, clave = signing.loads(token, salt=sal, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise EnlaceInvalido from exc
    suscripcion = Suscripcion.objects.filter(pk=pk, clave=clave).first()
    if suscripcion is None:
        raise EnlaceInvalido
    return suscripcion


def url_baja(suscripcion: Suscripcion) -> str:
    return url_de("comunicacion:suscripcion_baja", firmar(suscripcion, SAL_BAJA))


def url_confirmar(suscripcion: Suscripcion) -> str:
    return url_de("comunicacion:suscripcion_confirmar", firmar(suscripcion, SAL_CONFIRMAR))


def _correo(
    suscripcion: Suscripcion, *, asunto: str, plantilla: str, contexto: dict
) -> EmailMessage:
    baja = url_baja(suscripcion)
    with translation.override("es"):
        cuerpo = render_to_string(
            plantilla, {**contexto, "suscripcion": suscripcion, "url_baja": baja}
        )
    return EmailMessage(
        subject=asunto,
        body=cuerpo,
        to=[suscripcion.email],
        headers={
            "List-Unsubscribe": f"<{baja}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@transaction.atomic
def suscripcion_solicitar(
    *, email: str, tipo: str, canton=None, eje=None, pacto=None
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
    }
    if tipo not in objetos:
        raise ValidationError({"tipo": _("Elija qué quiere recibir.")})
    objeto = objetos[tipo]
    if any(v is None for v in objeto.values()):
        raise ValidationError({next(iter(objeto)): _("Elija uno de la lista.")})
    filtro = {"canton": None, "eje": None, "pacto": None, **objeto}
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
    elif (
        suscripcion.confirmacion_enviada_en
        and timezone.now() - suscripcion.confirmacion_enviada_en < ESPERA_REENVIO
    ):
        return suscripcion

    from ..tasks import enviar_confirmacion_suscripcion

    encolar_tras_commit(enviar_confirmacion_suscripcion, suscripcion.pk)
    return suscripcion


def confirmacion_enviar(*, suscripcion_id: int) -> bool:
    """E-mail the confirmation link of a pending subscription (once per waiting period)."""
    with transaction.atomic():
        suscripcion = (
            Suscripcion.objects.select_for_update(of=("self",))
            .select_related("canton", "eje", "pacto")
            .filter(pk=suscripcion_id)
            .first()
        )
        if suscripcion is None or suscripcion.confirmada_en or suscripcion.baja_en:
            return False
        ahora = timezone.now()
        if (
            suscripcion.confirmacion_enviada_en
            and ahora - suscripcion.confirmacion_enviada_en < ESPERA_REENVIO
        ):
            return False
        with translation.override("es"):
            asunto = _("Confirme su suscripción a Pactos por Pichincha")
            correo = _correo(
                suscripcion,
                asunto=asunto,
                plantilla="comunicacion/email/suscripcion_confirmar.txt",
                contexto={
                    "url_confirmar": url_confirmar(suscripcion),
                    "dias": VALIDEZ_CONFIRMACION.days,
                },
            )
        correo.send()
        suscripcion.confirmacion_enviada_en = ahora
        suscripcion.save(update_fields=["confirmacion_enviada_en"])
    return True


@transaction.atomic
def suscripcion_confirmar(*, token: str) -> Suscripcion:
    suscripcion = leer(token, SAL_CONFIRMAR)
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
    suscripcion = leer(token, SAL_BAJA)
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
            .select_related("canton", "eje", "pacto")
            .filter(pk=suscripcion_id)
            .first()
        )
        if suscripcion is None or not suscripcion.activa:
            return 0
        items = items_pendientes(suscripcion=suscripcion)
        if not items:
            return 0
        with translation.override("es"):
            asunto = _("Novedades de Pactos por Pichincha: %(que)s") % {
                "que": suscripcion.descripcion
            }
            correo = _correo(
                suscripcion,
                asunto=asunto,
                plantilla="comunicacion/email/suscripcion_resumen.txt",
                contexto={
                    "items": [(item, url_absoluta(item.ruta)) for item in items],
                    "url_portal": url_de("comunicacion:noticias"),
                },
            )
        EnvioSuscripcion.objects.bulk_create(
            [
                EnvioSuscripcion(suscripcion=suscripcion, clase=i.clase, objeto_id=i.objeto_id)
                for i in items
            ]
        )
        correo.send()
    return len(items)
