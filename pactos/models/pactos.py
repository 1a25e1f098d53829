"""Pactos: the tables' agreements consolidated into provincial pactos and their commitments."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Pacto(models.Model):
    """A provincial pacto of one axis (or a canton/sector chapter of it)."""

    class Alcance(models.TextChoices):
        PROVINCIAL = "provincial", _("Provincial")
        CANTONAL = "cantonal", _("Capítulo cantonal")
        SECTORIAL = "sectorial", _("Capítulo sectorial")

    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("Borrador")
        CONSULTA = "consulta", _("En consulta pública")
        ACORDADO = "acordado", _("Acordado")
        FIRMADO = "firmado", _("Firmado")
        PUBLICADO = "publicado", _("Publicado")

    eje = models.ForeignKey(
        "sie.Eje", verbose_name=_("eje"), on_delete=models.PROTECT, related_name="pactos"
    )
    titulo = models.CharField(_("título"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    alcance = models.CharField(
        _("alcance"), max_length=12, choices=Alcance.choices, default=Alcance.PROVINCIAL
    )
    canton = models.ForeignKey(
        "sie.Canton",
        verbose_name=_("cantón"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pactos",
    )
    sector = models.ForeignKey(
        "sie.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pactos",
    )
    preambulo = models.TextField(_("preámbulo"), blank=True)
    estrategia = models.TextField(_("estrategia"), blank=True)
    objetivos = models.TextField(_("objetivos"), blank=True, help_text=_("Uno por línea."))
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.BORRADOR
    )
    version = models.PositiveIntegerField(_("versión"), default=0)
    copia_firmada = models.FileField(
        _("copia firmada escaneada"), upload_to="pactos/firmados/%Y/", blank=True
    )
    fecha_firma = models.DateField(_("fecha de firma"), null=True, blank=True)
    publicado_en = models.DateTimeField(_("publicado en"), null=True, blank=True)
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

    history = HistoricalRecords()

    class Meta:
        ordering = ["eje__codigo", "titulo"]
        verbose_name = _("pacto")
        verbose_name_plural = _("pactos")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(alcance="provincial", canton__isnull=True, sector__isnull=True)
                    | Q(alcance="cantonal", canton__isnull=False, sector__isnull=True)
                    | Q(alcance="sectorial", sector__isnull=False, canton__isnull=True)
                ),
                name="pacto_alcance_con_su_territorio",
                violation_error_message=_(
                    "Un pacto provincial no lleva cantón ni sector; un capítulo cantonal lleva "
                    "un cantón y uno sectorial, un sector."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.titulo

    def get_absolute_url(self) -> str:
        return reverse("pactos:pacto_gestion", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("pactos:pacto_publico", kwargs={"slug": self.slug})

    @property
    def publicado(self) -> bool:
        return self.estado == self.Estado.PUBLICADO

    @property
    def lista_objetivos(self) -> list[str]:
        return [linea.strip() for linea in self.objetivos.splitlines() if linea.strip()]


class VersionPacto(models.Model):
    """A frozen copy of a pacto's texts and numbered commitments, to compare versions."""

    pacto = models.ForeignKey(
        Pacto, verbose_name=_("pacto"), on_delete=models.CASCADE, related_name="versiones"
    )
    numero = models.PositiveIntegerField(_("número"))
    titulo = models.CharField(_("título"), max_length=250)
    preambulo = models.TextField(_("preámbulo"), blank=True)
    estrategia = models.TextField(_("estrategia"), blank=True)
    objetivos = models.TextField(_("objetivos"), blank=True)
    compromisos = models.TextField(_("compromisos"), blank=True)
    nota = models.CharField(_("nota de la versión"), max_length=300, blank=True)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["pacto", "-numero"]
        verbose_name = _("versión del pacto")
        verbose_name_plural = _("versiones del pacto")
        constraints = [
            models.UniqueConstraint(fields=["pacto", "numero"], name="version_pacto_unica")
        ]

    def __str__(self) -> str:
        return f"{self.pacto} — v{self.numero}"


