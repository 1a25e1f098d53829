from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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


class Parroquia(models.Model):
    class Tipo(models.TextChoices):
        RURAL = "rural", _("Rural")
        URBANA = "urbana", _("Urbana")

    canton = models.ForeignKey(
        Canton, on_delete=models.PROTECT, related_name="parroquias", verbose_name=_("cantón")
    )
    nombre = models.CharField(_("nombre"), max_length=120)
    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices, default=Tipo.RURAL)
    nota = models.CharField(_("nota"), max_length=200, blank=True)

    class Meta:
        ordering = ["canton__codigo", "nombre"]
        verbose_name = _("parroquia")
        verbose_name_plural = _("parroquias")
        constraints = [
            models.UniqueConstraint(fields=["canton", "nombre"], name="parroquia_unica_por_canton")
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
