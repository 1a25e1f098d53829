"""The programme's roadmap: its activities in four blocks and the five products they serve."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Bloque(models.TextChoices):
    LANZAMIENTO = "lanzamiento", _("Evento de lanzamiento")
    PACTOS = "pactos", _("Pactos")
    INSTRUMENTOS = "instrumentos", _("Instrumentos de apoyo")
    SOCIALIZACION = "socializacion", _("Socialización")


class EstadoActividad(models.TextChoices):
    NO_INICIADA = "no_iniciada", _("No iniciada")
    EN_CURSO = "en_curso", _("En curso")
    HECHA = "hecha", _("Hecha")
    BLOQUEADA = "bloqueada", _("Bloqueada")
    CANCELADA = "cancelada", _("Cancelada")


class Salud(models.TextChoices):
    VERDE = "verde", _("Verde: según lo previsto")
    AMBAR = "ambar", _("Ámbar: en riesgo")
    ROJO = "rojo", _("Rojo: con problemas")


class ProductoPrograma(models.Model):
    """One of the five products of the founding document; loaded by a data migration."""

    numero = models.PositiveSmallIntegerField(_("número"), unique=True)
    codigo = models.SlugField(_("código"), max_length=30, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)
    descripcion = models.TextField(_("descripción"), blank=True)

    class Meta:
        ordering = ["numero"]
        verbose_name = _("producto del programa")
        verbose_name_plural = _("productos del programa")

    def __str__(self):
        return f"{self.numero}. {self.nombre}"


class Actividad(models.Model):
    bloque = models.CharField(_("bloque"), max_length=20, choices=Bloque.choices)
    codigo = models.SlugField(_("código"), max_length=60, unique=True)
    nombre = models.CharField(_("nombre"), max_length=250)
    descripcion = models.TextField(_("descripción"), blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    es_hito = models.BooleanField(
        _("es un hito"), default=False, help_text=_("Los hitos alcanzados se muestran al público.")
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actividades_hoja_de_ruta",
    )
    institucion = models.CharField(_("institución responsable"), max_length=200, blank=True)
    inicio_previsto = models.DateField(_("inicio previsto"), null=True, blank=True)
    fin_previsto = models.DateField(_("fin previsto"), null=True, blank=True)
    inicio_real = models.DateField(_("inicio real"), null=True, blank=True)
    fin_real = models.DateField(_("fin real"), null=True, blank=True)
    dependencias = models.ManyToManyField(
        "self",
        verbose_name=_("depende de"),
        symmetrical=False,
        blank=True,
        related_name="dependientes",
    )
    estado = models.CharField(
        _("estado"),
        max_length=20,
        choices=EstadoActividad.choices,
        default=EstadoActividad.NO_INICIADA,
    )
    salud = models.CharField(_("salud"), max_length=10, choices=Salud.choices, default=Salud.VERDE)
    avance = models.PositiveSmallIntegerField(
        _("avance (%)"), default=0, help_text=_("Porcentaje de avance, de 0 a 100.")
    )
    notas = models.TextField(_("notas"), blank=True)
    evidencia_url = models.URLField(_("enlace a la evidencia"), blank=True)
    evidencia_archivo = models.FileField(
        _("archivo de evidencia"), upload_to="hoja_de_ruta/evidencias/%Y/", blank=True
    )
    productos = models.ManyToManyField(
        ProductoPrograma,
        verbose_name=_("productos a los que contribuye"),
        blank=True,
        related_name="actividades",
    )
    creada = models.DateTimeField(auto_now_add=True)
    actualizada = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[productos])

    # What a coordinator plans (actividad_crear/planificar and its form; links apart) and what
    # the owner reports (actividad_actualizar_avance and its form).
    CAMPOS_PLAN = (
        "bloque",
        "nombre",
        "descripcion",
        "orden",
        "es_hito",
        "responsable",
        "institucion",
        "inicio_previsto",
        "fin_previsto",
    )
    CAMPOS_AVANCE = (
        "estado",
        "avance",
        "salud",
        "inicio_real",
        "fin_real",
        "notas",
        "evidencia_url",
        "evidencia_archivo",
    )

    class Meta:
        ordering = ["bloque", "orden", "id"]
        verbose_name = _("actividad de la hoja de ruta")
        verbose_name_plural = _("actividades de la hoja de ruta")
        constraints = [
            models.CheckConstraint(condition=Q(avance__lte=100), name="actividad_avance_hasta_100"),
            models.CheckConstraint(
                condition=Q(inicio_previsto__isnull=True)
                | Q(fin_previsto__isnull=True)
                | Q(fin_previsto__gte=F("inicio_previsto")),
                name="actividad_fin_previsto_tras_inicio",
            ),
            models.CheckConstraint(
                condition=Q(inicio_real__isnull=True)
                | Q(fin_real__isnull=True)
                | Q(fin_real__gte=F("inicio_real")),
                name="actividad_fin_real_tras_inicio",
            ),
            models.CheckConstraint(
                condition=Q(estado__in=EstadoActividad.values), name="actividad_estado_valido"
            ),
            models.CheckConstraint(
                condition=Q(bloque__in=Bloque.values), name="actividad_bloque_valido"
            ),
        ]

    def __str__(self):
        return self.nombre

    def get_absolute_url(self):
        return reverse("pactos:actividad", kwargs={"pk": self.pk})

    @property
    def cerrada(self) -> bool:
        return self.estado in (EstadoActividad.HECHA, EstadoActividad.CANCELADA)

    def vencida(self, hoy) -> bool:
        """Past its planned end and neither done nor cancelled."""
        return not self.cerrada and self.fin_previsto is not None and self.fin_previsto < hoy

    def fin_proyectado(self, hoy):
        """When it will end as things stand: the real end, or the plan unless that has passed."""
        if self.estado == EstadoActividad.HECHA:
            return self.fin_real or self.fin_previsto
        if self.fin_previsto is None:
            return None
        return max(self.fin_previsto, hoy) if self.fin_previsto < hoy else self.fin_previsto

    def fraccion_avance(self) -> float:
        if self.estado == EstadoActividad.HECHA:
            return 1.0
        if self.estado == EstadoActividad.NO_INICIADA:
            return 0.0
        return min(self.avance, 100) / 100


class InformeProgreso(models.Model):
    """A progress report for the Provincial Government covering one period.

    Monthly reports are unique per period, so beat firing twice still makes one report.
    """

    desde = models.DateField(_("desde"))
    hasta = models.DateField(_("hasta"))
    mensual = models.BooleanField(_("mensual automático"), default=False)
    numero = models.PositiveIntegerField(_("número"), unique=True)
    solicitado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    creado = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-desde", "-numero"]
        verbose_name = _("informe de progreso")
        verbose_name_plural = _("informes de progreso")
        constraints = [
            models.CheckConstraint(
                condition=Q(hasta__gte=F("desde")), name="informe_periodo_valido"
            ),
            models.UniqueConstraint(
                fields=["desde", "hasta"],
                condition=Q(mensual=True),
                name="informe_mensual_unico_por_periodo",
            ),
        ]

    def __str__(self):
        return _("Informe n.º %(numero)s (%(desde)s – %(hasta)s)") % {
            "numero": self.numero,
            "desde": self.desde.isoformat(),
            "hasta": self.hasta.isoformat(),
        }
