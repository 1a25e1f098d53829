from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActoresConfig(AppConfig):
    name = "actores"
    verbose_name = _("Actores")

    def ready(self):
        from . import extensiones, rules  # noqa: F401  (rules registers the permissions)

        extensiones.registrar()
