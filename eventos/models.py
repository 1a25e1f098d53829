"""Eventos: the launch, the socialization of results and any other public event of the programme."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actores.models import Actor
from actores.selectors import nombre_publico, puede_nombrarse


def _clave_nueva() -> str:
    return secrets.token_urlsafe(18)


class Evento(models.Model):
    class Tipo(models.TextChoices):
        LANZAMIENTO = "lanzamiento", _("Lanzamiento")
        SOCIALIZACION = "socializacion", _("Socialización de resultados")
        OTRO = "otro", _("Otro")

    class Estado(models.TextChoices):
        PLANIFICACION = "planificacion", _("En planificación")
        INVITACIONES = "invitaciones", _("Invitaciones enviadas")
        REALIZADO = "realizado", _("Realizado")
        SISTEMATIZADO = "sistematizado", _("Sistematizado")

    class Modalidad(models.TextChoices):
        PRESENCIAL = "presencial", _("Presencial")
        VIRTUAL = "virtual", _("Virtual")
        HIBRIDA = "hibrida", _("Híbrida")

    class Acceso(models.TextChoices):
        PUBLICO = "publico", _("Abierto al público (con inscripción)")
        INVITACION = "invitacion", _("Solo con invitación")

    tipo = models.CharField(_("tipo"), max_length=14, choices=Tipo.choices, default=Tipo.OTRO)
    titulo = models.CharField(_("título"), max_length=200)
    slug = models.SlugField(_("dirección web"), max_length=200, unique=True)
    resumen = models.CharField(_("resumen"), max_length=300, blank=True)
    descripcion = models.TextField(_("descripción"), blank=True)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("fin"))
    modalidad = models.CharField(
        _("modalidad"), max_length=10, choices=Modalidad.choices, default=Modalidad.PRESENCIAL
    )
    lugar = models.CharField(
        _("lugar"), max_length=200, blank=True, help_text=_("Nombre del local.")
    )
    parroquia = models.ForeignKey(
        "sie.Parroquia",
        verbose_name=_("parroquia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eventos",
    )
    direccion = models.CharField(_("dirección del local"), max_length=255, blank=True)
    enlace_virtual = models.URLField(_("enlace de la sala virtual"), blank=True)
    institucion_organizadora = models.CharField(_("institución organizadora"), max_length=200)
    aliados = models.ManyToManyField(
        Actor,
        verbose_name=_("instituciones aliadas"),
        blank=True,
        related_name="eventos_como_aliado",
        limit_choices_to={"naturaleza": Actor.Naturaleza.ORGANIZACION},
    )
    estado = models.CharField(
        _("estado"), max_length=14, choices=Estado.choices, default=Estado.PLANIFICACION
    )
    acceso = models.CharField(
        _("acceso"), max_length=10, choices=Acceso.choices, default=Acceso.INVITACION
    )
    publicado = models.BooleanField(
        _("publicado en el portal"),
        default=False,
        help_text=_("Se muestra en las páginas públicas (sin la lista de invitados)."),
    )
    capacidad = models.PositiveIntegerField(
        _("aforo"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Cupos confirmados; al llenarse, las nuevas confirmaciones pasan a lista de espera."
        ),
    )
    version_programa = models.PositiveIntegerField(
        _("versión del programa"), default=1, editable=False
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    actualizado = models.DateTimeField(_("actualizado"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["actualizado", "version_programa"])

    class Meta:
        ordering = ["-inicio"]
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gt=F("inicio")), name="evento_fin_despues_inicio"
            ),
            models.CheckConstraint(
                condition=Q(capacidad__isnull=True) | Q(capacidad__gte=1),
                name="evento_aforo_positivo",
            ),
        ]

    def __str__(self) -> str:
        return self.titulo

    def get_absolute_url(self) -> str:
        return reverse("eventos:detalle", kwargs={"slug": self.slug})

    def get_gestion_url(self) -> str:
        return reverse("eventos:gestion", kwargs={"pk": self.pk})

    def clean(self):
        errores = {}
        if self.inicio and self.fin and self.fin <= self.inicio:
            errores["fin"] = _("El fin debe ser posterior al inicio.")
        presencial = self.modalidad in (self.Modalidad.PRESENCIAL, self.Modalidad.HIBRIDA)
        virtual = self.modalidad in (self.Modalidad.VIRTUAL, self.Modalidad.HIBRIDA)
        if presencial and not self.parroquia_id:
            errores["parroquia"] = _("Un evento presencial necesita la parroquia del local.")
        if presencial and not self.direccion.strip():
            errores["direccion"] = _("Un evento presencial necesita la dirección del local.")
        if virtual and not self.enlace_virtual:
            errores["enlace_virtual"] = _("Un evento virtual necesita el enlace de la sala.")
        if errores:
            raise ValidationError(errores)

    @property
    def es_presencial(self) -> bool:
        return self.modalidad != self.Modalidad.VIRTUAL

    @property
    def inscripcion_abierta(self) -> bool:
        from django.utils import timezone

        return (
            self.publicado
            and self.acceso == self.Acceso.PUBLICO
            and self.estado in (self.Estado.PLANIFICACION, self.Estado.INVITACIONES)
            and self.inicio > timezone.now()
        )


class MiembroEquipo(models.Model):
    """The event's working group: portal users and actors, each with a role."""

    class Rol(models.TextChoices):
        RESPONSABLE = "responsable", _("Responsable del evento")
        LOGISTICA = "logistica", _("Logística")
        COMUNICACION = "comunicacion", _("Comunicación y prensa")
        PROTOCOLO = "protocolo", _("Protocolo")
        CONTENIDOS = "contenidos", _("Contenidos y agenda")
        ACREDITACION = "acreditacion", _("Acreditación (registro en la puerta)")
        SISTEMATIZACION = "sistematizacion", _("Sistematización")

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="equipo"
    )
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario del portal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="equipos_evento",
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="equipos_evento",
    )
    rol = models.CharField(_("rol"), max_length=16, choices=Rol.choices)

    class Meta:
        ordering = ["rol", "pk"]
        verbose_name = _("miembro del grupo de trabajo")
        verbose_name_plural = _("grupo de trabajo")
        constraints = [
            models.CheckConstraint(
                condition=Q(usuario__isnull=False) | Q(actor__isnull=False),
                name="miembro_usuario_o_actor",
            ),
            models.UniqueConstraint(
                fields=["evento", "usuario", "rol"],
                condition=Q(usuario__isnull=False),
                name="miembro_usuario_unico",
            ),
            models.UniqueConstraint(
                fields=["evento", "actor", "rol"],
                condition=Q(actor__isnull=False),
                name="miembro_actor_unico",
            ),
        ]

    def __str__(self) -> str:
        quien = (
            self.usuario.get_full_name() or self.usuario.username if self.usuario else self.actor
        )
        return f"{quien} — {self.get_rol_display()}"


