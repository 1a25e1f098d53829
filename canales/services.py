"""Every write of canales: a text message to send (once), its dispatch through the gateway, an
incoming text and what it does, a delivery report, an opt-out.

Sending is in two steps, as e-mail: mensaje_enviar() stores the row (unique by its key, so the
same notice never leaves twice) and enqueues the task after commit; mensaje_despachar() locks the
row, hands it to the gateway and marks it. A gateway that is down leaves the row pending: the task
retries, and the sweep of every minute picks up whatever is still pending.
"""

from __future__ import annotations

import datetime
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from urllib.parse import urlsplit

import phonenumbers
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from actores.models import Actor
from core.colas import encolar_tras_commit
from core.enlaces import url_absoluta
from core.limites import limite_superado

from .entrantes import RESPUESTAS, SIN_CONVERSACION, Respuesta
from .models import BajaCanal, EnlaceCorto, MensajeCanal
from .pasarelas import Entrada, Estado, PasarelaNoDisponible, PasarelaRechazo, Salida, pasarela_de
from .texto import codificacion, para_sms, segmentos

logger = logging.getLogger(__name__)

Canal = MensajeCanal.Canal
EstadoMensaje = MensajeCanal.Estado
Proposito = MensajeCanal.Proposito

PALABRAS_BAJA = {"BAJA", "STOP", "ALTO", "PARAR", "CANCELAR SUSCRIPCION", "UNSUBSCRIBE"}
PALABRAS_ALTA = {"ALTA", "START", "INICIO"}


def numero_e164(valor) -> str | None:
    """An Ecuadorian (or international) number as E.164, or None if it is not a valid one."""
    if not valor:
        return None
    try:
        numero = phonenumbers.parse(str(valor), "EC")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(numero):
        return None
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.E164)


def de_baja(numero: str) -> bool:
    return BajaCanal.objects.filter(numero=numero).exists()


def canal_de_texto(actor: Actor) -> str | None:
    """The text channel ("sms", "whatsapp") a person is reached by, from their own fields only:
    their preferred one if consented, else SMS (or WhatsApp) when they have no e-mail."""
    if not actor.es_celular:
        return None
    preferido = actor.canal_preferido
    if preferido == Actor.CanalPreferido.WHATSAPP and actor.consentimiento_whatsapp:
        return Canal.WHATSAPP
    if preferido == Actor.CanalPreferido.SMS and actor.consentimiento_sms:
        return Canal.SMS
    if not actor.email:
        if actor.consentimiento_sms:
            return Canal.SMS
        if actor.consentimiento_whatsapp:
            return Canal.WHATSAPP
    return None


def destino_de(actor: Actor) -> tuple[str, str] | None:
    """Where a text to this person goes: (channel, E.164 number), or None.

    Their preferred channel when it is SMS or WhatsApp and they consented to it; SMS (or else
    WhatsApp) for a person without e-mail who consented to it; never a number that said BAJA."""
    canal = canal_de_texto(actor)
    if canal is None:
        return None
    numero = numero_e164(actor.telefono)
    if numero is None or de_baja(numero):
        return None
    return canal, numero


def enlace_corto(url: str) -> str:
    """A short absolute address (/e/<code>) for a portal link, the same one for the same link."""
    partes = urlsplit(url)
    ruta = partes.path + (f"?{partes.query}" if partes.query else "")  # always this portal
    enlace, _creado = EnlaceCorto.objects.get_or_create(destino=ruta)
    return url_absoluta(f"/e/{enlace.codigo}")


def _preparar(texto: str, canal: str) -> str:
    texto = " ".join(texto.split())
    return para_sms(texto) if canal == Canal.SMS else texto


def _objeto(objeto: Model | None) -> dict:
    if objeto is None:
        return {}
    return {
        "contenido_tipo": ContentType.objects.get_for_model(objeto),
        "objeto_id": objeto.pk,
    }


