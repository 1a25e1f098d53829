from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActoresConfig(AppConfig):
    name = "actores"
    verbose_name = _("Actores")

    def ready(self):
        from core.demo import registrar_demo

        from . import medios, rules  # noqa: F401  (rules registers the permissions)
        from .demo import registrar_demo as demo_actores

        registrar_demo(20, "Actores", demo_actores)
        medios.registrar()