class Ponente(models.Model):
    """A speaker or moderator of the programme; linked to the actor map when possible."""

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="ponentes"
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ponencias",
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    cargo = models.CharField(_("cargo"), max_length=200, blank=True)
    organizacion = models.CharField(_("organización"), max_length=200, blank=True)
    bio = models.TextField(_("reseña"), blank=True)
    foto = models.ImageField(_("foto"), upload_to="eventos/ponentes/", blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("ponente")
        verbose_name_plural = _("ponentes")

    def __str__(self) -> str:
        return self.nombre

    @property
    def se_nombra(self) -> bool:
        """A speaker from the actor map is named in public only with their consent to be named;
        one typed in by hand was entered by the programme as a public speaker."""
        return self.actor_id is None or puede_nombrarse(actor=self.actor)

    @property
    def nombre_en_publico(self) -> str:
        """What public outputs show: the name, or the organisation they speak for."""
        if self.se_nombra:
            return self.nombre
        return nombre_publico(actor=self.actor, organizacion=self.organizacion or None)


class Sesion(models.Model):
    """One block of the event's programme."""

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="sesiones"
    )
    titulo = models.CharField(_("título"), max_length=200)
    descripcion = models.TextField(_("descripción"), blank=True)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("fin"))
    sala = models.CharField(_("sala"), max_length=120, blank=True)
    ponentes = models.ManyToManyField(
        Ponente, verbose_name=_("ponentes"), blank=True, related_name="sesiones"
    )
    moderadores = models.ManyToManyField(
        Ponente, verbose_name=_("moderación"), blank=True, related_name="sesiones_moderadas"
    )

    class Meta:
        ordering = ["inicio", "pk"]
        verbose_name = _("sesión del programa")
        verbose_name_plural = _("programa")
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gt=F("inicio")), name="sesion_fin_despues_inicio"
            ),
        ]

    def __str__(self) -> str:
        return self.titulo

    def clean(self):
        if self.inicio and self.fin and self.fin <= self.inicio:
            raise ValidationError({"fin": _("La sesión debe terminar después de empezar.")})


