"""Public consultation on a draft pacto: consultations, comments, moderation and official answers."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["Comentario", "Consulta", "RespuestaOficial"]


class Consulta(models.Model):
    """A dated public consultation on one frozen version of a pacto."""

    class Estado(models.TextChoices):
        ABIERTA = "abierta", _("Abierta")
        CERRADA = "cerrada", _("Cerrada")

    version = models.ForeignKey(
        "pactos.VersionPacto",
        verbose_name=_("versión del pacto"),
        on_delete=models.PROTECT,
        related_name="consultas",
    )
    presentacion = models.TextField(
        _("presentación"),
        max_length=2000,
        blank=True,
        help_text=_("Qué se consulta y cómo se usarán los comentarios."),
    )
    abre = models.DateTimeField(_("abre"))
    cierra = models.DateTimeField(_("cierra"))
    estado = models.CharField(
        _("estado"), max_length=8, choices=Estado.choices, default=Estado.ABIERTA
    )
    abierta_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("abierta por"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    cerrada_en = models.DateTimeField(_("cerrada en"), null=True, blank=True)
    cerrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cerrada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        verbose_name = _("consulta pública")
        verbose_name_plural = _("consultas públicas")
        ordering = ["-abre", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cierra__gt=models.F("abre")),
                name="consulta_cierra_despues_de_abrir",
                violation_error_message=_("La consulta debe cerrar después de abrir."),
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(estado="abierta"),
                name="consulta_abierta_unica_por_version",
                violation_error_message=_("Esta versión del pacto ya tiene una consulta abierta."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.version.pacto)

    def get_absolute_url(self) -> str:
        return reverse("comunicacion:consulta", kwargs={"pk": self.pk})

    @property
    def pacto(self):
        return self.version.pacto

    @property
    def acepta_comentarios(self) -> bool:
        """Open, and today falls between its dates."""
        ahora = timezone.now()
        return self.estado == self.Estado.ABIERTA and self.abre <= ahora < self.cierra


class RespuestaOficial(models.Model):
    """The programme's answer to one comment or to several similar ones (a bulk answer)."""

    class Decision(models.TextChoices):
        INCORPORADO = "incorporado", _("Incorporado a la siguiente versión")
        PARCIAL = "parcial", _("Incorporado en parte")
        NO_INCORPORADO = "no_incorporado", _("No incorporado")
        NO_APLICA = "no_aplica", _("Sin cambios en el texto (aclaración)")

    consulta = models.ForeignKey(
        Consulta,
        verbose_name=_("consulta"),
        on_delete=models.PROTECT,
        related_name="respuestas",
    )
    texto = models.TextField(_("respuesta"), max_length=4000)
    decision = models.CharField(
        _("qué pasa con lo propuesto"),
        max_length=15,
        choices=Decision.choices,
        default=Decision.NO_APLICA,
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondida por"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    creada = models.DateTimeField(_("respondida en"), auto_now_add=True)

    class Meta:
        verbose_name = _("respuesta oficial")
        verbose_name_plural = _("respuestas oficiales")
        ordering = ["consulta", "creada", "pk"]

    def __str__(self) -> str:
        return self.texto[:80]


class ComentarioQuerySet(models.QuerySet):
    def visibles(self):
        """What public pages list: published comments and hidden ones (shown as hidden)."""
        return self.filter(estado__in=[Comentario.Estado.PUBLICADO, Comentario.Estado.OCULTO])

    def publicados(self):
        return self.filter(estado=Comentario.Estado.PUBLICADO)


def nueva_clave_comentario() -> str:
    """The random key a comment's confirmation link carries beside its id (never its address)."""
    return secrets.token_urlsafe(16)


class Comentario(models.Model):
    """A visitor's comment on the whole text, a section or a commitment of the consulted version."""

    class Destino(models.TextChoices):
        TEXTO = "texto", _("Todo el texto")
        SECCION = "seccion", _("Una sección")
        COMPROMISO = "compromiso", _("Un compromiso")

    class Seccion(models.TextChoices):
        PREAMBULO = "preambulo", _("Preámbulo")
        ESTRATEGIA = "estrategia", _("Estrategia")
        OBJETIVOS = "objetivos", _("Objetivos")

    class Tipo(models.TextChoices):
        APOYO = "apoyo", _("Apoyo")
        PREOCUPACION = "preocupacion", _("Preocupación")
        PROPUESTA = "propuesta", _("Propuesta")

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente de confirmación")
        PUBLICADO = "publicado", _("Publicado")
        OCULTO = "oculto", _("Oculto por moderación")

    LONGITUD_MAXIMA = 2000

    consulta = models.ForeignKey(
        Consulta,
        verbose_name=_("consulta"),
        on_delete=models.PROTECT,
        related_name="comentarios",
    )
    destino = models.CharField(
        _("sobre qué comenta"), max_length=10, choices=Destino.choices, default=Destino.TEXTO
    )
    seccion = models.CharField(_("sección"), max_length=10, choices=Seccion.choices, blank=True)
    compromiso = models.ForeignKey(
        "pactos.Compromiso",
        verbose_name=_("compromiso"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comentarios_consulta",
    )
    # The commitment as it read when commented ("3. Title"): it survives renumbering or removal.
    compromiso_etiqueta = models.CharField(_("compromiso comentado"), max_length=260, blank=True)
    tipo = models.CharField(_("tipo de comentario"), max_length=12, choices=Tipo.choices)
    texto = models.TextField(_("comentario"), max_length=LONGITUD_MAXIMA)
    nombre = models.CharField(_("nombre"), max_length=120)
    email = models.EmailField(_("correo electrónico"), blank=True)
    clave_confirmacion = models.CharField(
        max_length=32, default=nueva_clave_comentario, editable=False
    )
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comentarios_consulta",
    )
    canton = models.ForeignKey(
        "sie.Canton", verbose_name=_("cantón"), on_delete=models.PROTECT, null=True, blank=True
    )
    sector = models.ForeignKey(
        "sie.Sector", verbose_name=_("sector"), on_delete=models.PROTECT, null=True, blank=True
    )
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    creado = models.DateTimeField(_("enviado"), auto_now_add=True)
    # When the confirmation link went out: sent once, and sent again by the sweep if the broker
    # was down when the comment arrived.
    confirmacion_enviada_en = models.DateTimeField(
        _("confirmación enviada en"), null=True, blank=True
    )
    publicado_en = models.DateTimeField(_("publicado en"), null=True, blank=True)
    motivo_ocultacion = models.CharField(_("motivo público"), max_length=300, blank=True)
    oculto_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oculto por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    oculto_en = models.DateTimeField(_("oculto en"), null=True, blank=True)
    respuesta = models.ForeignKey(
        RespuestaOficial,
        verbose_name=_("respuesta oficial"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comentarios",
    )
    # When the answer e-mail went out to this comment's author: a retried task never sends twice.
    respuesta_enviada_en = models.DateTimeField(_("respuesta enviada en"), null=True, blank=True)

    objects = ComentarioQuerySet.as_manager()

    class Meta:
        verbose_name = _("comentario de consulta")
        verbose_name_plural = _("comentarios de consulta")
        ordering = ["consulta", "creado", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(estado="oculto") | ~Q(motivo_ocultacion=""),
                name="comentario_oculto_con_motivo",
                violation_error_message=_("Escriba el motivo público para ocultar el comentario."),
            ),
            models.CheckConstraint(
                condition=~Q(email="") | Q(usuario__isnull=False),
                name="comentario_con_correo_o_usuario",
            ),
            models.CheckConstraint(
                condition=(
                    Q(destino="texto", seccion="", compromiso_etiqueta="")
                    | (Q(destino="seccion", compromiso_etiqueta="") & ~Q(seccion=""))
                    | (Q(destino="compromiso", seccion="") & ~Q(compromiso_etiqueta=""))
                ),
                name="comentario_destino_coherente",
            ),
        ]
        indexes = [
            models.Index(fields=["consulta", "estado"], name="comentario_consulta_estado_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_tipo_display()}: {self.texto[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.consulta.get_absolute_url()}#comentario-{self.pk}"

    @property
    def destino_texto(self) -> str:
        """What the comment is about, as the page and the report say it."""
        if self.destino == self.Destino.SECCION:
            return str(self.Seccion(self.seccion).label)
        if self.destino == self.Destino.COMPROMISO:
            return _("Compromiso %(compromiso)s") % {"compromiso": self.compromiso_etiqueta}
        return str(_("Todo el texto"))

    @property
    def correo_destino(self) -> str:
        """Where answers go: the address confirmed with the link, or the account's."""
        if self.email:
            return self.email
        return getattr(self.usuario, "email", "") or ""

    @property
    def oculto(self) -> bool:
        return self.estado == self.Estado.OCULTO
