from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PactosConfig(AppConfig):
    name = "pactos"
    verbose_name = _("Pactos y hoja de ruta")

    def ready(self):
        from core.demo import registrar_demo

        from . import documentos, indicadores_programa, medios
        from .services.hoja_de_ruta import registrar_demo_hoja_de_ruta

        indicadores_programa.registrar_cifras_de_apps_inferiores()
        indicadores_programa.registrar_tablas_de_apps_inferiores()
        documentos.registrar()
        medios.registrar()
        registrar_demo(40, "Hoja de ruta", registrar_demo_hoja_de_ruta)
        from actores.participacion import registrar_seccion

        from .demo_pactos import cargar_demo_pactos
        from .participacion_pactos import compromisos_del_actor

        registrar_demo(35, "Pactos", cargar_demo_pactos)
        registrar_seccion(
            orden=30,
            clave="pactos",
            titulo=_("Compromisos de los pactos"),
            funcion=compromisos_del_actor,
        )
