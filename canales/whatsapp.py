"""What the WhatsApp Cloud API's webhook brings, read without Django: the signature of a POST,
the GET that verifies the subscription, and the messages and delivery reports of a notification.

Payloads: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import phonenumbers
from pywa.utils import webhook_updates_validator

from .pasarelas.base import Entrada, Estado

PREFIJO_FIRMA = "sha256="

# The Cloud API's statuses and the portal's (canales.models.MensajeCanal.Estado); others, such
# as "played" for a voice message, say nothing new and are left out.
ESTADOS = {"sent": "enviado", "delivered": "entregado", "read": "leido", "failed": "fallido"}


def firma_valida(cuerpo: bytes, cabecera: str | None, secreto: str) -> bool:
    """Whether X-Hub-Signature-256 is "sha256=" and the HMAC-SHA256 (hex) of the raw body with
    the app secret; compared in constant time by pywa. False without a secret or a header."""
    if not secreto or not cabecera or not cabecera.startswith(PREFIJO_FIRMA):
        return False
    return webhook_updates_validator(
        app_secret=secreto, request_body=cuerpo, x_hub_signature=cabecera
    )


def verificar_suscripcion(params: Mapping[str, str], token: str) -> str | None:
    """The challenge to answer to the GET by which Meta verifies the webhook (hub.mode=subscribe
    and our verify token), or None when the request is not that."""
    if not token or params.get("hub.mode") != "subscribe":
        return None
    enviado = params.get("hub.verify_token") or ""
    if not hmac.compare_digest(enviado.encode(), token.encode()):
        return None
    return params.get("hub.challenge") or None


def _e164(numero: Any) -> str:
    """ "+" and the digits WhatsApp writes without it; "" when they are no phone number."""
    digitos = str(numero or "")
    if not digitos.isdigit():
        return ""
    try:
        leido = phonenumbers.parse(f"+{digitos}")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(leido, phonenumbers.PhoneNumberFormat.E164)


def _momento(marca: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(marca), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _texto(mensaje: dict) -> str:
    """What the person wrote or tapped: the body of a text, the label of a template's quick-reply
    button, the title of an interactive reply button or list row; "" for anything else."""
    tipo = mensaje.get("type")
    if tipo == "text":
        return (mensaje.get("text") or {}).get("body") or ""
    if tipo == "button":
        return (mensaje.get("button") or {}).get("text") or ""
    if tipo == "interactive":
        interactivo = mensaje.get("interactive") or {}
        respuesta = interactivo.get(interactivo.get("type") or "")
        if interactivo.get("type") in ("button_reply", "list_reply") and respuesta:
            return respuesta.get("title") or ""
    return ""


def _detalle(estado: dict) -> str:
    """Why a message failed: the error's title, code and details."""
    textos = []
    for error in estado.get("errors") or []:
        texto = f"{error.get('title') or error.get('message') or ''} ({error.get('code')})"
        detalles = (error.get("error_data") or {}).get("details")
        textos.append(f"{texto}: {detalles}" if detalles else texto)
    return "; ".join(textos)


def leer_notificacion(datos: dict) -> tuple[list[Entrada], list[Estado]]:
    """The messages people sent and the delivery reports in one webhook POST.

    Every incoming message is an Entrada, since any of them opens the 24-hour window; those of a
    type without text (image, location, reaction, unsupported…) come with texto "". System
    messages (a person changed number) and messages without a phone number are left out.
    """
    entradas: list[Entrada] = []
    estados: list[Estado] = []
    if not isinstance(datos, dict) or datos.get("object") != "whatsapp_business_account":
        return entradas, estados
    for entrada in datos.get("entry") or []:
        for cambio in entrada.get("changes") or []:
            if cambio.get("field", "messages") != "messages":
                continue
            valor = cambio.get("value") or {}
            nombres = {
                contacto.get("wa_id"): (contacto.get("profile") or {}).get("name") or ""
                for contacto in valor.get("contacts") or []
            }
            for mensaje in valor.get("messages") or []:
                numero = _e164(mensaje.get("from"))
                if not numero or mensaje.get("type") == "system":
                    continue
                entradas.append(
                    Entrada(
                        numero=numero,
                        texto=_texto(mensaje),
                        id_externo=mensaje.get("id") or "",
                        recibido_en=_momento(mensaje.get("timestamp")),
                        nombre=nombres.get(mensaje.get("from"), ""),
                    )
                )
            for estado in valor.get("statuses") or []:
                nuestro = ESTADOS.get(estado.get("status"))
                if nuestro is None:
                    continue
                estados.append(
                    Estado(
                        estado=nuestro,
                        id_externo=estado.get("id") or "",
                        referencia=estado.get("biz_opaque_callback_data") or "",
                        en=_momento(estado.get("timestamp")),
                        detalle=_detalle(estado) if nuestro == "fallido" else "",
                    )
                )
    return entradas, estados
