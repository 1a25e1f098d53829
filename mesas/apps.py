from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MesasConfig(AppConfig):
    name = "mesas"
    verbose_name = _("Mesas de diálogo")

    def ready(self):
        from actores.participacion import registrar_seccion
        from actores.senales import nombre_publico_cambiado
        from core.demo import registrar_demo
        from core.documentos import TipoDocumento, registrar_tipo_documento

        from . import rules  # noqa: F401
        from .demo import cargar_demo_mesas
        from .participacion import participacion_en_mesas
        from .selectors import acta_contexto, acta_publica_contexto
        from .services import al_cambiar_nombre_publico

        # Two documents per closed session, both from the same record: the acta the programme
        # keeps and has signed (every name, staff only), and the published one, where a person
        # without consent to be named appears as their organisation (actores.selectors).
        registrar_tipo_documento(
            TipoDocumento(
                tipo="acta",
                plantilla="mesas/pdf/acta.html",
                modelo="mesas.Sesion",
                contexto=acta_contexto,
                nombre_archivo=lambda s: (
                    f"acta-{s.mesa.slug}-sesion-{s.numero}-v{s.acta_version}.pdf"
                ),
                titulo=lambda s: (
                    _("Acta para firma de la sesión %(numero)s — %(mesa)s")
                    % {"numero": s.numero, "mesa": s.mesa.nombre}
                ),
                permiso="mesas.ver_acta_firmada",
                version=lambda s: s.acta_version,
            )
        )
        registrar_tipo_documento(
            TipoDocumento(
                tipo="acta_publica",
                plantilla="mesas/pdf/acta.html",
                modelo="mesas.Sesion",
                contexto=acta_publica_contexto,
                nombre_archivo=lambda s: (
                    f"acta-{s.mesa.slug}-sesion-{s.numero}-v{s.acta_version}-publica.pdf"
                ),
                titulo=lambda s: (
                    _("Acta de la sesión %(numero)s — %(mesa)s")
                    % {"numero": s.numero, "mesa": s.mesa.nombre}
                ),
                permiso="mesas.ver_acta",
                version=lambda s: s.acta_version,
            )
        )
        nombre_publico_cambiado.connect(
            al_cambiar_nombre_publico, dispatch_uid="mesas.actas_publicas"
        )
        registrar_demo(30, "Mesas", cargar_demo_mesas)
        registrar_seccion(
            orden=10, clave="mesas", titulo=_("Mesas y sesiones"), funcion=participacion_en_mesas
        )
