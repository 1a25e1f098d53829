"""The one interface every gateway implements (Kannel, the WhatsApp Cloud API, a telecom's own
HTTP API): send one text to one E.164 number and say what the gateway called it.

A gateway raises PasarelaNoDisponible when the message may be sent later (connection refused,
timeout, 5xx, throttled): the row stays pending and the task retries; PasarelaRechazo when the
gateway refused this message for good (invalid number, 4xx): the row is marked failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class PasarelaNoDisponible(Exception):
    """Transient: try again later, nothing was sent."""


class PasarelaRechazo(Exception):
    """Permanent: the gateway refused this message."""


@dataclass(frozen=True)
class Salida:
    """One outgoing message as a gateway sees it."""

    numero: str  # E.164, "+593991234567"
    texto: str
    referencia: str  # the portal's id of the row (str of its pk), for delivery reports
    # WhatsApp only: whether the person wrote in the last 24 hours (free text allowed); outside it
    # the Cloud API only takes an approved template.
    ventana_abierta: bool = False


@dataclass(frozen=True)
class Entrada:
    """One incoming message, parsed from a gateway's request."""

    numero: str  # E.164
    texto: str
    id_externo: str = ""
    recibido_en: datetime | None = None
    nombre: str = ""  # the profile name WhatsApp sends, if any


@dataclass(frozen=True)
class Estado:
    """A delivery report for a message that left: its gateway id (or the portal's reference)."""

    estado: (
        str  # one of canales.models.MensajeCanal.Estado values: enviado, entregado, fallido, leido
    )
    id_externo: str = ""
    referencia: str = ""
    en: datetime | None = None
    detalle: str = ""


@dataclass
class Pasarela:
    """Base class: a gateway for one channel ("sms" or "whatsapp")."""

    nombre: str = ""
    canal: str = ""
    costo_por_segmento: float = 0.0  # USD, for the monthly cost counter
    por_segundo: int = 10  # rate limit for this gateway
    opciones: dict = field(default_factory=dict)

    def enviar(self, salida: Salida) -> str:
        """Send salida; return the gateway's id for it ('' when it gives none)."""
        raise NotImplementedError
