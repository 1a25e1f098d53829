from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanalesConfig(AppConfig):
    name = "canales"
    verbose_name = _("SMS y WhatsApp")

    def ready(self):
        from . import extensiones, rules  # noqa: F401  (rules registers the permissions)

        extensiones.registrar()
