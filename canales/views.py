"""The gateways' callbacks (Kannel's get-url and delivery reports, WhatsApp's webhook), the short
links of text messages, and the staff's list of messages."""

from __future__ import annotations

import hmac
import json
import logging
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.limites import clave_visitante, limite_superado
from core.vistas import VistaStaff, paginar

from . import selectors
from .models import EnlaceCorto, MensajeCanal
from .pasarelas import Entrada, Estado
from .pasarelas.kannel import ESTADOS_DLR
from .services import entrega_registrar, mensaje_recibir
from .whatsapp import firma_valida, leer_notificacion, verificar_suscripcion

logger = logging.getLogger(__name__)


def _clave_valida(recibida: str | None) -> bool:
    esperada = settings.KANNEL_CLAVE_ENTRANTE
    return bool(esperada) and hmac.compare_digest((recibida or "").encode(), esperada.encode())


def _fecha_kannel(valor: str | None) -> datetime | None:
    """Kannel's %t / %T: 'YYYY-MM-DD HH:MM:SS' (or a Unix time)."""
    if not valor:
        return None
    try:
        if valor.isdigit():
            return datetime.fromtimestamp(int(valor), tz=timezone.get_current_timezone())
        # Kannel's %t is in UTC.
        return datetime.fromisoformat(valor.replace("+", " ")).replace(tzinfo=UTC)
    except ValueError:
        return None


@never_cache
@require_GET
def kannel_entrante(request):
    """Kannel's get-url for every incoming SMS. The answer is empty: Kannel sends nothing back
    (max-messages = 0); what the portal replies leaves as its own row through sendsms."""
    if not _clave_valida(request.GET.get("clave")):
        if limite_superado(clave_visitante(request, "canales:falsos"), 30):
            logger.warning("Demasiadas llamadas falsas a la entrada de Kannel")
        return HttpResponseForbidden("")
    de, texto = request.GET.get("de", ""), request.GET.get("texto", "")
    if not de:
        return HttpResponse("", status=400, content_type="text/plain")
    mensaje_recibir(
        canal=MensajeCanal.Canal.SMS,
        entrada=Entrada(
            numero=de,
            texto=texto,
            id_externo=request.GET.get("id", ""),
            recibido_en=_fecha_kannel(request.GET.get("ts")),
        ),
        pasarela="kannel",
    )
    return HttpResponse("", content_type="text/plain")


@never_cache
@require_GET
def kannel_entrega(request):
    """Kannel's dlr-url: ref is the row, estado Kannel's report type (%d)."""
    if not _clave_valida(request.GET.get("clave")):
        return HttpResponseForbidden("")
    try:
        tipo = int(request.GET.get("estado", ""))
    except ValueError:
        return HttpResponse("", status=400, content_type="text/plain")
    estado = ESTADOS_DLR.get(tipo)
    if estado:
        entrega_registrar(
            estado=Estado(
                estado=estado,
                referencia=request.GET.get("ref", ""),
                en=_fecha_kannel(request.GET.get("ts")),
            )
        )
    return HttpResponse("", content_type="text/plain")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request):
    """The WhatsApp Cloud API's webhook: GET verifies the subscription (hub.challenge), POST
    brings messages and statuses, signed with the app secret (X-Hub-Signature-256)."""
    if request.method == "GET":
        reto = verificar_suscripcion(request.GET, settings.WHATSAPP_VERIFY_TOKEN)
        if reto is None:
            return HttpResponseForbidden("")
        return HttpResponse(reto, content_type="text/plain")
    secreto = settings.WHATSAPP_APP_SECRET
    if not secreto or not firma_valida(
        request.body, request.headers.get("X-Hub-Signature-256"), secreto
    ):
        if limite_superado(clave_visitante(request, "canales:falsos"), 30):
            logger.warning("Demasiadas llamadas falsas al webhook de WhatsApp")
        return HttpResponseForbidden("")
    try:
        datos = json.loads(request.body)
    except ValueError:
        return HttpResponse("", status=400, content_type="text/plain")
    entradas, estados = leer_notificacion(datos)
    for entrada in entradas:
        mensaje_recibir(canal=MensajeCanal.Canal.WHATSAPP, entrada=entrada, pasarela="whatsapp")
    for estado in estados:
        entrega_registrar(estado=estado)
    return HttpResponse("", content_type="text/plain")


@never_cache
def enlace_corto(request, codigo: str):
    """/e/<code>: the portal link a text message stands for."""
    enlace = EnlaceCorto.objects.filter(codigo=codigo).first()
    if enlace is None:
        raise Http404
    EnlaceCorto.objects.filter(pk=enlace.pk).update(visitas=F("visitas") + 1)
    return HttpResponseRedirect(enlace.destino)


class MensajesView(VistaStaff):
    """Every text message, newest first, filterable; and what each month cost."""

    permiso = "canales.ver_mensajes"
    template_name = "canales/mensajes.html"

    def get_context_data(self, **kwargs):
        qs = selectors.mensajes()
        filtros = {}
        for campo, opciones in (
            ("canal", MensajeCanal.Canal),
            ("direccion", MensajeCanal.Direccion),
            ("estado", MensajeCanal.Estado),
        ):
            valor = self.request.GET.get(campo, "")
            if valor in opciones.values:
                qs = qs.filter(**{campo: valor})
                filtros[campo] = valor
        numero = self.request.GET.get("numero", "").strip()
        if numero:
            qs = qs.filter(numero__contains=numero.replace(" ", ""))
        return super().get_context_data(
            pagina=paginar(self.request, qs, 50, "pagina"),
            filtros=filtros,
            numero=numero,
            consumo=selectors.consumo_mensual(),
            canales=MensajeCanal.Canal.choices,
            direcciones=MensajeCanal.Direccion.choices,
            estados=MensajeCanal.Estado.choices,
            **kwargs,
        )