def mensaje_enviar(
    *,
    texto: str,
    proposito: str,
    actor: Actor | None = None,
    numero: str | None = None,
    canal: str | None = None,
    objeto: Model | None = None,
    clave: str | None = None,
    respuesta_a: MensajeCanal | None = None,
    usuario=None,
) -> MensajeCanal | None:
    """Store one outgoing text and send it after commit; None when it has nowhere to go.

    To an actor: their channel and number (destino_de); to a number: `canal` (SMS by default).
    `clave` makes the message unique: a second call with the same key returns the first row and
    sends nothing (a retried task, a double click, a sweep)."""
    if actor is not None and numero is None:
        destino = destino_de(actor)
        if destino is None:
            return None
        canal, numero = destino
    numero = numero_e164(numero)
    if numero is None:
        return None
    canal = canal or Canal.SMS
    if clave:
        existente = MensajeCanal.objects.filter(clave=clave).first()
        if existente is not None:
            return existente
    texto = _preparar(texto, canal)
    baja = de_baja(numero)
    mensaje = MensajeCanal(
        canal=canal,
        direccion=MensajeCanal.Direccion.SALIENTE,
        estado=EstadoMensaje.DESCARTADO if baja else EstadoMensaje.PENDIENTE,
        error=_("El número pidió la baja (BAJA o STOP).") if baja else "",
        proposito=proposito,
        numero=numero,
        actor=actor,
        texto=texto,
        segmentos=segmentos(texto),
        codificacion=codificacion(texto),
        clave=clave,
        respuesta_a=respuesta_a,
        enviado_por=usuario if getattr(usuario, "is_authenticated", False) else None,
        **_objeto(objeto),
    )
    try:
        with transaction.atomic():
            mensaje.save()
    except IntegrityError:
        if clave:
            return MensajeCanal.objects.get(clave=clave)
        raise
    if not baja:
        from .tasks import despachar_mensaje

        encolar_tras_commit(despachar_mensaje, mensaje.pk)
    return mensaje


def por_texto[F](filas: Iterable[F]) -> Iterator[F]:
    """The rows (invitations, guests: anything with an `actor`) whose actor's channel is a
    phone (destino_de)."""
    for fila in filas:
        if fila.actor_id and destino_de(fila.actor) is not None:
            yield fila


def textos_enviar[F](
    filas: Iterable[F],
    *,
    proposito: str,
    texto: Callable[[F], str],
    clave: Callable[[F], str],
    usuario=None,
) -> int:
    """One text to the actor of each row whose channel is a phone, about that row: `texto(fila)`
    says what, `clave(fila)` makes it unique (mensaje_enviar). How many were stored to send."""
    enviados = 0
    for fila in por_texto(filas):
        mensaje = mensaje_enviar(
            actor=fila.actor,
            texto=texto(fila),
            proposito=proposito,
            objeto=fila,
            clave=clave(fila),
            usuario=usuario,
        )
        enviados += mensaje is not None
    return enviados


def _ventana_abierta(mensaje: MensajeCanal) -> bool:
    """WhatsApp's 24-hour window: whether this number wrote to us in the last 24 hours."""
    return MensajeCanal.objects.filter(
        numero=mensaje.numero,
        canal=Canal.WHATSAPP,
        direccion=MensajeCanal.Direccion.ENTRANTE,
        creado_en__gte=timezone.now() - datetime.timedelta(hours=24),
    ).exists()


def mensaje_despachar(*, mensaje_id: int) -> bool:
    """Hand one pending row to its gateway; True when it left now.

    The row is locked while the gateway takes it (a retried task or the sweep skip it) and marked
    after. A gateway that is down raises PasarelaNoDisponible, after counting the attempt in its
    own transaction: the row stays pending for the retry and the sweep."""
    fallo: PasarelaNoDisponible | None = None
    with transaction.atomic():
        mensaje = (
            MensajeCanal.objects.select_for_update(skip_locked=True)
            .filter(pk=mensaje_id, estado=EstadoMensaje.PENDIENTE)
            .first()
        )
        if mensaje is None:
            return False
        if de_baja(mensaje.numero) and not (mensaje.clave or "").startswith("baja:"):
            mensaje.estado = EstadoMensaje.DESCARTADO
            mensaje.error = _("El número pidió la baja (BAJA o STOP).")
            mensaje.save(update_fields=["estado", "error"])
            return False
        pasarela = pasarela_de(mensaje.canal)
        segundo = int(timezone.now().timestamp())
        if limite_superado(f"canales:{pasarela.nombre}:{segundo}", pasarela.por_segundo, 2):
            raise PasarelaNoDisponible(f"{pasarela.nombre}: límite de {pasarela.por_segundo}/s")
        mensaje.intentos += 1
        mensaje.pasarela = pasarela.nombre
        salida = Salida(
            numero=mensaje.numero,
            texto=mensaje.texto,
            referencia=str(mensaje.pk),
            ventana_abierta=mensaje.canal == Canal.WHATSAPP and _ventana_abierta(mensaje),
        )
        entregado_a_la_pasarela = timezone.now()
        try:
            mensaje.id_externo = pasarela.enviar(salida) or ""
        except PasarelaNoDisponible as exc:
            mensaje.error = str(exc)[:255]
            fallo = exc
        except PasarelaRechazo as exc:
            mensaje.estado = EstadoMensaje.FALLIDO
            mensaje.error = str(exc)[:255]
        else:
            mensaje.estado = EstadoMensaje.ENVIADO
            mensaje.enviado_en = entregado_a_la_pasarela
            mensaje.error = ""
            unidades = mensaje.segmentos if mensaje.canal == Canal.SMS else 1
            mensaje.costo = Decimal(str(pasarela.costo_por_segmento)) * unidades
        mensaje.save()
    if fallo is not None:
        raise fallo
    return mensaje.estado == EstadoMensaje.ENVIADO


