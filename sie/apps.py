from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SieConfig(AppConfig):
    name = "sie"
    verbose_name = _("Sistema de Información Estratégica")

    def ready(self):
        from . import documentos

        documentos.registrar()
        self._registrar_sie()

    def _registrar_sie(self):
        from core.demo import registrar_demo

        from . import rules  # noqa: F401 - registers the SIE permissions
        from .demo import cargar_demo

        registrar_demo(20, "SIE: indicadores, valores y metas", cargar_demo)
