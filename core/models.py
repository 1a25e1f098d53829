import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def ruta_documento(documento: "Documento", nombre: str) -> str:
    return f"documentos/{documento.tipo}/{documento.uuid}/{nombre}"


class Documento(models.Model):
    """A generated file (PDF) of a source object: one row per (source, kind, version).

    The row is created when someone asks for the document; a Celery task renders it
    (pendiente -> generando -> listo | error) and a periodic sweep re-enqueues rows left behind.
    """

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        GENERANDO = "generando", _("Generando")
        LISTO = "listo", _("Listo")
        ERROR = "error", _("Error")

    uuid = models.UUIDField(
        _("identificador público"), default=uuid.uuid4, unique=True, editable=False
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("tipo de objeto de origen")
    )
    object_id = models.CharField(_("identificador del objeto de origen"), max_length=64)
    fuente = GenericForeignKey("content_type", "object_id")
    tipo = models.CharField(_("clase de documento"), max_length=60)
    version = models.PositiveIntegerField(_("versión"), default=1)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE
    )
    archivo = models.FileField(_("archivo"), upload_to=ruta_documento, max_length=255, blank=True)
    nombre_archivo = models.CharField(_("nombre del archivo"), max_length=150, blank=True)
    checksum = models.CharField(_("suma SHA-256"), max_length=64, blank=True)
    tamano = models.PositiveIntegerField(_("tamaño en bytes"), null=True, blank=True)
    solicitado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documentos_solicitados",
        verbose_name=_("solicitado por"),
    )
    intentos = models.PositiveSmallIntegerField(_("intentos de generación"), default=0)
    error = models.TextField(_("mensaje de error"), blank=True)
    creado = models.DateTimeField(_("solicitado el"), auto_now_add=True)
    actualizado = models.DateTimeField(_("actualizado el"), auto_now=True)
    encolado = models.DateTimeField(_("encolado por última vez"), null=True, blank=True)
    generando_desde = models.DateTimeField(_("generación iniciada"), null=True, blank=True)
    generado = models.DateTimeField(_("generado el"), null=True, blank=True)

    class Meta:
        ordering = ["-creado"]
        verbose_name = _("documento generado")
        verbose_name_plural = _("documentos generados")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "tipo", "version"],
                name="documento_unico_por_fuente_tipo_version",
            ),
            models.CheckConstraint(
                condition=~models.Q(estado="listo") | ~models.Q(checksum=""),
                name="documento_listo_tiene_checksum",
            ),
        ]
        indexes = [models.Index(fields=["estado", "creado"], name="documento_estado_creado")]

    def __str__(self) -> str:
        return f"{self.tipo} {self.object_id} v{self.version} ({self.get_estado_display()})"

    def get_absolute_url(self) -> str:
        return reverse("core:documento", kwargs={"uuid": self.uuid})

    @property
    def listo(self) -> bool:
        return self.estado == self.Estado.LISTO

    @property
    def en_curso(self) -> bool:
        return self.estado in (self.Estado.PENDIENTE, self.Estado.GENERANDO)


class PreferenciasPanel(models.Model):
    """What a member of the team chose about their work queue: the daily e-mail digest."""

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preferencias_panel",
        verbose_name=_("usuario"),
    )
    resumen_diario = models.BooleanField(_("recibir el resumen diario por correo"), default=False)
    # The day whose digest already left: one e-mail a day, whatever the runs.
    resumen_enviado_el = models.DateField(_("último resumen enviado"), null=True, blank=True)

    class Meta:
        verbose_name = _("preferencias del panel")
        verbose_name_plural = _("preferencias del panel")

    def __str__(self) -> str:
        return str(self.usuario)


class CambioPersona(models.Model):
    """One change to a person's account made from the portal: who, when, what."""

    class Accion(models.TextChoices):
        INVITADA = "invitada", _("Invitación enviada")
        ROLES = "roles", _("Roles cambiados")
        DESACTIVADA = "desactivada", _("Cuenta desactivada")
        ACTIVADA = "activada", _("Cuenta reactivada")
        MESAS = "mesas", _("Mesas que facilita")
        CONTACTO = "contacto", _("Contacto de organización")

    persona = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cambios_de_cuenta",
        verbose_name=_("persona"),
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="cambios_de_cuenta_hechos",
        verbose_name=_("hecho por"),
    )
    fecha = models.DateTimeField(_("fecha"), auto_now_add=True)
    accion = models.CharField(_("acción"), max_length=12, choices=Accion.choices)
    detalle = models.CharField(_("detalle"), max_length=500, blank=True)

    class Meta:
        ordering = ["persona", "-fecha", "-pk"]
        verbose_name = _("cambio de una cuenta")
        verbose_name_plural = _("cambios de las cuentas")

    def __str__(self) -> str:
        return f"{self.persona} — {self.get_accion_display()}"
