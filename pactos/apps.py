from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PactosConfig(AppConfig):
    name = "pactos"
    verbose_name = _("Pactos y hoja de ruta")

    def ready(self):
        from . import extensiones

        extensiones.registrar()
