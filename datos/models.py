"""The downloadable bundle of the programme's open data (docs/datos.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaqueteDatos(models.Model):
    """One build of the bundle: a ZIP of CSV files, README, data dictionary and DCAT catalogue,
    kept in the default storage. The newest row is the one served."""

    generado = models.DateTimeField(_("generado el"))
    # The last build that found the same data (and kept this file).
    comprobado = models.DateTimeField(_("comprobado el"))
    archivo = models.CharField(_("archivo en el almacenamiento"), max_length=255)
    tamano = models.PositiveBigIntegerField(_("tamaño en bytes"))
    checksum = models.CharField(_("suma SHA-256 del ZIP"), max_length=64)
    # SHA-256 of the data files alone: a rebuild whose data did not change keeps the old file.
    huella = models.CharField(_("suma SHA-256 de los datos"), max_length=64)
    # The change mark (services.marca_de_cambios) read before the build: the data it holds.
    marca = models.BigIntegerField(_("marca de cambios incluida"))
    # [{"recurso", "archivo", "filas", "tamano", "descripcion"}] for the catalogue and the page.
    recursos = models.JSONField(_("archivos de datos"), default=list)

    class Meta:
        ordering = ["-generado"]
        get_latest_by = "generado"
        verbose_name = _("paquete de datos abiertos")
        verbose_name_plural = _("paquetes de datos abiertos")

    def __str__(self) -> str:
        return f"{self.archivo} ({self.generado:%Y-%m-%d %H:%M})"
