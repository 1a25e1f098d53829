from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunicacionConfig(AppConfig):
    name = "comunicacion"
    verbose_name = _("Comunicación")

    def ready(self):
        from . import extensiones, rules  # noqa: F401 - rules registers the permissions

        extensiones.registrar()
