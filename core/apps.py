from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Núcleo")

    def ready(self):
        from .cache import conectar_invalidacion

        conectar_invalidacion()
