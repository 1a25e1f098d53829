"""The gateways: one Pasarela per channel, chosen by settings (CANALES_PASARELA_SMS,
CANALES_PASARELA_WHATSAPP). A provincial telecom's own HTTP API is one more class here."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Entrada, Estado, Pasarela, PasarelaNoDisponible, PasarelaRechazo, Salida

CLASES = {
    "kannel": "canales.pasarelas.kannel.PasarelaKannel",
    "whatsapp": "canales.pasarelas.whatsapp.PasarelaWhatsApp",
    "registro": "canales.pasarelas.registro.PasarelaRegistro",
}

__all__ = [
    "Entrada",
    "Estado",
    "Pasarela",
    "PasarelaNoDisponible",
    "PasarelaRechazo",
    "Salida",
    "pasarela_de",
]


_INSTANCIAS: dict[str, Pasarela] = {}


def pasarela_de(canal: str) -> Pasarela:
    """The configured gateway of a channel ("sms" or "whatsapp"), one per process (the WhatsApp
    one keeps its HTTP connections open)."""
    nombre = {
        "sms": settings.CANALES_PASARELA_SMS,
        "whatsapp": settings.CANALES_PASARELA_WHATSAPP,
    }[canal]
    if nombre not in _INSTANCIAS:
        _INSTANCIAS[nombre] = import_string(CLASES[nombre])()
    return _INSTANCIAS[nombre]
