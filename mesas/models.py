"""Mesas: the 13 dialogue tables, their sessions and what facilitators record in them."""

import uuid

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Mesa(models.Model):
    """A dialogue table: cantonal on tourism (one per canton) or sectoral on agriculture."""

    class Tipo(models.TextChoices):
        TURISMO = "turismo", _("Cantonal de turismo")
        AGROPECUARIO = "agropecuario", _("Sectorial agropecuaria")

    class Estado(models.TextChoices):
        CONVOCATORIA = "convocatoria", _("En convocatoria")
        ACTIVA = "activa", _("Activa")
        CERRADA = "cerrada", _("Cerrada")

    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices)
    canton = models.ForeignKey(
        "sie.Canton",
        verbose_name=_("cantón"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mesas",
    )
    sector = models.ForeignKey(
        "sie.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mesas",
    )
    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    objetivo = models.TextField(_("objetivo"), blank=True)
    notas_metodologicas = models.TextField(_("notas metodológicas"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.CONVOCATORIA
    )
    facilitadores = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitadores"),
        blank=True,
        related_name="mesas_facilitadas",
    )
    miembros = models.ManyToManyField(
        "actores.Actor", verbose_name=_("miembros"), blank=True, related_name="mesas"
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("mesa")
        verbose_name_plural = _("mesas")
        constraints = [
            models.UniqueConstraint(
                fields=["canton"],
                condition=Q(tipo="turismo"),
                name="mesa_turismo_una_por_canton",
                violation_error_message=_("Ya existe una mesa de turismo para este cantón."),
            ),
            models.UniqueConstraint(
                fields=["sector"],
                condition=Q(tipo="agropecuario"),
                name="mesa_agropecuaria_una_por_sector",
                violation_error_message=_("Ya existe una mesa agropecuaria para este sector."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(tipo="turismo", canton__isnull=False, sector__isnull=True)
                    | Q(tipo="agropecuario", sector__isnull=False, canton__isnull=True)
                ),
                name="mesa_tipo_con_su_territorio",
                violation_error_message=_(
                    "Una mesa de turismo necesita un cantón; una agropecuaria, un sector."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.nombre

    def get_absolute_url(self) -> str:
        return reverse("mesas:mesa", kwargs={"slug": self.slug})

    @property
    def ambito(self):
        return self.canton if self.tipo == self.Tipo.TURISMO else self.sector


class Sesion(models.Model):
    """A numbered session of a table; frozen once closed, its acta published by a coordinator."""

    class Modalidad(models.TextChoices):
        PRESENCIAL = "presencial", _("Presencial")
        VIRTUAL = "virtual", _("Virtual")
        HIBRIDA = "hibrida", _("Híbrida")

    class Estado(models.TextChoices):
        PLANIFICADA = "planificada", _("Planificada")
        EN_CURSO = "en_curso", _("En curso")
        CERRADA = "cerrada", _("Cerrada")
        ACTA_PUBLICADA = "acta_publicada", _("Acta publicada")
        CANCELADA = "cancelada", _("Cancelada")

    ESTADOS_EDITABLES = (Estado.PLANIFICADA, Estado.EN_CURSO)

    mesa = models.ForeignKey(
        Mesa, verbose_name=_("mesa"), on_delete=models.PROTECT, related_name="sesiones"
    )
    numero = models.PositiveSmallIntegerField(_("número"))
    inicio = models.DateTimeField(_("fecha y hora de inicio"))
    fin = models.DateTimeField(_("hora de fin"), null=True, blank=True)
    modalidad = models.CharField(
        _("modalidad"), max_length=10, choices=Modalidad.choices, default=Modalidad.PRESENCIAL
    )
    parroquia = models.ForeignKey(
        "sie.Parroquia",
        verbose_name=_("parroquia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sesiones_mesa",
    )
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    enlace = models.URLField(_("enlace de la reunión en línea"), blank=True)
    objetivo = models.TextField(_("objetivo de la sesión"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=16, choices=Estado.choices, default=Estado.PLANIFICADA
    )
    version = models.PositiveIntegerField(_("versión de edición"), default=1)
    acta_version = models.PositiveIntegerField(_("versión del acta"), default=0)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    cerrada_en = models.DateTimeField(_("cerrada en"), null=True, blank=True)
    cerrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cerrada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    publicada_en = models.DateTimeField(_("acta publicada en"), null=True, blank=True)
    publicada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acta publicada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelada_en = models.DateTimeField(_("cancelada en"), null=True, blank=True)
    cancelada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    motivo_cancelacion = models.TextField(_("motivo de la cancelación"), blank=True)

    class Meta:
        ordering = ["mesa__orden", "numero"]
        verbose_name = _("sesión")
        verbose_name_plural = _("sesiones")
        constraints = [
            # A cancelled session keeps the number it was convened with; the sessions that take
            # place are numbered without it (services.sesiones_renumerar), so it may repeat.
            models.UniqueConstraint(
                fields=["mesa", "numero"],
                condition=~Q(estado="cancelada"),
                name="sesion_numero_unico_por_mesa",
                violation_error_message=_("Ya existe una sesión con ese número en esta mesa."),
            ),
            models.CheckConstraint(
                condition=Q(fin__isnull=True) | Q(fin__gt=models.F("inicio")),
                name="sesion_fin_despues_de_inicio",
                violation_error_message=_("La hora de fin debe ser posterior a la de inicio."),
            ),
        ]
        indexes = [models.Index(fields=["estado", "inicio"], name="sesion_estado_inicio_idx")]

    def __str__(self) -> str:
        return f"{self.mesa} — {_('sesión')} {self.numero}"

    def get_absolute_url(self) -> str:
        return reverse("mesas:sesion", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse(
            "mesas:sesion_publica", kwargs={"slug": self.mesa.slug, "numero": self.numero}
        )

    @property
    def editable(self) -> bool:
        return self.estado in self.ESTADOS_EDITABLES

    @property
    def publicada(self) -> bool:
        return self.estado == self.Estado.ACTA_PUBLICADA

    @property
    def cancelada(self) -> bool:
        return self.estado == self.Estado.CANCELADA


class PuntoAgenda(models.Model):
    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="agenda"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    orden = models.PositiveSmallIntegerField(_("orden"))
    hora = models.TimeField(_("hora"), null=True, blank=True)
    titulo = models.CharField(_("tema"), max_length=200)
    proposito = models.CharField(_("propósito"), max_length=300, blank=True)

    class Meta:
        # by time (items without a time after those with one), then in the order typed
        ordering = ["sesion", models.F("hora").asc(nulls_last=True), "orden"]
        verbose_name = _("punto de agenda")
        verbose_name_plural = _("puntos de agenda")
        constraints = [
            models.UniqueConstraint(fields=["sesion", "orden"], name="agenda_orden_unico")
        ]

    def __str__(self) -> str:
        return f"{self.orden}. {self.titulo}"


class Asistencia(models.Model):
    """Someone present at a session, and the organisation they represent there."""

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="asistencias"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("asistente"),
        on_delete=models.PROTECT,
        related_name="asistencias_mesa",
    )
    organizacion = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("organización a la que representa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representaciones_mesa",
    )
    es_miembro = models.BooleanField(_("miembro de la mesa"), default=False)
    registrada = models.DateTimeField(_("registrada"), auto_now_add=True)
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["sesion", "actor__nombre"]
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencias")
        constraints = [
            models.UniqueConstraint(
                fields=["sesion", "actor"],
                name="asistencia_unica",
                violation_error_message=_("Esta persona ya está en la lista de asistencia."),
            )
        ]

    def __str__(self) -> str:
        return str(self.actor)


class Intervencion(models.Model):
    class Tipo(models.TextChoices):
        PROPUESTA = "propuesta", _("Propuesta")
        PREOCUPACION = "preocupacion", _("Preocupación")
        INFORMACION = "informacion", _("Información")
        APOYO = "apoyo", _("Apoyo a un acuerdo")

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="intervenciones"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("quién interviene"),
        on_delete=models.PROTECT,
        related_name="intervenciones_mesa",
    )
    punto = models.ForeignKey(
        PuntoAgenda,
        verbose_name=_("punto de agenda"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervenciones",
    )
    tipo = models.CharField(_("tipo"), max_length=14, choices=Tipo.choices)
    resumen = models.TextField(_("resumen"), max_length=1000)
    registrada = models.DateTimeField(_("registrada"), auto_now_add=True)
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["sesion", "registrada", "pk"]
        verbose_name = _("intervención")
        verbose_name_plural = _("intervenciones")

    def __str__(self) -> str:
        return f"{self.actor}: {self.resumen[:60]}"


class Prioridad(models.Model):
    """A priority put to those present, with the votes it received."""

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="prioridades"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    texto = models.CharField(_("prioridad"), max_length=300)
    votos = models.PositiveIntegerField(_("votos"), default=0)

    class Meta:
        ordering = ["sesion", "-votos", "pk"]
        verbose_name = _("prioridad")
        verbose_name_plural = _("prioridades")

    def __str__(self) -> str:
        return self.texto


class Acuerdo(models.Model):
    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="acuerdos"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    numero = models.PositiveSmallIntegerField(_("número"))
    texto = models.TextField(_("acuerdo"), max_length=2000)
    responsables = models.ManyToManyField(
        "actores.Actor",
        verbose_name=_("responsables"),
        blank=True,
        related_name="acuerdos_mesa",
    )
    plazo = models.DateField(_("plazo"), null=True, blank=True)
    resultado_esperado = models.CharField(_("resultado esperado"), max_length=300, blank=True)
    indicador = models.ForeignKey(
        "sie.Indicador",
        verbose_name=_("indicador del SIE"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acuerdos_mesa",
        help_text=_("Opcional: el indicador del SIE con el que se medirá el acuerdo."),
    )
    version = models.PositiveIntegerField(_("versión de edición"), default=1)
    registrado = models.DateTimeField(_("registrado"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sesion", "numero"]
        verbose_name = _("acuerdo")
        verbose_name_plural = _("acuerdos")
        constraints = [
            models.UniqueConstraint(fields=["sesion", "numero"], name="acuerdo_numero_unico")
        ]

    def __str__(self) -> str:
        return f"{self.numero}. {self.texto[:80]}"


class TemaPendiente(models.Model):
    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="temas_pendientes"
    )
    uid = models.UUIDField(_("identificador"), unique=True, default=uuid.uuid4, editable=False)
    texto = models.CharField(_("tema pendiente"), max_length=300)

    class Meta:
        ordering = ["sesion", "pk"]
        verbose_name = _("tema pendiente")
        verbose_name_plural = _("temas pendientes")

    def __str__(self) -> str:
        return self.texto


class Invitacion(models.Model):
    """An actor invited by e-mail to a session; they answer through the link in the message."""

    class Respuesta(models.TextChoices):
        SIN_RESPUESTA = "sin_respuesta", _("Sin respuesta")
        CONFIRMADA = "confirmada", _("Confirmó asistencia")
        DECLINADA = "declinada", _("No asistirá")

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="invitaciones"
    )
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("invitado"),
        on_delete=models.CASCADE,
        related_name="invitaciones_mesa",
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    respuesta = models.CharField(
        _("respuesta"), max_length=14, choices=Respuesta.choices, default=Respuesta.SIN_RESPUESTA
    )
    respondida_en = models.DateTimeField(_("respondida en"), null=True, blank=True)
    enviada_en = models.DateTimeField(_("enviada en"), null=True, blank=True)
    recordatorio_en = models.DateTimeField(_("recordatorio enviado en"), null=True, blank=True)
    invitada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["sesion", "actor__nombre"]
        verbose_name = _("invitación")
        verbose_name_plural = _("invitaciones")
        constraints = [models.UniqueConstraint(fields=["sesion", "actor"], name="invitacion_unica")]

    def __str__(self) -> str:
        return f"{self.actor} → {self.sesion}"


class CambioSesion(models.Model):
    """A correction made to what was recorded in a session: who, when, which item, old → new."""

    class Tipo(models.TextChoices):
        ASISTENCIA = "asistencia", _("Asistencia")
        AGENDA = "agenda", _("Punto de agenda")
        INTERVENCION = "intervencion", _("Intervención")
        PRIORIDAD = "prioridad", _("Prioridad")
        ACUERDO = "acuerdo", _("Acuerdo")
        TEMA = "tema", _("Tema pendiente")

    class Accion(models.TextChoices):
        EDITADO = "editado", _("corrigió")
        ELIMINADO = "eliminado", _("eliminó")

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="cambios"
    )
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fecha = models.DateTimeField(_("fecha"), auto_now_add=True)
    tipo = models.CharField(_("tipo de ítem"), max_length=14, choices=Tipo.choices)
    accion = models.CharField(_("acción"), max_length=10, choices=Accion.choices)
    descripcion = models.CharField(_("ítem"), max_length=300)
    # [{"campo": field name, "antes": text shown, "despues": text shown}]
    cambios = models.JSONField(_("cambios"), default=list, blank=True)

    class Meta:
        ordering = ["sesion", "-fecha", "-pk"]
        verbose_name = _("cambio en la sesión")
        verbose_name_plural = _("cambios en la sesión")

    def __str__(self) -> str:
        return f"{self.get_accion_display()} {self.descripcion}"

    MODELOS = {
        Tipo.ASISTENCIA: Asistencia,
        Tipo.AGENDA: PuntoAgenda,
        Tipo.INTERVENCION: Intervencion,
        Tipo.PRIORIDAD: Prioridad,
        Tipo.ACUERDO: Acuerdo,
        Tipo.TEMA: TemaPendiente,
    }

    @property
    def cambios_legibles(self) -> list[dict]:
        """The changes with each field's label (in the reader's language)."""
        modelo = self.MODELOS.get(self.tipo)
        legibles = []
        for cambio in self.cambios:
            try:
                etiqueta = modelo._meta.get_field(cambio["campo"]).verbose_name
            except FieldDoesNotExist:  # a field removed since
                etiqueta = cambio["campo"]
            legibles.append({**cambio, "etiqueta": str(etiqueta).capitalize()})
        return legibles


class FotoSesion(models.Model):
    """A photo or scan attached to a session from the facilitator's phone: the signed sign-in
    sheet, the room. Private to the table's staff (mesas/extensiones.py); never public."""

    class Tipo(models.TextChoices):
        HOJA_FIRMADA = "hoja_firmada", _("Hoja de asistencia firmada")
        SALA = "sala", _("Sala o actividad")
        OTRO = "otro", _("Otro")

    uid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.CASCADE, related_name="fotos"
    )
    archivo = models.FileField(_("archivo"), upload_to="mesas/fotos/%Y/%m/", max_length=255)
    # A small JPEG for the session page on a phone (empty for a PDF).
    miniatura = models.FileField(
        _("miniatura"), upload_to="mesas/fotos/miniaturas/%Y/%m/", max_length=255, blank=True
    )
    tipo = models.CharField(
        _("tipo"), max_length=14, choices=Tipo.choices, default=Tipo.HOJA_FIRMADA
    )
    descripcion = models.CharField(_("descripción"), max_length=200, blank=True)
    nombre_original = models.CharField(_("nombre del archivo subido"), max_length=255, blank=True)
    subida_en = models.DateTimeField(_("subida en"), auto_now_add=True)
    subida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subida por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["sesion", "subida_en", "pk"]
        verbose_name = _("foto de la sesión")
        verbose_name_plural = _("fotos de la sesión")

    def __str__(self) -> str:
        return self.descripcion or self.get_tipo_display()

    @property
    def nombre_archivo(self) -> str:
        return self.archivo.name.rsplit("/", 1)[-1]

    @property
    def es_pdf(self) -> bool:
        return self.nombre_archivo.lower().endswith(".pdf")


class AvisoConvocatoria(models.Model):
    """An e-mail about a session sent to someone already invited: the invitation sent again, an
    update (date, time or place changed) or a cancellation. The row remembers when it left and
    with which SEQUENCE its .ics went (the same UID as the invitation's)."""

    class Tipo(models.TextChoices):
        REENVIO = "reenvio", _("Invitación reenviada")
        ACTUALIZACION = "actualizacion", _("Cambio de fecha, hora o lugar")
        CANCELACION = "cancelacion", _("Cancelación")

    invitacion = models.ForeignKey(
        Invitacion, verbose_name=_("invitación"), on_delete=models.CASCADE, related_name="avisos"
    )
    tipo = models.CharField(_("tipo"), max_length=14, choices=Tipo.choices)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # An update says what the invitee had received before: when and where, as it was.
    antes = models.TextField(_("antes"), blank=True)
    enviado_en = models.DateTimeField(_("enviado en"), null=True, blank=True)
    secuencia = models.PositiveIntegerField(_("SEQUENCE del .ics enviado"), null=True, blank=True)

    class Meta:
        ordering = ["creado", "pk"]
        verbose_name = _("aviso de convocatoria")
        verbose_name_plural = _("avisos de convocatoria")

    def __str__(self) -> str:
        return f"{self.get_tipo_display()}: {self.invitacion}"
