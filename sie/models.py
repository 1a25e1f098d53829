from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Canton(models.Model):
    """One of the 8 cantons of Pichincha, with reference facts and their source and year."""

    codigo = models.CharField(_("código"), max_length=4, unique=True)
    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    cabecera = models.CharField(_("cabecera cantonal"), max_length=120)
    poblacion = models.PositiveIntegerField(_("población"), null=True, blank=True)
    poblacion_anio = models.PositiveSmallIntegerField(
        _("año de la población"), null=True, blank=True
    )
    poblacion_fuente = models.CharField(_("fuente de la población"), max_length=200, blank=True)
    superficie_km2 = models.DecimalField(
        _("superficie (km²)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    superficie_fuente = models.CharField(_("fuente de la superficie"), max_length=200, blank=True)
    descripcion_turistica = models.TextField(_("atractivos turísticos"), blank=True)
    descripcion_productiva = models.TextField(_("vocación agropecuaria"), blank=True)

    class Meta:
        ordering = ["codigo"]
        verbose_name = _("cantón")
        verbose_name_plural = _("cantones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(codigo__regex=r"^17[0-9]{2}$"),
                name="canton_codigo_pichincha",
            )
        ]

    def __str__(self) -> str:
        return self.nombre

    def get_absolute_url(self) -> str:
        return reverse("sie:canton", kwargs={"codigo": self.codigo})

    # Read from the prefetched parishes (cantones_publicos), so no query per canton.
    @property
    def parroquias_urbanas(self) -> list:
        return [p for p in self.parroquias.all() if p.tipo == Parroquia.Tipo.URBANA]

    @property
    def parroquias_rurales(self) -> list:
        return [p for p in self.parroquias.all() if p.tipo == Parroquia.Tipo.RURAL]


class Parroquia(models.Model):
    """A parish of a canton, urban (part of the cantonal seat) or rural, with its INEC code."""

    class Tipo(models.TextChoices):
        RURAL = "rural", _("Rural")
        URBANA = "urbana", _("Urbana")

    canton = models.ForeignKey(
        Canton, on_delete=models.PROTECT, related_name="parroquias", verbose_name=_("cantón")
    )
    codigo = models.CharField(
        _("código INEC"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Código de la División Político Administrativa del INEC (6 dígitos)."),
    )
    nombre = models.CharField(_("nombre"), max_length=120)
    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices, default=Tipo.RURAL)
    nota = models.CharField(_("nota"), max_length=200, blank=True)

    class Meta:
        ordering = ["canton__codigo", "nombre"]
        verbose_name = _("parroquia")
        verbose_name_plural = _("parroquias")
        constraints = [
            models.UniqueConstraint(fields=["canton", "nombre"], name="parroquia_unica_por_canton"),
            models.CheckConstraint(
                condition=models.Q(codigo__isnull=True) | models.Q(codigo__regex=r"^17[0-9]{4}$"),
                name="parroquia_codigo_pichincha",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nombre} ({self.canton.nombre})"


class Eje(models.Model):
    """The programme's two axes: tourism and agriculture."""

    class Codigo(models.TextChoices):
        TURISMO = "turismo", _("Turismo")
        AGROPECUARIO = "agropecuario", _("Agropecuario")

    codigo = models.CharField(_("código"), max_length=20, choices=Codigo.choices, unique=True)
    nombre = models.CharField(_("nombre"), max_length=80)
    descripcion = models.TextField(_("descripción"), blank=True)

    class Meta:
        ordering = ["codigo"]
        verbose_name = _("eje")
        verbose_name_plural = _("ejes")

    def __str__(self) -> str:
        return self.get_codigo_display()


class Sector(models.Model):
    """A productive sector of an axis; the 5 agricultural ones each have a sectoral table."""

    eje = models.ForeignKey(
        Eje, on_delete=models.PROTECT, related_name="sectores", verbose_name=_("eje")
    )
    nombre = models.CharField(_("nombre"), max_length=160, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    descripcion = models.TextField(_("descripción"), blank=True)
    cantones = models.ManyToManyField(
        Canton, blank=True, related_name="sectores", verbose_name=_("cantones donde se concentra")
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        ordering = ["eje__codigo", "orden", "nombre"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectores")

    def __str__(self) -> str:
        return self.nombre


# --- Indicators, measurements and targets (the SIE proper) -----------------------------------

PROVINCIA_CODIGO = "17"


class Indicador(models.Model):
    """An indicator of the catalogue: what is measured, how, by whom and how often."""

    class Unidad(models.TextChoices):
        HECTAREAS = "ha", _("hectáreas (ha)")
        TONELADAS = "t", _("toneladas (t)")
        TONELADAS_HA = "t/ha", _("toneladas por hectárea (t/ha)")
        LITROS_DIA = "L/día", _("litros por día (L/día)")
        LITROS_VACA_DIA = "L/vaca/día", _("litros por vaca y día (L/vaca/día)")
        CABEZAS = "cabezas", _("cabezas")
        USD = "USD", _("dólares (USD)")
        MILES_USD = "miles USD", _("miles de dólares (miles USD)")
        PORCENTAJE = "%", _("porcentaje (%)")
        NUMERO = "número", _("número")
        PERSONAS = "personas", _("personas")
        MILLONES_TALLOS = "millones de tallos", _("millones de tallos")
        RAZON = "razón", _("razón (por unidad)")

    class Periodicidad(models.TextChoices):
        MENSUAL = "mensual", _("Mensual")
        TRIMESTRAL = "trimestral", _("Trimestral")
        ANUAL = "anual", _("Anual")

    class Nivel(models.TextChoices):
        PROVINCIA = "provincia", _("Provincia")
        CANTON = "canton", _("Cantón")
        PARROQUIA = "parroquia", _("Parroquia")

    class Sentido(models.TextChoices):
        ASCENDENTE = "ascendente", _("Mayor es mejor")
        DESCENDENTE = "descendente", _("Menor es mejor")

    class Calculo(models.TextChoices):
        VALOR = "valor", _("Valor registrado")
        COCIENTE = "cociente", _("Cociente de dos indicadores")

    codigo = models.CharField(_("código"), max_length=12, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)
    definicion = models.TextField(_("definición"))
    unidad = models.CharField(_("unidad"), max_length=30, choices=Unidad.choices)
    eje = models.ForeignKey(
        Eje, on_delete=models.PROTECT, related_name="indicadores", verbose_name=_("eje")
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="indicadores",
        null=True,
        blank=True,
        verbose_name=_("sector"),
    )
    calculo = models.CharField(
        _("cálculo"), max_length=10, choices=Calculo.choices, default=Calculo.VALOR
    )
    numerador = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="usos_como_numerador",
        null=True,
        blank=True,
        verbose_name=_("numerador"),
    )
    denominador = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="usos_como_denominador",
        null=True,
        blank=True,
        verbose_name=_("denominador"),
    )
    factor = models.DecimalField(
        _("factor"),
        max_digits=12,
        decimal_places=4,
        default=1,
        help_text=_("Multiplica el cociente, p. ej. 100 para un porcentaje."),
    )
    fuente = models.CharField(_("institución fuente"), max_length=200)
    periodicidad = models.CharField(
        _("periodicidad"), max_length=12, choices=Periodicidad.choices, default=Periodicidad.ANUAL
    )
    nivel_territorial = models.CharField(
        _("nivel territorial"), max_length=12, choices=Nivel.choices, default=Nivel.CANTON
    )
    desagregaciones = models.JSONField(
        _("desagregaciones"),
        default=list,
        blank=True,
        help_text=_("Dimensiones: sexo, actividad, categoria, sector."),
    )
    sentido = models.CharField(
        _("sentido"), max_length=12, choices=Sentido.choices, default=Sentido.ASCENDENTE
    )
    aditivo = models.BooleanField(
        _("aditivo"),
        default=True,
        help_text=_(
            "Sus desagregaciones y sus cantones suman el total (no es un promedio ni una tasa)."
        ),
    )
    minimo = models.DecimalField(
        _("valor mínimo admitido"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    maximo = models.DecimalField(
        _("valor máximo admitido"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    umbral_variacion = models.DecimalField(
        _("variación máxima esperada (%)"),
        max_digits=7,
        decimal_places=2,
        default=50,
        help_text=_("Un cambio mayor frente al período anterior marca el valor como sospechoso."),
    )
    nota_metodologica = models.TextField(_("nota metodológica"), blank=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=0)
    activo = models.BooleanField(_("activo"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["eje__codigo", "orden", "codigo"]
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(calculo="valor")
                | models.Q(numerador__isnull=False, denominador__isnull=False),
                name="indicador_cociente_con_componentes",
            )
        ]

    def __str__(self) -> str:
        return f"{self.codigo} · {self.nombre}"

    def get_absolute_url(self) -> str:
        return reverse("sie:indicador", kwargs={"codigo": self.codigo})

    @property
    def es_formula(self) -> bool:
        return self.calculo == self.Calculo.COCIENTE


class Medicion(models.Model):
    """One value of an indicator for a territory, a period and (optionally) a disaggregation."""

    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("Borrador")
        VALIDADO = "validado", _("Validado")
        PUBLICADO = "publicado", _("Publicado")

    indicador = models.ForeignKey(
        Indicador, on_delete=models.PROTECT, related_name="mediciones", verbose_name=_("indicador")
    )
    territorio = models.CharField(
        _("código de territorio"),
        max_length=16,
        help_text=_("17 = provincia; 4 dígitos = cantón; cantón-id = parroquia."),
    )
    canton = models.ForeignKey(
        Canton,
        on_delete=models.PROTECT,
        related_name="mediciones",
        null=True,
        blank=True,
        verbose_name=_("cantón"),
    )
    parroquia = models.ForeignKey(
        Parroquia,
        on_delete=models.PROTECT,
        related_name="mediciones",
        null=True,
        blank=True,
        verbose_name=_("parroquia"),
    )
    periodo = models.CharField(_("período"), max_length=8)
    fecha_periodo = models.DateField(_("inicio del período"))
    desagregacion = models.CharField(_("desagregación"), max_length=20, blank=True, default="")
    categoria = models.CharField(_("categoría"), max_length=40, blank=True, default="")
    valor = models.DecimalField(_("valor"), max_digits=18, decimal_places=4)
    fuente = models.CharField(_("fuente"), max_length=200)
    fecha_dato = models.DateField(_("fecha del dato"))
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.BORRADOR
    )
    alertas = models.JSONField(_("alertas de validación"), default=list, blank=True)
    justificacion = models.TextField(_("justificación del analista"), blank=True)
    calculada = models.BooleanField(_("calculada por fórmula"), default=False)
    es_demo = models.BooleanField(_("dato de demostración"), default=False)
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrado por"),
    )
    validado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validado por"),
    )
    fecha_validacion = models.DateTimeField(_("fecha de validación"), null=True, blank=True)
    fecha_publicacion = models.DateTimeField(_("fecha de publicación"), null=True, blank=True)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    actualizado = models.DateTimeField(_("actualizado"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["actualizado"])

    class Meta:
        ordering = [
            "indicador__codigo",
            "territorio",
            "fecha_periodo",
            "desagregacion",
            "categoria",
        ]
        verbose_name = _("medición")
        verbose_name_plural = _("mediciones")
        constraints = [
            models.UniqueConstraint(
                fields=["indicador", "territorio", "periodo", "desagregacion", "categoria"],
                name="medicion_unica",
            ),
            models.CheckConstraint(
                condition=models.Q(desagregacion="", categoria="")
                | (~models.Q(desagregacion="") & ~models.Q(categoria="")),
                name="medicion_desagregacion_completa",
            ),
        ]
        indexes = [
            models.Index(
                fields=["estado", "indicador", "fecha_periodo"], name="medicion_publica_idx"
            ),
            models.Index(fields=["canton", "estado"], name="medicion_canton_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.indicador.codigo} {self.territorio} {self.periodo}: {self.valor}"

    @property
    def es_total(self) -> bool:
        return not self.desagregacion

    @property
    def nombre_territorio(self) -> str:
        if self.parroquia_id:
            return self.parroquia.nombre
        if self.canton_id:
            return self.canton.nombre
        return str(_("Provincia de Pichincha"))


class MetaIndicador(models.Model):
    """A target for an indicator in a territory: baseline, goal and the date to reach it.

    The pactos app links its commitments to these rows (see selectors.metas_disponibles).
    """

    indicador = models.ForeignKey(
        Indicador, on_delete=models.PROTECT, related_name="metas", verbose_name=_("indicador")
    )
    canton = models.ForeignKey(
        Canton,
        on_delete=models.PROTECT,
        related_name="metas",
        null=True,
        blank=True,
        verbose_name=_("cantón"),
        help_text=_("Vacío: meta provincial."),
    )
    linea_base = models.DecimalField(_("línea base"), max_digits=18, decimal_places=4)
    linea_base_periodo = models.CharField(_("período de la línea base"), max_length=8)
    valor_meta = models.DecimalField(_("meta"), max_digits=18, decimal_places=4)
    fecha_meta = models.DateField(_("fecha de la meta"))
    descripcion = models.CharField(_("descripción"), max_length=300, blank=True)
    es_demo = models.BooleanField(_("dato de demostración"), default=False)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicador__codigo", "canton__codigo", "fecha_meta"]
        verbose_name = _("meta")
        verbose_name_plural = _("metas")

    def __str__(self) -> str:
        territorio = self.canton.nombre if self.canton_id else _("Pichincha")
        return f"{self.indicador.codigo} · {territorio} · {self.valor_meta} ({self.fecha_meta:%Y})"

    @property
    def territorio(self) -> str:
        return self.canton.codigo if self.canton_id else PROVINCIA_CODIGO
