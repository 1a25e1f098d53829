from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunicacionConfig(AppConfig):
    name = "comunicacion"
    verbose_name = _("Comunicación")

    def ready(self):
        from core.demo import registrar_demo

        from . import rules  # noqa: F401 - registers the permissions
        from .demo import cargar_demo

        registrar_demo(70, "Comunicación", cargar_demo)
