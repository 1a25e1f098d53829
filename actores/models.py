"""Actores: people and organisations of Pichincha, their map position and relations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from .validadores import normalizar_nombre, validar_identificacion

# An actor's contact and identification fields: personal data, shown and edited only by the staff
# who may see it (the form leaves them out otherwise, the history hides their changes).
CAMPOS_PERSONALES = ("email", "telefono", "identificacion", "genero")


class Actor(models.Model):
    """One table for people and organisations (naturaleza tells which)."""

    class Naturaleza(models.TextChoices):
        PERSONA = "persona", _("Persona")
        ORGANIZACION = "organizacion", _("Organización")

    class Tipo(models.TextChoices):
        PUBLICO = "publico", _("Público")
        PRIVADO = "privado", _("Privado")
        COMUNITARIO = "comunitario", _("Comunitario / economía popular y solidaria")
        ACADEMIA = "academia", _("Academia")
        ONG = "ong", _("ONG")
        COOPERACION = "cooperacion", _("Cooperación internacional")

    class Ambito(models.TextChoices):
        NACIONAL = "nacional", _("Nacional")
        PROVINCIAL = "provincial", _("Provincial")
        CANTONAL = "cantonal", _("Cantonal")
        PARROQUIAL = "parroquial", _("Parroquial")

    class Genero(models.TextChoices):
        MUJER = "mujer", _("Mujer")
        HOMBRE = "hombre", _("Hombre")
        OTRO = "otro", _("Otro")
        NO_INFORMA = "no_informa", _("Prefiere no informar")

    class CanalPreferido(models.TextChoices):
        CORREO = "correo", _("Correo electrónico")
        SMS = "sms", _("SMS")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Posicion(models.TextChoices):
        APOYA = "apoya", _("Apoya")
        NEUTRAL = "neutral", _("Neutral")
        SE_OPONE = "se_opone", _("Se opone")
        DESCONOCIDA = "desconocida", _("Desconocida")

    naturaleza = models.CharField(
        _("naturaleza"), max_length=12, choices=Naturaleza.choices, default=Naturaleza.ORGANIZACION
    )
    nombre = models.CharField(
        _("nombre"),
        max_length=255,
        help_text=_("Nombre de la organización o nombre completo de la persona."),
    )
    nombres = models.CharField(_("nombres"), max_length=120, blank=True)
    apellidos = models.CharField(_("apellidos"), max_length=120, blank=True)
    siglas = models.CharField(_("siglas"), max_length=40, blank=True)
    nombre_normalizado = models.CharField(
        _("nombre normalizado"), max_length=255, editable=False, db_index=True, default=""
    )
    tipo = models.CharField(_("tipo de actor"), max_length=12, choices=Tipo.choices)
    ambito = models.CharField(_("ámbito"), max_length=12, choices=Ambito.choices)
    canton = models.ForeignKey(
        "sie.Canton",
        verbose_name=_("cantón"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actores",
    )
    parroquia = models.ForeignKey(
        "sie.Parroquia",
        verbose_name=_("parroquia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actores",
    )
    ejes = models.ManyToManyField(
        "sie.Eje", verbose_name=_("ejes"), blank=True, related_name="actores"
    )
    sectores = models.ManyToManyField(
        "sie.Sector", verbose_name=_("sectores"), blank=True, related_name="actores"
    )
    descripcion = models.TextField(_("descripción"), blank=True)
    sitio_web = models.URLField(_("sitio web"), blank=True)

    # Personal / contact data: staff only, never public.
    email = models.EmailField(_("correo electrónico"), blank=True)
    telefono = PhoneNumberField(_("teléfono"), region="EC", blank=True)
    identificacion = models.CharField(
        _("cédula o RUC"),
        max_length=13,
        blank=True,
        validators=[validar_identificacion],
        help_text=_("Cédula (10 dígitos) o RUC (13 dígitos), sin guiones."),
    )
    genero = models.CharField(_("género"), max_length=12, choices=Genero.choices, blank=True)

    # The map.
    influencia = models.PositiveSmallIntegerField(
        _("influencia"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    interes = models.PositiveSmallIntegerField(
        _("interés"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    posicion = models.CharField(
        _("posición frente a los pactos"),
        max_length=12,
        choices=Posicion.choices,
        default=Posicion.DESCONOCIDA,
    )

    # Consent (Ley Orgánica de Protección de Datos Personales): two separate purposes, each given
    # on its own (contact and processing; the name in public outputs). History keeps when.
    consentimiento_datos = models.BooleanField(
        _("consiente el tratamiento de sus datos"), default=False
    )
    consentimiento_fecha = models.DateField(_("fecha del consentimiento"), null=True, blank=True)
    consentimiento_finalidad = models.CharField(
        _("finalidad del consentimiento"), max_length=255, blank=True
    )
    consentimiento_nombre_publico = models.BooleanField(
        _("acepta que su nombre aparezca en las publicaciones del portal"),
        default=False,
        help_text=_(
            "Solo con este consentimiento se publica el nombre de una persona (páginas, actas "
            "publicadas, datos abiertos); sin él aparece su organización o «Participante»."
        ),
    )
    # Channels beyond e-mail (issue #19): consent per channel, recorded like the rest, and the
    # channel the person prefers. A "BAJA" or "STOP" by text is kept in canales.BajaCanal and
    # wins over both consents (canales.services.destino_de).
    consentimiento_sms = models.BooleanField(
        _("acepta recibir mensajes SMS"),
        default=False,
        help_text=_("Convocatorias, recordatorios y seguimiento de compromisos por SMS."),
    )
    consentimiento_whatsapp = models.BooleanField(
        _("acepta recibir mensajes de WhatsApp"), default=False
    )
    canal_preferido = models.CharField(
        _("canal preferido"),
        max_length=10,
        choices=CanalPreferido.choices,
        default=CanalPreferido.CORREO,
        help_text=_(
            "Por dónde prefiere recibir convocatorias y avisos. SMS y WhatsApp necesitan un "
            "celular y el consentimiento para ese canal; sin correo se usa el SMS consentido."
        ),
    )
    visible_publico = models.BooleanField(
        _("aparece en el portal público"),
        default=False,
        help_text=_(
            "Solo organizaciones que aceptaron aparecer en la lista pública de participantes."
        ),
    )

    activo = models.BooleanField(_("activo"), default=True)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    actualizado = models.DateTimeField(_("actualizado"), auto_now=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["nombre_normalizado"])

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actores")
        ordering = ["nombre"]
        constraints = [
            models.CheckConstraint(
                condition=Q(influencia__gte=1) & Q(influencia__lte=5), name="actor_influencia_1_5"
            ),
            models.CheckConstraint(
                condition=Q(interes__gte=1) & Q(interes__lte=5), name="actor_interes_1_5"
            ),
            models.CheckConstraint(
                condition=Q(visible_publico=False) | Q(naturaleza="organizacion"),
                name="actor_publico_solo_organizaciones",
            ),
        ]
        indexes = [
            models.Index(fields=["identificacion"], name="actor_identificacion_idx"),
            models.Index(fields=["email"], name="actor_email_idx"),
            models.Index(fields=["influencia", "interes"], name="actor_mapa_idx"),
            # The list of actors pages in name order: without it every page sorted them all.
            models.Index(fields=["nombre", "id"], name="actor_nombre_idx"),
            # The map: the first dots of each cell and the first rows of its table (mapa_de).
            models.Index(fields=["-influencia", "-interes", "nombre"], name="actor_celda_idx"),
        ]

    def __str__(self) -> str:
        return self.nombre

    def save(self, *args, **kwargs):
        self.preparar()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("actores:detalle", kwargs={"pk": self.pk})

    def componer_nombre(self) -> None:
        """A person's display name is always 'nombres apellidos'."""
        if self.naturaleza == self.Naturaleza.PERSONA and (self.nombres or self.apellidos):
            self.nombre = f"{self.nombres.strip()} {self.apellidos.strip()}".strip()

    def preparar(self) -> None:
        """Derived and normalised fields; save() calls it, and so does the bulk import."""
        self.componer_nombre()
        self.nombre_normalizado = normalizar_nombre(self.nombre)
        if self.identificacion:
            self.identificacion = "".join(c for c in self.identificacion if c.isdigit())
        if self.email:
            self.email = self.email.strip().lower()

    def full_clean(self, *args, **kwargs):
        """The check constraints are also validators and clean() rules, so they are checked in
        Python here (no query per constraint); the database still enforces them."""
        self.componer_nombre()
        kwargs.setdefault("validate_constraints", False)
        return super().full_clean(*args, **kwargs)

    @property
    def es_persona(self) -> bool:
        return self.naturaleza == self.Naturaleza.PERSONA

    @property
    def es_celular(self) -> bool:
        """Whether the phone on file is a mobile number (texts can reach it)."""
        if not self.telefono:
            return False
        import phonenumbers

        try:
            tipo = phonenumbers.number_type(self.telefono)
        except Exception:  # noqa: BLE001 (a value that is not a PhoneNumber: not a mobile)
            return False
        return tipo in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )

    @property
    def cuadrante(self) -> str:
        """Classic power/interest quadrant: 3, 4 and 5 count as high (the grid's midline is 3)."""
        alta_influencia = self.influencia >= 3
        alto_interes = self.interes >= 3
        if alta_influencia and alto_interes:
            return "gestionar"
        if alta_influencia:
            return "satisfacer"
        if alto_interes:
            return "informar"
        return "monitorear"

    def clean(self):
        errores = {}
        if self.naturaleza == self.Naturaleza.PERSONA:
            if not self.nombres.strip() or not self.apellidos.strip():
                errores["nombres"] = _("Para una persona indique nombres y apellidos.")
            if self.visible_publico:
                errores["visible_publico"] = _(
                    "Solo las organizaciones pueden aparecer en el portal público; las personas nunca."
                )
        if self.parroquia_id and self.canton_id and self.parroquia.canton_id != self.canton_id:
            errores["parroquia"] = _("La parroquia no pertenece al cantón elegido.")
        if self.ambito in (self.Ambito.CANTONAL, self.Ambito.PARROQUIAL) and not self.canton_id:
            errores["canton"] = _("Un actor de ámbito cantonal o parroquial necesita un cantón.")
        if self.ambito == self.Ambito.PARROQUIAL and not self.parroquia_id:
            errores["parroquia"] = _("Un actor de ámbito parroquial necesita una parroquia.")
        if self.canal_preferido in (self.CanalPreferido.SMS, self.CanalPreferido.WHATSAPP):
            consentido = (
                self.consentimiento_sms
                if self.canal_preferido == self.CanalPreferido.SMS
                else self.consentimiento_whatsapp
            )
            if not self.es_celular:
                errores["canal_preferido"] = _(
                    "Para recibir SMS o WhatsApp hace falta un celular (09XXXXXXXX) en el teléfono."
                )
            elif not consentido:
                errores["canal_preferido"] = _("Registre primero el consentimiento para ese canal.")
        if self.consentimiento_datos and not self.consentimiento_fecha:
            errores["consentimiento_fecha"] = _(
                "Indique la fecha en que se obtuvo el consentimiento."
            )
        if self.consentimiento_datos and not self.consentimiento_finalidad.strip():
            errores["consentimiento_finalidad"] = _(
                "Indique para qué finalidad se dio el consentimiento."
            )
        if errores:
            raise ValidationError(errores)


