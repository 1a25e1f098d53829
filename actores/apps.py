from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActoresConfig(AppConfig):
    name = "actores"
    verbose_name = _("Actores")
