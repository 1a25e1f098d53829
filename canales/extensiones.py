"""What canales contributes to the registries below it: a section of the actor page with the
person's text messages (staff who may see them)."""

from django.utils.translation import gettext_lazy as _

from actores.participacion import SECCIONES_PARTICIPACION, Seccion
from core.demo import CARGADORES_DEMO

from .demo import cargar_demo_canales


def mensajes_del_actor(actor, user):
    if not user.has_perm("canales.ver_mensajes"):
        return None
    from .selectors import conversacion_de_actor

    mensajes = list(conversacion_de_actor(actor)[:20])
    if not mensajes:
        return None
    return {
        "template": "canales/includes/conversacion.html",
        "contexto": {"mensajes": mensajes, "ver_numero": True},
        "total": len(mensajes),
    }


def registrar() -> None:
    CARGADORES_DEMO.registrar("Canales", cargar_demo_canales, orden=25)
    SECCIONES_PARTICIPACION.registrar(
        "canales",
        Seccion(titulo=_("Mensajes SMS y WhatsApp"), funcion=mensajes_del_actor),
        orden=90,
    )
