"""Subscriptions by e-mail (double opt-in) to news, a canton, an axis, a pacto's updates or a
table's news (its published actas and its new sessions)."""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Suscripcion", "EnvioSuscripcion", "nueva_clave_suscripcion"]


def nueva_clave_suscripcion() -> str:
    """A random key signed into the subscription's links: renewing it revokes old links."""
    return secrets.token_urlsafe(16)


# Each kind of topic names exactly its own object (the check constraint below).
_SIN_OBJETO = {
    "canton__isnull": True,
    "eje__isnull": True,
    "pacto__isnull": True,
    "mesa__isnull": True,
}


class SuscripcionQuerySet(models.QuerySet):
    def activas(self):
        """Confirmed and not unsubscribed: the only ones that ever receive a digest."""
        return self.filter(confirmada_en__isnull=False, baja_en__isnull=True)


class Suscripcion(models.Model):
    class Tipo(models.TextChoices):
        NOTICIAS = "noticias", _("Todas las noticias")
        CANTON = "canton", _("Noticias de un cantón")
        EJE = "eje", _("Noticias de un eje")
        PACTO = "pacto", _("Avances de un pacto")
        MESA = "mesa", _("Novedades de una mesa")

    email = models.EmailField(_("correo electrónico"))
    tipo = models.CharField(_("qué quiere recibir"), max_length=10, choices=Tipo.choices)
    canton = models.ForeignKey(
        "sie.Canton", verbose_name=_("cantón"), null=True, blank=True, on_delete=models.CASCADE
    )
    eje = models.ForeignKey(
        "sie.Eje", verbose_name=_("eje"), null=True, blank=True, on_delete=models.CASCADE
    )
    pacto = models.ForeignKey(
        "pactos.Pacto", verbose_name=_("pacto"), null=True, blank=True, on_delete=models.CASCADE
    )
    mesa = models.ForeignKey(
        "mesas.Mesa", verbose_name=_("mesa"), null=True, blank=True, on_delete=models.CASCADE
    )
    clave = models.CharField(max_length=32, default=nueva_clave_suscripcion, editable=False)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    confirmacion_enviada_en = models.DateTimeField(
        _("confirmación enviada en"), null=True, blank=True
    )
    confirmada_en = models.DateTimeField(_("confirmada en"), null=True, blank=True)
    baja_en = models.DateTimeField(_("baja en"), null=True, blank=True)

    objects = SuscripcionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suscripción")
        verbose_name_plural = _("suscripciones")
        ordering = ["-creada"]
        # One subscription per address and topic: one partial unique index per kind of topic
        # (the check below fixes which object each kind has). NULLS NOT DISTINCT said the same
        # in one constraint, but SQLite (the embedded default) does not create it.
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(tipo="noticias"),
                name="suscripcion_unica_noticias",
            ),
            models.UniqueConstraint(
                fields=["email", "canton"],
                condition=Q(tipo="canton"),
                name="suscripcion_unica_canton",
            ),
            models.UniqueConstraint(
                fields=["email", "eje"], condition=Q(tipo="eje"), name="suscripcion_unica_eje"
            ),
            models.UniqueConstraint(
                fields=["email", "pacto"],
                condition=Q(tipo="pacto"),
                name="suscripcion_unica_pacto",
            ),
            models.UniqueConstraint(
                fields=["email", "mesa"], condition=Q(tipo="mesa"), name="suscripcion_unica_mesa"
            ),
            models.CheckConstraint(
                condition=(
                    Q(tipo="noticias", **_SIN_OBJETO)
                    | Q(tipo="canton", **{**_SIN_OBJETO, "canton__isnull": False})
                    | Q(tipo="eje", **{**_SIN_OBJETO, "eje__isnull": False})
                    | Q(tipo="pacto", **{**_SIN_OBJETO, "pacto__isnull": False})
                    | Q(tipo="mesa", **{**_SIN_OBJETO, "mesa__isnull": False})
                ),
                name="suscripcion_tipo_con_su_objeto",
            ),
        ]
        indexes = [models.Index(fields=["confirmada_en", "baja_en"], name="suscripcion_activa_idx")]

    def __str__(self) -> str:
        return f"{self.email} · {self.descripcion}"

    @property
    def descripcion(self) -> str:
        if self.tipo == self.Tipo.CANTON and self.canton_id:
            return _("Noticias de %(canton)s") % {"canton": self.canton}
        if self.tipo == self.Tipo.EJE and self.eje_id:
            return _("Noticias del eje %(eje)s") % {"eje": self.eje}
        if self.tipo == self.Tipo.PACTO and self.pacto_id:
            return _("Avances de %(pacto)s") % {"pacto": self.pacto}
        if self.tipo == self.Tipo.MESA and self.mesa_id:
            return _("%(mesa)s: actas, sesiones y noticias") % {"mesa": self.mesa}
        return str(self.Tipo.NOTICIAS.label)

    @property
    def activa(self) -> bool:
        return self.confirmada_en is not None and self.baja_en is None


class EnvioSuscripcion(models.Model):
    """One item delivered to one subscription: a digest never sends the same item twice."""

    class Clase(models.TextChoices):
        NOTICIA = "noticia", _("Noticia")
        ACTUALIZACION = "actualizacion", _("Avance de un compromiso")
        ACTA = "acta", _("Acta publicada de una sesión")
        SESION = "sesion", _("Sesión convocada")

    suscripcion = models.ForeignKey(
        Suscripcion, verbose_name=_("suscripción"), on_delete=models.CASCADE, related_name="envios"
    )
    clase = models.CharField(_("clase"), max_length=14, choices=Clase.choices)
    objeto_id = models.PositiveBigIntegerField(_("objeto"))
    enviado_en = models.DateTimeField(_("enviado en"), auto_now_add=True)

    class Meta:
        verbose_name = _("envío a un suscriptor")
        verbose_name_plural = _("envíos a suscriptores")
        constraints = [
            models.UniqueConstraint(
                fields=["suscripcion", "clase", "objeto_id"], name="envio_una_vez_por_objeto"
            )
        ]

    def __str__(self) -> str:
        return f"{self.suscripcion_id} · {self.clase} {self.objeto_id}"
