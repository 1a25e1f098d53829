from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunicacionConfig(AppConfig):
    name = "comunicacion"
    verbose_name = _("Comunicación")
