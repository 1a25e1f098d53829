"""SMS through Kannel's `sendsms` HTTP interface (smsbox), as RapidPro's Kannel channel does.

Each message asks for every delivery report (dlr-mask 31) at the portal's own address, carrying
the row's id; Kannel calls it as the SMS centre reports (docs/operations.md, "SMS con Kannel").
Connection errors, timeouts and 5xx answers mean "not sent, try later"; a 4xx is a refusal of
this message (bad number, bad credentials: the latter is logged loudly).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
from django.conf import settings

from core.enlaces import url_de

from ..texto import codificacion
from .base import Pasarela, PasarelaNoDisponible, PasarelaRechazo, Salida

logger = logging.getLogger(__name__)

# Kannel's dlr-mask bits: 1 delivered, 2 failed, 4 buffered, 8 taken by the SMSC, 16 refused by it.
DLR_TODOS = 31
ESTADOS_DLR = {1: "entregado", 2: "fallido", 4: "enviado", 8: "enviado", 16: "fallido"}


def url_entrega(referencia: str) -> str:
    """The dlr-url of one message: Kannel fills %d (the report's type) and %T (its time)."""
    consulta = urlencode({"clave": settings.KANNEL_CLAVE_ENTRANTE, "ref": referencia})
    # %d and %T must reach Kannel unescaped: it substitutes them when it calls back.
    return f"{url_de('canales:kannel_entrega')}?{consulta}&estado=%d&ts=%T"


@dataclass
class PasarelaKannel(Pasarela):
    nombre: str = "kannel"
    canal: str = "sms"

    def __post_init__(self) -> None:
        self.costo_por_segmento = settings.KANNEL_COSTO_SEGMENTO
        self.por_segundo = settings.KANNEL_POR_SEGUNDO

    def parametros(self, salida: Salida) -> dict[str, str]:
        ucs2 = codificacion(salida.texto) == "ucs2"
        return {
            "username": settings.KANNEL_USUARIO,
            "password": settings.KANNEL_CLAVE,
            "from": settings.KANNEL_REMITENTE,
            "to": salida.numero,
            "text": salida.texto,
            "charset": "UTF-8",
            "coding": "2" if ucs2 else "0",
            "dlr-mask": str(DLR_TODOS),
            "dlr-url": url_entrega(salida.referencia),
        }

    def enviar(self, salida: Salida) -> str:
        if not settings.KANNEL_SENDSMS_URL:
            raise PasarelaNoDisponible("KANNEL_SENDSMS_URL no está configurado")
        try:
            respuesta = httpx.get(
                settings.KANNEL_SENDSMS_URL, params=self.parametros(salida), timeout=10
            )
        except httpx.HTTPError as exc:
            raise PasarelaNoDisponible(f"Kannel no responde: {exc}") from exc
        cuerpo = respuesta.text.strip()[:200]
        if respuesta.status_code >= 500:
            raise PasarelaNoDisponible(f"Kannel {respuesta.status_code}: {cuerpo}")
        if respuesta.status_code >= 400:
            if respuesta.status_code in (401, 403):
                logger.error("Kannel rechaza las credenciales de sendsms: %s", cuerpo)
                raise PasarelaNoDisponible(f"Kannel {respuesta.status_code}: {cuerpo}")
            raise PasarelaRechazo(f"Kannel {respuesta.status_code}: {cuerpo}")
        # "0: Accepted for delivery" or "3: Queued for later delivery": Kannel gives no id of its
        # own; delivery reports come back with the row's reference.
        return ""