class Invitado(models.Model):
    """A person on the guest list, with the answer, the seat and the attendance."""

    class Estado(models.TextChoices):
        POR_INVITAR = "por_invitar", _("Por invitar")
        INVITADO = "invitado", _("Invitado, sin respuesta")
        CONFIRMADO = "confirmado", _("Confirmado")
        RECHAZADO = "rechazado", _("No asistirá")
        ESPERA = "espera", _("En lista de espera")

    class Origen(models.TextChoices):
        MAPA = "mapa", _("Mapa de actores")
        MANUAL = "manual", _("Agregado a mano")
        INSCRIPCION = "inscripcion", _("Inscripción pública")
        SIN_INVITACION = "sin_invitacion", _("Llegó sin invitación")

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="invitados"
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitaciones_evento",
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    organizacion = models.CharField(_("organización"), max_length=200, blank=True)
    cargo = models.CharField(_("cargo"), max_length=200, blank=True)
    email = models.EmailField(_("correo electrónico"), blank=True)
    telefono = models.CharField(_("teléfono"), max_length=30, blank=True)
    tipo_actor = models.CharField(
        _("tipo de actor"), max_length=12, choices=Actor.Tipo.choices, blank=True
    )
    canton = models.ForeignKey(
        "sie.Canton",
        verbose_name=_("cantón"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    genero = models.CharField(_("género"), max_length=12, choices=Actor.Genero.choices, blank=True)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.POR_INVITAR
    )
    origen = models.CharField(_("origen"), max_length=14, choices=Origen.choices)
    clave = models.CharField(max_length=32, unique=True, default=_clave_nueva, editable=False)
    invitado_en = models.DateTimeField(_("invitado el"), null=True, blank=True)
    respondido_en = models.DateTimeField(_("respondió el"), null=True, blank=True)
    espera_desde = models.DateTimeField(_("en espera desde"), null=True, blank=True)
    asistio = models.BooleanField(_("asistió"), default=False)
    asistencia_en = models.DateTimeField(_("llegada"), null=True, blank=True)
    asistencia_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("llegada registrada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consentimiento = models.BooleanField(_("consiente el tratamiento de sus datos"), default=False)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        ordering = ["nombre", "pk"]
        verbose_name = _("invitado")
        verbose_name_plural = _("invitados")
        constraints = [
            models.UniqueConstraint(
                fields=["evento", "actor"],
                condition=Q(actor__isnull=False),
                name="invitado_actor_unico",
            ),
            models.UniqueConstraint(
                fields=["evento", "email"], condition=~Q(email=""), name="invitado_email_unico"
            ),
            models.CheckConstraint(
                condition=Q(asistio=False) | Q(asistencia_en__isnull=False),
                name="invitado_asistencia_con_hora",
            ),
        ]
        indexes = [models.Index(fields=["evento", "estado"], name="invitado_evento_estado_idx")]

    def __str__(self) -> str:
        return self.nombre


class Recordatorio(models.Model):
    """One round of reminders to the guests who have not answered yet."""

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="recordatorios"
    )
    numero = models.PositiveSmallIntegerField(_("número"))
    automatico = models.BooleanField(
        _("automático"),
        default=False,
        help_text=_("Enviado por el calendario días antes del evento, no pedido por una persona."),
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pedido por"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    creado = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        ordering = ["evento", "numero"]
        verbose_name = _("recordatorio")
        verbose_name_plural = _("recordatorios")
        constraints = [
            models.UniqueConstraint(fields=["evento", "numero"], name="recordatorio_numero_unico"),
            models.UniqueConstraint(
                fields=["evento"],
                condition=models.Q(automatico=True),
                name="recordatorio_automatico_unico",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evento} — {self.numero}"


class Correo(models.Model):
    """Each e-mail sent to a guest; the unique constraints make sending idempotent."""

    class Tipo(models.TextChoices):
        INVITACION = "invitacion", _("Invitación")
        RECORDATORIO = "recordatorio", _("Recordatorio")
        CONFIRMACION = "confirmacion", _("Confirmación con código QR")
        ESPERA = "espera", _("Lista de espera")
        CERTIFICADO = "certificado", _("Certificado de asistencia")

    invitado = models.ForeignKey(
        Invitado, verbose_name=_("invitado"), on_delete=models.CASCADE, related_name="correos"
    )
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices)
    recordatorio = models.ForeignKey(
        Recordatorio,
        verbose_name=_("recordatorio"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="correos",
    )
    enviado = models.DateTimeField(_("enviado"), auto_now_add=True)

    class Meta:
        ordering = ["enviado"]
        verbose_name = _("correo enviado")
        verbose_name_plural = _("correos enviados")
        constraints = [
            models.UniqueConstraint(
                fields=["invitado", "recordatorio"],
                condition=Q(recordatorio__isnull=False),
                name="correo_un_recordatorio_por_invitado",
            ),
            models.UniqueConstraint(
                fields=["invitado", "tipo"],
                condition=Q(tipo__in=["invitacion", "confirmacion", "certificado"]),
                name="correo_una_invitacion_confirmacion_certificado",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_tipo_display()} → {self.invitado}"


class TareaLogistica(models.Model):
    class Categoria(models.TextChoices):
        ORGANIZACION = "organizacion", _("Organización")
        LUGAR = "lugar", _("Local")
        SONIDO = "sonido", _("Sonido y proyección")
        ALIMENTACION = "alimentacion", _("Alimentación")
        TRANSPORTE = "transporte", _("Transporte")
        ACCESIBILIDAD = "accesibilidad", _("Accesibilidad")
        MATERIALES = "materiales", _("Materiales")
        PRENSA = "prensa", _("Prensa")
        PRESUPUESTO = "presupuesto", _("Presupuesto")
        OTRO = "otro", _("Otro")

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        EN_CURSO = "en_curso", _("En curso")
        LISTA = "lista", _("Lista")
        NO_APLICA = "no_aplica", _("No aplica")

    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="tareas"
    )
    categoria = models.CharField(_("categoría"), max_length=14, choices=Categoria.choices)
    titulo = models.CharField(_("tarea"), max_length=200)
    detalle = models.TextField(_("detalle"), blank=True)
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tareas_evento",
    )
    fecha_limite = models.DateField(_("fecha límite"), null=True, blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    presupuesto_usd = models.DecimalField(
        _("presupuesto (USD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["orden", "fecha_limite", "pk"]
        verbose_name = _("tarea de logística")
        verbose_name_plural = _("logística")
        constraints = [
            models.CheckConstraint(
                condition=Q(presupuesto_usd__isnull=True) | Q(presupuesto_usd__gte=0),
                name="tarea_presupuesto_no_negativo",
            )
        ]

    def __str__(self) -> str:
        return self.titulo


class Sistematizacion(models.Model):
    """What happened, what was concluded and committed: the base of the report."""

    evento = models.OneToOneField(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="sistematizacion"
    )
    resumen = models.TextField(_("resumen del evento"))
    conclusiones = models.TextField(_("conclusiones"), blank=True)
    compromisos = models.TextField(_("compromisos"), blank=True, help_text=_("Uno por línea."))
    cobertura_prensa = models.TextField(
        _("cobertura de prensa"), blank=True, help_text=_("Un medio o enlace por línea.")
    )
    version = models.PositiveIntegerField(_("versión"), default=1)
    actualizado = models.DateTimeField(_("actualizado"), auto_now=True)
    actualizado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actualizado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["actualizado"])

    class Meta:
        verbose_name = _("sistematización")
        verbose_name_plural = _("sistematizaciones")

    def __str__(self) -> str:
        return str(self.evento)

    @property
    def lista_compromisos(self) -> list[str]:
        return [linea.strip() for linea in self.compromisos.splitlines() if linea.strip()]

    @property
    def lista_prensa(self) -> list[str]:
        return [linea.strip() for linea in self.cobertura_prensa.splitlines() if linea.strip()]


class FotoEvento(models.Model):
    evento = models.ForeignKey(
        Evento, verbose_name=_("evento"), on_delete=models.CASCADE, related_name="fotos"
    )
    imagen = models.ImageField(_("imagen"), upload_to="eventos/fotos/")
    pie = models.CharField(_("pie de foto"), max_length=200, blank=True)
    subida = models.DateTimeField(_("subida"), auto_now_add=True)

    class Meta:
        ordering = ["subida", "pk"]
        verbose_name = _("foto del evento")
        verbose_name_plural = _("fotos del evento")

    def __str__(self) -> str:
        return self.pie or self.imagen.name
