"""Every text message that left or arrived, on any channel, one row each (as e-mail rows
remember what left): its channel, direction, number, the person, what it belongs to (an
invitation, a commitment, a citizen's message), its delivery status and the replies.

Outgoing rows are created by canales.services.mensaje_enviar with a key that makes them unique
(one convocation per invitation and version...), then sent by a Celery task on the `sms` queue;
a row stays `pendiente` until a gateway took it, so nothing is lost while a gateway is down.
Incoming rows are keyed by the gateway's id, so a gateway that calls twice stores one row.
"""

from __future__ import annotations

import secrets
import string

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class MensajeCanal(models.Model):
    class Canal(models.TextChoices):
        SMS = "sms", _("SMS")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Direccion(models.TextChoices):
        SALIENTE = "saliente", _("Enviado por el programa")
        ENTRANTE = "entrante", _("Recibido")

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Por enviar")
        ENVIADO = "enviado", _("Enviado")
        ENTREGADO = "entregado", _("Entregado")
        LEIDO = "leido", _("Leído")
        FALLIDO = "fallido", _("No se pudo entregar")
        DESCARTADO = "descartado", _("No enviado")
        RECIBIDO = "recibido", _("Recibido")

    class Proposito(models.TextChoices):
        CONVOCATORIA = "convocatoria", _("Convocatoria a una sesión")
        RECORDATORIO = "recordatorio", _("Recordatorio de una sesión")
        AVISO = "aviso", _("Cambio o cancelación de una sesión")
        INVITACION_EVENTO = "invitacion_evento", _("Invitación a un evento")
        RECORDATORIO_EVENTO = "recordatorio_evento", _("Recordatorio de un evento")
        COMPROMISO = "compromiso", _("Recordatorio de un compromiso")
        RESPUESTA = "respuesta", _("Respuesta a un mensaje ciudadano")
        ACUSE = "acuse", _("Respuesta automática")
        ENTRANTE = "entrante", _("Mensaje recibido")

    canal = models.CharField(_("canal"), max_length=10, choices=Canal.choices)
    direccion = models.CharField(_("dirección"), max_length=10, choices=Direccion.choices)
    estado = models.CharField(_("estado"), max_length=10, choices=Estado.choices)
    proposito = models.CharField(_("motivo"), max_length=20, choices=Proposito.choices)
    numero = models.CharField(_("número"), max_length=20, db_index=True)
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("persona u organización"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mensajes_canal",
    )
    texto = models.TextField(_("texto"), max_length=1600)
    segmentos = models.PositiveSmallIntegerField(_("segmentos"), default=1)
    codificacion = models.CharField(_("codificación"), max_length=4, blank=True)
    pasarela = models.CharField(_("pasarela"), max_length=20, blank=True)
    clave = models.CharField(
        _("clave única"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Lo que hace único al mensaje: el mismo aviso nunca sale dos veces."),
    )
    contenido_tipo = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    objeto_id = models.PositiveBigIntegerField(null=True, blank=True)
    objeto = GenericForeignKey("contenido_tipo", "objeto_id")
    respuesta_a = models.ForeignKey(
        "self",
        verbose_name=_("responde a"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="respuestas",
    )
    id_externo = models.CharField(_("id en la pasarela"), max_length=120, blank=True, db_index=True)
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    error = models.CharField(_("error"), max_length=255, blank=True)
    resultado = models.CharField(_("qué produjo"), max_length=255, blank=True)
    costo = models.DecimalField(_("costo (USD)"), max_digits=8, decimal_places=4, default=0)
    creado_en = models.DateTimeField(_("creado"), auto_now_add=True, db_index=True)
    enviado_en = models.DateTimeField(_("enviado"), null=True, blank=True)
    entregado_en = models.DateTimeField(_("entregado"), null=True, blank=True)
    enviado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enviado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-creado_en", "-pk"]
        verbose_name = _("mensaje SMS o WhatsApp")
        verbose_name_plural = _("mensajes SMS y WhatsApp")
        indexes = [
            models.Index(fields=["contenido_tipo", "objeto_id"], name="mensajecanal_objeto_idx"),
            models.Index(fields=["numero", "-creado_en"], name="mensajecanal_numero_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(segmentos__gte=1), name="mensajecanal_segmentos_positivos"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_canal_display()} {self.get_direccion_display()} {self.numero}"

    @property
    def saliente(self) -> bool:
        return self.direccion == self.Direccion.SALIENTE

    @property
    def segundos_entrega(self) -> float | None:
        """Seconds from the gateway taking it to the report of its delivery."""
        if self.enviado_en and self.entregado_en:
            return max((self.entregado_en - self.enviado_en).total_seconds(), 0.0)
        return None


class BajaCanal(models.Model):
    """A number that answered BAJA or STOP: nothing more is sent to it, on any channel, until the
    same number writes ALTA. Kept on its own so that no edit of the actor's consent undoes it."""

    numero = models.CharField(_("número"), max_length=20, unique=True)
    canal = models.CharField(
        _("canal por el que pidió la baja"), max_length=10, choices=MensajeCanal.Canal.choices
    )
    texto = models.CharField(_("lo que escribió"), max_length=160)
    creada_en = models.DateTimeField(_("pedida el"), auto_now_add=True)

    class Meta:
        ordering = ["-creada_en"]
        verbose_name = _("baja de mensajes")
        verbose_name_plural = _("bajas de mensajes")

    def __str__(self) -> str:
        return self.numero


_ALFABETO = string.ascii_letters + string.digits


def nuevo_codigo_enlace() -> str:
    """Eight characters from 62: about 47 bits, unguessable like the tokens it stands for."""
    return "".join(secrets.choice(_ALFABETO) for _ in range(8))


class EnlaceCorto(models.Model):
    """A short address for a text message (`/e/<codigo>`), standing for a longer portal link
    that may itself act without login (an invitation's answer page)."""

    codigo = models.CharField(max_length=12, unique=True, default=nuevo_codigo_enlace)
    destino = models.CharField(_("destino"), max_length=500, unique=True)
    creado_en = models.DateTimeField(auto_now_add=True)
    visitas = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("enlace corto")
        verbose_name_plural = _("enlaces cortos")

    def __str__(self) -> str:
        return f"/e/{self.codigo}"