def mensajes_pendientes_enviar(*, antiguedad: int = 30) -> int:
    """The sweep: rows pending for more than `antiguedad` seconds are dispatched now (the broker
    lost the task, or the gateway was down through every retry). Returns how many left."""
    limite = timezone.now() - datetime.timedelta(seconds=antiguedad)
    enviados = 0
    pendientes = MensajeCanal.objects.filter(
        estado=EstadoMensaje.PENDIENTE,
        direccion=MensajeCanal.Direccion.SALIENTE,
        creado_en__lte=limite,
    ).order_by("creado_en")
    for pk in list(pendientes.values_list("pk", flat=True)[:500]):
        try:
            enviados += mensaje_despachar(mensaje_id=pk)
        except PasarelaNoDisponible:
            logger.warning("Pasarela no disponible; quedan mensajes pendientes")
            break
    return enviados


# --- Incoming ---------------------------------------------------------------------------------


def normalizar_palabra(texto: str) -> str:
    """ "  Sí. " → "SI": upper case, no accents, no punctuation around."""
    sin_tildes = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9 ]", "", sin_tildes.upper()).strip()


def _actor_de(numero: str) -> Actor | None:
    return Actor.objects.filter(telefono=numero, activo=True).order_by("-actualizado").first()


def _conversacion(numero: str) -> MensajeCanal | None:
    """The latest message sent to this number that awaits an answer, if recent."""
    propositos = {p for m in RESPUESTAS.valores() for p in m.propositos}
    if not propositos:
        return None
    return (
        MensajeCanal.objects.filter(
            numero=numero,
            direccion=MensajeCanal.Direccion.SALIENTE,
            proposito__in=propositos,
            creado_en__gte=timezone.now()
            - datetime.timedelta(days=settings.CANALES_DIAS_RESPUESTA),
        )
        .exclude(estado=EstadoMensaje.DESCARTADO)
        .order_by("-creado_en", "-pk")
        .first()
    )


def _responder(entrante: MensajeCanal, respuesta: Respuesta) -> None:
    entrante.resultado = respuesta.resultado[:255]
    if respuesta.objeto is not None:
        entrante.contenido_tipo = ContentType.objects.get_for_model(respuesta.objeto)
        entrante.objeto_id = respuesta.objeto.pk
    entrante.save(update_fields=["resultado", "contenido_tipo", "objeto_id", "respuesta_a"])
    if respuesta.acuse:
        mensaje_enviar(
            texto=respuesta.acuse,
            proposito=Proposito.ACUSE,
            numero=entrante.numero,
            canal=entrante.canal,
            actor=entrante.actor,
            respuesta_a=entrante,
            objeto=respuesta.objeto,
            clave=f"acuse:{entrante.pk}",
        )


def _baja(entrante: MensajeCanal, palabra: str) -> Respuesta:
    BajaCanal.objects.get_or_create(
        numero=entrante.numero, defaults={"canal": entrante.canal, "texto": entrante.texto[:160]}
    )
    # Everything still waiting for this number stays unsent.
    MensajeCanal.objects.filter(numero=entrante.numero, estado=EstadoMensaje.PENDIENTE).exclude(
        clave__startswith="baja:"
    ).update(estado=EstadoMensaje.DESCARTADO, error=_("El número pidió la baja (BAJA o STOP)."))
    return Respuesta(resultado=_("Pidió la baja: no se le enviarán más mensajes."))