class Firmante(models.Model):
    """An organisation that signed the pacto, and the person who signed for it."""

    pacto = models.ForeignKey(
        Pacto, verbose_name=_("pacto"), on_delete=models.CASCADE, related_name="firmantes"
    )
    organizacion = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("organización"),
        on_delete=models.PROTECT,
        related_name="pactos_firmados",
    )
    persona = models.CharField(_("persona que firma"), max_length=200)
    cargo = models.CharField(_("cargo"), max_length=160, blank=True)
    fecha = models.DateField(_("fecha de firma"))
    # a signature removed by mistake stays in the pacto's history: who removed it, and when
    history = HistoricalRecords()

    class Meta:
        ordering = ["pacto", "organizacion__nombre"]
        verbose_name = _("firmante")
        verbose_name_plural = _("firmantes")
        constraints = [
            models.UniqueConstraint(
                fields=["pacto", "organizacion"],
                name="firmante_unico_por_pacto",
                violation_error_message=_("Esta organización ya firmó este pacto."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organizacion} ({self.persona})"


class Compromiso(models.Model):
    """A numbered commitment of a pacto, with its responsible organisations and follow-up."""

    class Estado(models.TextChoices):
        SIN_INICIAR = "sin_iniciar", _("Sin iniciar")
        EN_CURSO = "en_curso", _("En curso")
        EN_RIESGO = "en_riesgo", _("En riesgo")
        RETRASADO = "retrasado", _("Retrasado")
        CUMPLIDO = "cumplido", _("Cumplido")
        ABANDONADO = "abandonado", _("Abandonado")

    class ModoAvance(models.TextChoices):
        HITOS = "hitos", _("Calculado a partir de los hitos")
        MANUAL = "manual", _("Indicado a mano")

    ESTADOS_CERRADOS = (Estado.CUMPLIDO, Estado.ABANDONADO)
    ESTADOS_CON_MOTIVO = (Estado.EN_RIESGO, Estado.RETRASADO, Estado.ABANDONADO)
    # What coordinators edit on a commitment (its form and compromiso_editar), in form order.
    CAMPOS_EDITABLES = (
        "titulo",
        "texto",
        "lider",
        "socios",
        "canton",
        "sector",
        "plazo",
        "presupuesto",
        "resultado_esperado",
        "unidad_meta",
        "linea_base",
        "meta",
        "indicador",
        "meta_indicador",
        "modo_avance",
    )

    pacto = models.ForeignKey(
        Pacto, verbose_name=_("pacto"), on_delete=models.CASCADE, related_name="compromisos"
    )
    numero = models.PositiveSmallIntegerField(_("número"))
    titulo = models.CharField(_("título"), max_length=250)
    texto = models.TextField(_("texto del compromiso"))
    lider = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("responsable principal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos_liderados",
    )
    socios = models.ManyToManyField(
        "actores.Actor",
        verbose_name=_("organizaciones socias"),
        blank=True,
        related_name="compromisos_como_socio",
    )
    canton = models.ForeignKey(
        "sie.Canton",
        verbose_name=_("cantón"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
    )
    sector = models.ForeignKey(
        "sie.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
    )
    plazo = models.DateField(_("plazo"), null=True, blank=True)
    presupuesto = models.DecimalField(
        _("presupuesto (USD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    resultado_esperado = models.TextField(_("resultado esperado"), blank=True)
    unidad_meta = models.CharField(_("unidad de la meta"), max_length=80, blank=True)
    linea_base = models.DecimalField(
        _("línea base"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    meta = models.DecimalField(_("meta"), max_digits=16, decimal_places=2, null=True, blank=True)
    indicador = models.ForeignKey(
        "sie.Indicador",
        verbose_name=_("indicador del SIE"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="compromisos",
    )
    meta_indicador = models.ForeignKey(
        "sie.MetaIndicador",
        verbose_name=_("meta del SIE"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compromisos",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.SIN_INICIAR
    )
    motivo_estado = models.TextField(_("motivo del estado"), blank=True)
    modo_avance = models.CharField(
        _("cómo se calcula el avance"),
        max_length=6,
        choices=ModoAvance.choices,
        default=ModoAvance.HITOS,
    )
    avance = models.PositiveSmallIntegerField(_("avance (%)"), default=0)
    ultima_actualizacion = models.DateTimeField(_("última actualización"), null=True, blank=True)
    acuerdos = models.ManyToManyField(
        "mesas.Acuerdo",
        verbose_name=_("acuerdos de origen"),
        through="OrigenCompromiso",
        related_name="compromisos",
        blank=True,
    )
    creado = models.DateTimeField(_("creado"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pacto", "numero"]
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        constraints = [
            models.UniqueConstraint(
                fields=["pacto", "numero"],
                name="compromiso_numero_unico",
                violation_error_message=_("Ya existe un compromiso con ese número en el pacto."),
            ),
            models.CheckConstraint(
                condition=Q(avance__lte=100),
                name="compromiso_avance_hasta_100",
                violation_error_message=_("El avance va de 0 a 100."),
            ),
            models.CheckConstraint(
                condition=Q(presupuesto__isnull=True) | Q(presupuesto__gte=0),
                name="compromiso_presupuesto_no_negativo",
                violation_error_message=_("El presupuesto no puede ser negativo."),
            ),
        ]
        indexes = [models.Index(fields=["estado", "plazo"], name="compromiso_estado_plazo_idx")]

    def __str__(self) -> str:
        return f"{self.numero}. {self.titulo}"

    def get_absolute_url(self) -> str:
        return reverse("pactos:compromiso_gestion", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse(
            "pactos:compromiso_publico", kwargs={"slug": self.pacto.slug, "numero": self.numero}
        )

    @property
    def cerrado(self) -> bool:
        return self.estado in self.ESTADOS_CERRADOS


class OrigenCompromiso(models.Model):
    """The trail: one agreement of a table's session that a commitment comes from."""

    compromiso = models.ForeignKey(
        Compromiso, verbose_name=_("compromiso"), on_delete=models.CASCADE, related_name="origenes"
    )
    acuerdo = models.ForeignKey(
        "mesas.Acuerdo",
        verbose_name=_("acuerdo"),
        on_delete=models.PROTECT,
        related_name="origenes_compromiso",
    )
    vinculado = models.DateTimeField(_("vinculado"), auto_now_add=True)
    vinculado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vinculado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["compromiso", "acuerdo__sesion__mesa__orden", "acuerdo__numero"]
        verbose_name = _("origen del compromiso")
        verbose_name_plural = _("orígenes de los compromisos")
        constraints = [
            models.UniqueConstraint(fields=["compromiso", "acuerdo"], name="origen_unico")
        ]

    def __str__(self) -> str:
        return f"{self.acuerdo} → {self.compromiso}"


class AcuerdoDescartado(models.Model):
    """An agreement the coordinators chose not to take into a pacto, and why."""

    pacto = models.ForeignKey(
        Pacto, verbose_name=_("pacto"), on_delete=models.CASCADE, related_name="descartes"
    )
    acuerdo = models.ForeignKey(
        "mesas.Acuerdo",
        verbose_name=_("acuerdo"),
        on_delete=models.CASCADE,
        related_name="descartes_pacto",
    )
    motivo = models.TextField(_("motivo"))
    descartado = models.DateTimeField(_("descartado"), auto_now_add=True)
    descartado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("descartado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pacto", "acuerdo"]
        verbose_name = _("acuerdo no incorporado")
        verbose_name_plural = _("acuerdos no incorporados")
        constraints = [models.UniqueConstraint(fields=["pacto", "acuerdo"], name="descarte_unico")]

    def __str__(self) -> str:
        return f"{self.acuerdo}: {self.motivo[:60]}"


class Hito(models.Model):
    compromiso = models.ForeignKey(
        Compromiso, verbose_name=_("compromiso"), on_delete=models.CASCADE, related_name="hitos"
    )
    titulo = models.CharField(_("hito"), max_length=250)
    fecha = models.DateField(_("fecha prevista"))
    peso = models.PositiveSmallIntegerField(
        _("peso"), default=1, help_text=_("Cuánto pesa en el avance frente a los demás hitos.")
    )
    cumplido = models.BooleanField(_("cumplido"), default=False)
    cumplido_en = models.DateField(_("cumplido el"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["compromiso", "fecha", "pk"]
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")
        constraints = [
            models.CheckConstraint(
                condition=Q(peso__gte=1),
                name="hito_peso_positivo",
                violation_error_message=_("El peso de un hito es al menos 1."),
            )
        ]

    def __str__(self) -> str:
        return self.titulo


class Actualizacion(models.Model):
    """A dated entry of a commitment's follow-up log, with who wrote it."""

    compromiso = models.ForeignKey(
        Compromiso,
        verbose_name=_("compromiso"),
        on_delete=models.CASCADE,
        related_name="actualizaciones",
    )
    fecha = models.DateTimeField(_("fecha"), auto_now_add=True)
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actualizaciones_compromiso",
    )
    organizacion = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("en nombre de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actualizaciones_compromiso",
    )
    texto = models.TextField(_("qué se hizo"), max_length=3000)
    estado = models.CharField(_("estado"), max_length=12, choices=Compromiso.Estado.choices)
    avance = models.PositiveSmallIntegerField(_("avance (%)"))
    origen = models.CharField(_("origen"), max_length=20, default="formulario")

    class Meta:
        ordering = ["compromiso", "-fecha", "-pk"]
        verbose_name = _("actualización")
        verbose_name_plural = _("actualizaciones")
        indexes = [models.Index(fields=["-fecha"], name="actualizacion_fecha_idx")]

    def __str__(self) -> str:
        return f"{self.compromiso} — {self.fecha:%Y-%m-%d}"


class Evidencia(models.Model):
    compromiso = models.ForeignKey(
        Compromiso,
        verbose_name=_("compromiso"),
        on_delete=models.CASCADE,
        related_name="evidencias",
    )
    titulo = models.CharField(_("título"), max_length=200)
    archivo = models.FileField(_("archivo"), upload_to="pactos/evidencias/%Y/%m/", blank=True)
    enlace = models.URLField(_("enlace"), blank=True)
    subida = models.DateTimeField(_("subida"), auto_now_add=True)
    subida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subida por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["compromiso", "-subida"]
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
        constraints = [
            models.CheckConstraint(
                condition=~Q(archivo="") | ~Q(enlace=""),
                name="evidencia_archivo_o_enlace",
                violation_error_message=_("Una evidencia necesita un archivo o un enlace."),
            )
        ]

    def __str__(self) -> str:
        return self.titulo


class ContactoResponsable(models.Model):
    """A user who reports progress for an organisation responsible for commitments."""

    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="contactos_responsable",
    )
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("organización"),
        on_delete=models.CASCADE,
        related_name="contactos_responsable",
    )

    class Meta:
        verbose_name = _("contacto de una organización responsable")
        verbose_name_plural = _("contactos de organizaciones responsables")
        constraints = [
            models.UniqueConstraint(fields=["usuario", "actor"], name="contacto_responsable_unico")
        ]

    def __str__(self) -> str:
        return f"{self.usuario} — {self.actor}"


class RecordatorioCompromiso(models.Model):
    """One reminder per commitment and period, so a responsible is not reminded twice."""

    compromiso = models.ForeignKey(
        Compromiso,
        verbose_name=_("compromiso"),
        on_delete=models.CASCADE,
        related_name="recordatorios",
    )
    periodo = models.CharField(_("periodo"), max_length=7)
    motivo = models.CharField(_("motivo"), max_length=20)
    enviado = models.DateTimeField(_("enviado"), auto_now_add=True)
    destinatarios = models.PositiveSmallIntegerField(_("destinatarios"), default=0)

    class Meta:
        ordering = ["-enviado"]
        verbose_name = _("recordatorio")
        verbose_name_plural = _("recordatorios")
        constraints = [
            models.UniqueConstraint(
                fields=["compromiso", "periodo"], name="recordatorio_uno_por_periodo"
            )
        ]

    def __str__(self) -> str:
        return f"{self.compromiso} — {self.periodo}"


class AvancePropuesto(models.Model):
    """Progress a responsible reported by SMS or WhatsApp ("60 avanzamos con la capacitación"),
    waiting for the coordination to confirm it into the commitment's follow-up (an Actualizacion)
    or to set it aside. A text never changes a commitment's figures by itself."""

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Por confirmar")
        CONFIRMADO = "confirmado", _("Confirmado")
        DESCARTADO = "descartado", _("Descartado")

    compromiso = models.ForeignKey(
        Compromiso,
        verbose_name=_("compromiso"),
        on_delete=models.CASCADE,
        related_name="avances_propuestos",
    )
    actor = models.ForeignKey(
        "actores.Actor",
        verbose_name=_("quién lo informó"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    numero = models.CharField(_("número"), max_length=20)
    canal = models.CharField(_("canal"), max_length=10)
    mensaje = models.OneToOneField(
        "canales.MensajeCanal",
        verbose_name=_("mensaje"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="avance_propuesto",
    )
    avance = models.PositiveSmallIntegerField(
        _("avance (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    texto = models.CharField(_("nota"), max_length=1000, blank=True)
    recibido_en = models.DateTimeField(_("recibido"), auto_now_add=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    revisado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revisado_en = models.DateTimeField(_("revisado"), null=True, blank=True)
    actualizacion = models.OneToOneField(
        Actualizacion,
        verbose_name=_("actualización creada"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="avance_propuesto",
    )

    class Meta:
        ordering = ["-recibido_en", "-pk"]
        verbose_name = _("avance recibido por mensaje")
        verbose_name_plural = _("avances recibidos por mensaje")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(avance__lte=100), name="avance_propuesto_hasta_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.compromiso} — {self.avance} %"

    def get_canal_display_es(self) -> str:
        return "WhatsApp" if self.canal == "whatsapp" else "SMS"
