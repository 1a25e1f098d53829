from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatosConfig(AppConfig):
    name = "datos"
    verbose_name = _("Datos abiertos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import extensiones

        extensiones.registrar()
