"""WhatsApp through Meta's Cloud API, sent with pywa.

Inside the 24-hour customer-service window (the person wrote to us in the last 24 hours) a
message goes as plain text; outside it the Cloud API takes only an approved template, so the text
goes as the one body parameter of the template named by WHATSAPP_PLANTILLA.

Settings (django.conf.settings): WHATSAPP_TOKEN, WHATSAPP_PHONE_ID, WHATSAPP_PLANTILLA,
WHATSAPP_IDIOMA_PLANTILLA ("es"), WHATSAPP_API_URL (another base URL than graph.facebook.com,
for staging or a local fake; the API version path stays pywa's), WHATSAPP_TIEMPO_LIMITE (seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import httpx
from django.conf import settings
from pywa import WhatsApp
from pywa.errors import AuthorizationError, ThrottlingError, WhatsAppError
from pywa.types.templates import TemplateLanguage

from .base import Pasarela, PasarelaNoDisponible, PasarelaRechazo, Salida

# Cloud API error codes that mean "later": 1 and 2 (API unknown or down), 4 (too many calls),
# 80007 (rate limit of the account), 130429 (throughput), 131016 (service unavailable),
# 131048 (spam rate limit), 131056 (too many messages to one person), 133004 (server unavailable).
# https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
CODIGOS_TRANSITORIOS = frozenset({1, 2, 4, 80007, 130429, 131016, 131048, 131056, 133004})

_ESPACIOS = re.compile(r"\s+")


def _ajuste(nombre: str, defecto: str = "") -> str:
    return str(getattr(settings, nombre, defecto) or defecto).strip()


def numero_whatsapp(numero: str) -> str:
    """The recipient as the Cloud API's examples write it: the E.164 digits without "+"."""
    return re.sub(r"\D", "", numero)


def parametro_de_plantilla(texto: str) -> str:
    """A template's text parameter may not hold line breaks, tabs or more than four spaces in a
    row (the Cloud API refuses the message), so every run of white space becomes one space."""
    return _ESPACIOS.sub(" ", texto).strip()


def _idioma(codigo: str) -> TemplateLanguage:
    try:
        idioma = TemplateLanguage(codigo)
    except (TypeError, ValueError):
        idioma = TemplateLanguage.UNKNOWN
    if idioma is TemplateLanguage.UNKNOWN:
        raise PasarelaNoDisponible(
            f"WHATSAPP_IDIOMA_PLANTILLA={codigo!r} no es un idioma de plantillas de WhatsApp."
        )
    return idioma


def _es_transitorio(error: WhatsAppError) -> bool:
    """Throttled, down, or refused for the token or the app's permissions: nothing is wrong with
    this message, so it waits (an expired token would otherwise fail every queued message)."""
    estado = error.status_code
    return (
        estado is None
        or estado >= 500
        or estado == 429
        or error.code in CODIGOS_TRANSITORIOS
        or isinstance(error, ThrottlingError | AuthorizationError)
        or bool(error.is_transient)
    )


def _descripcion(error: WhatsAppError) -> str:
    partes = [f"WhatsApp {error.code}: {error.message}"]
    if error.details:
        partes.append(f"({error.details})")
    return " ".join(partes)


@dataclass
class PasarelaWhatsApp(Pasarela):
    """Sends through the Cloud API; `transporte` replaces httpx's network transport (tests)."""

    nombre: str = "whatsapp"
    canal: str = "whatsapp"
    transporte: httpx.BaseTransport | None = field(default=None, repr=False)
    _cliente: WhatsApp | None = field(default=None, init=False, repr=False, compare=False)
    _sesion: httpx.Client | None = field(default=None, init=False, repr=False, compare=False)
    _clave: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.costo_por_segmento = float(getattr(settings, "WHATSAPP_COSTO_MENSAJE", 0) or 0)

    def _whatsapp(self) -> WhatsApp:
        """One pywa client per configuration, made on first use and kept with its connection
        pool (a new httpx client costs 20-80 ms, a new TLS connection more): keep one
        PasarelaWhatsApp per process."""
        token, telefono = _ajuste("WHATSAPP_TOKEN"), _ajuste("WHATSAPP_PHONE_ID")
        base = _ajuste("WHATSAPP_API_URL").rstrip("/")
        tiempo = float(getattr(settings, "WHATSAPP_TIEMPO_LIMITE", 10) or 10)
        if not token or not telefono:
            raise PasarelaNoDisponible(
                "WhatsApp no está configurado: faltan WHATSAPP_TOKEN o WHATSAPP_PHONE_ID."
            )
        clave = (token, telefono, base, tiempo)
        if self._cliente is None or self._clave != clave:
            if self._sesion is not None:
                self._sesion.close()
            sesion = httpx.Client(transport=self.transporte, timeout=tiempo)
            cliente = WhatsApp(phone_id=telefono, token=token, session=sesion)
            if base:
                # pywa points the session at graph.facebook.com/v<version>; keep the version.
                sesion.base_url = f"{base}{sesion.base_url.path}"
            self._cliente, self._sesion, self._clave = cliente, sesion, clave
        return self._cliente

    def enviar(self, salida: Salida) -> str:
        """Send salida; return the Cloud API's message id (wamid)."""
        whatsapp = self._whatsapp()
        para = numero_whatsapp(salida.numero)
        if not para:
            raise PasarelaRechazo(f"Número inválido: {salida.numero!r}.")
        try:
            if salida.ventana_abierta:
                enviado = whatsapp.send_message(
                    to=para, text=salida.texto, tracker=salida.referencia or None
                )
            else:
                plantilla = _ajuste("WHATSAPP_PLANTILLA")
                if not plantilla:
                    raise PasarelaNoDisponible(
                        "Fuera de la ventana de 24 horas WhatsApp solo acepta una plantilla "
                        "aprobada, y WHATSAPP_PLANTILLA no está configurada."
                    )
                cuerpo = {
                    "type": "body",
                    "parameters": [{"type": "text", "text": parametro_de_plantilla(salida.texto)}],
                }
                enviado = whatsapp.send_template(
                    to=para,
                    name=plantilla,
                    language=_idioma(_ajuste("WHATSAPP_IDIOMA_PLANTILLA", "es")),
                    params=[cuerpo],
                    tracker=salida.referencia or None,
                )
        except httpx.RequestError as error:  # timeouts, refused or broken connections
            raise PasarelaNoDisponible(f"WhatsApp no responde: {error!r}") from error
        except WhatsAppError as error:
            if _es_transitorio(error):
                raise PasarelaNoDisponible(_descripcion(error)) from error
            raise PasarelaRechazo(_descripcion(error)) from error
        return enviado.id
