from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunicacionConfig(AppConfig):
    name = "comunicacion"
    verbose_name = _("Comunicación")

    def ready(self):
        from core.demo import registrar_demo

        from . import documentos_consulta, integraciones, medios, rules  # noqa: F401 - rules registers the permissions
        from .demo import cargar_demo

        integraciones.registrar()
        medios.registrar()
        documentos_consulta.registrar()

        registrar_demo(70, "Comunicación", cargar_demo)
