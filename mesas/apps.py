from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MesasConfig(AppConfig):
    name = "mesas"
    verbose_name = _("Mesas de diálogo")

    def ready(self):
        from . import extensiones, rules  # noqa: F401  (rules registers the permissions)

        extensiones.registrar()
