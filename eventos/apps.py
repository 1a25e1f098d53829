from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventosConfig(AppConfig):
    name = "eventos"
    verbose_name = _("Eventos")

    def ready(self):
        from core.demo import registrar_demo

        from . import documentos, integraciones, medios
        from .demo import cargar_demo

        documentos.registrar()
        integraciones.registrar()
        medios.registrar()
        registrar_demo(60, "Eventos", cargar_demo)
