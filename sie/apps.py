from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SieConfig(AppConfig):
    name = "sie"
    verbose_name = _("Sistema de Información Estratégica")

    def ready(self):
        from . import extensiones, rules  # noqa: F401 - rules registers the SIE permissions

        extensiones.registrar()