class Membresia(models.Model):
    """A person belongs to an organisation, with a role (cargo) and dates."""

    persona = models.ForeignKey(
        Actor,
        verbose_name=_("persona"),
        on_delete=models.CASCADE,
        related_name="membresias",
        limit_choices_to={"naturaleza": Actor.Naturaleza.PERSONA},
    )
    organizacion = models.ForeignKey(
        Actor,
        verbose_name=_("organización"),
        on_delete=models.CASCADE,
        related_name="miembros",
        limit_choices_to={"naturaleza": Actor.Naturaleza.ORGANIZACION},
    )
    cargo = models.CharField(_("cargo"), max_length=160, blank=True)
    desde = models.DateField(_("desde"), null=True, blank=True)
    hasta = models.DateField(_("hasta"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membresía")
        verbose_name_plural = _("membresías")
        ordering = ["-desde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hasta__isnull=True)
                | Q(desde__isnull=True)
                | Q(hasta__gte=models.F("desde")),
                name="membresia_fechas_ordenadas",
            ),
            models.CheckConstraint(
                condition=~Q(persona=models.F("organizacion")), name="membresia_no_a_si_misma"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.persona} — {self.organizacion}"

    def clean(self):
        errores = {}
        if self.persona_id and self.persona.naturaleza != Actor.Naturaleza.PERSONA:
            errores["persona"] = _("Debe ser una persona.")
        if self.organizacion_id and self.organizacion.naturaleza != Actor.Naturaleza.ORGANIZACION:
            errores["organizacion"] = _("Debe ser una organización.")
        if self.desde and self.hasta and self.hasta < self.desde:
            errores["hasta"] = _("La fecha de fin no puede ser anterior a la de inicio.")
        if errores:
            raise ValidationError(errores)


class Relacion(models.Model):
    """A directed relation between two actors (the edges of the network)."""

    class Tipo(models.TextChoices):
        MIEMBRO_DE = "miembro_de", _("Es miembro de")
        ALIADO = "aliado", _("Aliado de")
        EN_CONFLICTO = "en_conflicto", _("En conflicto con")
        FINANCIA = "financia", _("Financia a")
        COORDINA = "coordina", _("Coordina con")

    origen = models.ForeignKey(
        Actor,
        verbose_name=_("origen"),
        on_delete=models.CASCADE,
        related_name="relaciones_salientes",
    )
    destino = models.ForeignKey(
        Actor,
        verbose_name=_("destino"),
        on_delete=models.CASCADE,
        related_name="relaciones_entrantes",
    )
    tipo = models.CharField(_("tipo de relación"), max_length=14, choices=Tipo.choices)
    nota = models.CharField(_("nota"), max_length=255, blank=True)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("relación")
        verbose_name_plural = _("relaciones")
        ordering = ["origen__nombre", "tipo", "destino__nombre"]
        constraints = [
            models.UniqueConstraint(fields=["origen", "destino", "tipo"], name="relacion_unica"),
            models.CheckConstraint(
                condition=~Q(origen=models.F("destino")), name="relacion_no_a_si_mismo"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origen} {self.get_tipo_display()} {self.destino}"

    def clean(self):
        if self.origen_id and self.origen_id == self.destino_id:
            raise ValidationError({"destino": _("Un actor no puede relacionarse consigo mismo.")})


class CambioPosicion(models.Model):
    """Dated record of a change of influence, interest or position, with its reason."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="cambios_posicion"
    )
    fecha = models.DateTimeField(_("fecha"), auto_now_add=True)
    influencia_anterior = models.PositiveSmallIntegerField(
        _("influencia anterior"), null=True, blank=True
    )
    influencia = models.PositiveSmallIntegerField(_("influencia"))
    interes_anterior = models.PositiveSmallIntegerField(
        _("interés anterior"), null=True, blank=True
    )
    interes = models.PositiveSmallIntegerField(_("interés"))
    posicion_anterior = models.CharField(
        _("posición anterior"), max_length=12, choices=Actor.Posicion.choices, blank=True
    )
    posicion = models.CharField(_("posición"), max_length=12, choices=Actor.Posicion.choices)
    motivo = models.TextField(_("motivo"))
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cambio de posición")
        verbose_name_plural = _("cambios de posición")
        ordering = ["-fecha", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(influencia__gte=1) & Q(influencia__lte=5), name="cambio_influencia_1_5"
            ),
            models.CheckConstraint(
                condition=Q(interes__gte=1) & Q(interes__lte=5), name="cambio_interes_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} — {self.fecha:%Y-%m-%d}"


class AsignacionTerritorial(models.Model):
    """Which cantons and sectors a facilitator may maintain actors for.

    A row with only canton covers that canton (any sector); only sector covers that sector
    (any canton); both restricts to the pair.
    """

    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="asignaciones_actores",
    )
    canton = models.ForeignKey(
        "sie.Canton", verbose_name=_("cantón"), on_delete=models.CASCADE, null=True, blank=True
    )
    sector = models.ForeignKey(
        "sie.Sector", verbose_name=_("sector"), on_delete=models.CASCADE, null=True, blank=True
    )

    class Meta:
        verbose_name = _("asignación territorial")
        verbose_name_plural = _("asignaciones territoriales")
        constraints = [
            models.CheckConstraint(
                condition=Q(canton__isnull=False) | Q(sector__isnull=False),
                name="asignacion_canton_o_sector",
            ),
            models.UniqueConstraint(
                fields=["usuario", "canton", "sector"], name="asignacion_unica"
            ),
        ]

    def __str__(self) -> str:
        partes = [str(p) for p in (self.canton, self.sector) if p]
        return f"{self.usuario} — {' / '.join(partes)}"


class Importacion(models.Model):
    """An uploaded CSV/XLSX file of actors: previewed, then applied all-or-nothing."""

    class Estado(models.TextChoices):
        PREVISUALIZADA = "previsualizada", _("Previsualizada")
        APLICADA = "aplicada", _("Aplicada")
        CON_ERRORES = "con_errores", _("Con errores")

    archivo = models.FileField(_("archivo"), upload_to="actores/importaciones/%Y/%m/")
    nombre_archivo = models.CharField(_("nombre del archivo"), max_length=255)
    estado = models.CharField(_("estado"), max_length=16, choices=Estado.choices)
    filas = models.PositiveIntegerField(_("filas"), default=0)
    creadas = models.PositiveIntegerField(_("creadas"), default=0)
    actualizadas = models.PositiveIntegerField(_("actualizadas"), default=0)
    errores = models.PositiveIntegerField(_("filas con errores"), default=0)
    subido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subido por"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    aplicado = models.DateTimeField(_("aplicado"), null=True, blank=True)

    class Meta:
        verbose_name = _("importación de actores")
        verbose_name_plural = _("importaciones de actores")
        ordering = ["-creado"]

    def __str__(self) -> str:
        return self.nombre_archivo