def _despachar_entrante(entrante: MensajeCanal) -> None:
    palabra = normalizar_palabra(entrante.texto)
    if palabra in PALABRAS_BAJA:
        # One last text acknowledges it (the opt-out must be easy and confirmed); its key lets it
        # leave although the number is on the list from now on.
        mensaje_enviar(
            texto=_(
                "Pactos por Pichincha: listo, no recibira mas mensajes. Para volver escriba ALTA."
            ),
            proposito=Proposito.ACUSE,
            numero=entrante.numero,
            canal=entrante.canal,
            actor=entrante.actor,
            respuesta_a=entrante,
            clave=f"baja:{entrante.pk}",
        )
        _responder(entrante, _baja(entrante, palabra))
        return
    if palabra in PALABRAS_ALTA:
        borradas, _d = BajaCanal.objects.filter(numero=entrante.numero).delete()
        _responder(
            entrante,
            Respuesta(
                resultado=_("Pidió volver a recibir mensajes.")
                if borradas
                else _("Escribió ALTA sin haber pedido la baja."),
                acuse=_("Pactos por Pichincha: volvera a recibir nuestros mensajes.")
                if borradas
                else "",
            ),
        )
        return
    enviado = _conversacion(entrante.numero)
    if enviado is not None:
        entrante.respuesta_a = enviado
        for manejador in RESPUESTAS.valores():
            if enviado.proposito in manejador.propositos:
                respuesta = manejador.funcion(entrante, enviado)
                if respuesta is not None:
                    _responder(entrante, respuesta)
                    return
    if entrante.actor is None and limite_superado(
        f"canales:entrantes:{entrante.numero}", settings.CANALES_ENTRANTES_POR_HORA
    ):
        entrante.estado = EstadoMensaje.DESCARTADO
        entrante.resultado = _("Apartado: demasiados mensajes de un número desconocido.")
        entrante.save(update_fields=["estado", "resultado", "respuesta_a"])
        return
    for _clave, respuesta in SIN_CONVERSACION.cada(lambda funcion: funcion(entrante)):
        if respuesta is not None:
            _responder(entrante, respuesta)
            return
    entrante.save(update_fields=["respuesta_a"])


def mensaje_recibir(*, canal: str, entrada: Entrada, pasarela: str) -> MensajeCanal | None:
    """Store an incoming text once (a gateway that calls twice stores one row) and do what it
    says: an answer to what we sent, an opt-out, or a citizen's message."""
    numero = numero_e164(entrada.numero)
    if numero is None:
        logger.warning("Mensaje entrante de un número no válido: %r", entrada.numero)
        return None
    clave = f"{pasarela}:{entrada.id_externo}" if entrada.id_externo else None
    texto = entrada.texto.strip()[:1600]
    with transaction.atomic():
        if clave and MensajeCanal.objects.filter(clave=clave).exists():
            return MensajeCanal.objects.get(clave=clave)
        entrante = MensajeCanal.objects.create(
            canal=canal,
            direccion=MensajeCanal.Direccion.ENTRANTE,
            estado=EstadoMensaje.RECIBIDO,
            proposito=Proposito.ENTRANTE,
            numero=numero,
            actor=_actor_de(numero),
            texto=texto,
            segmentos=segmentos(texto) if texto else 1,
            codificacion=codificacion(texto),
            pasarela=pasarela,
            clave=clave,
            id_externo=entrada.id_externo,
        )
        _despachar_entrante(entrante)
    return entrante


def entrega_registrar(*, estado: Estado) -> MensajeCanal | None:
    """A delivery report: the row it is about moves forward (never back: a late "sent" after
    "delivered" changes nothing)."""
    filas = MensajeCanal.objects.filter(direccion=MensajeCanal.Direccion.SALIENTE)
    if estado.referencia:
        filas = (
            filas.filter(pk=int(estado.referencia)) if estado.referencia.isdigit() else filas.none()
        )
    elif estado.id_externo:
        filas = filas.filter(id_externo=estado.id_externo)
    else:
        return None
    orden = [
        EstadoMensaje.PENDIENTE,
        EstadoMensaje.ENVIADO,
        EstadoMensaje.FALLIDO,
        EstadoMensaje.ENTREGADO,
        EstadoMensaje.LEIDO,
    ]
    with transaction.atomic():
        mensaje = filas.select_for_update().first()
        if mensaje is None:
            return None
        actual = orden.index(mensaje.estado) if mensaje.estado in orden else len(orden)
        nuevo = orden.index(estado.estado) if estado.estado in orden else -1
        if nuevo <= actual:
            return mensaje
        mensaje.estado = estado.estado
        # The gateway's own time when it is meaningful (WhatsApp's "read"); Kannel's has whole
        # seconds and may precede the moment the row was handed over: then, when it reached us.
        cuando = estado.en
        if cuando is None or (mensaje.enviado_en and cuando < mensaje.enviado_en):
            cuando = timezone.now()
        if estado.estado in (EstadoMensaje.ENTREGADO, EstadoMensaje.LEIDO):
            mensaje.entregado_en = mensaje.entregado_en or cuando
        if estado.estado == EstadoMensaje.FALLIDO:
            mensaje.error = (estado.detalle or _("El centro de mensajes no pudo entregarlo."))[:255]
        mensaje.save(update_fields=["estado", "entregado_en", "error"])
    return mensaje
