"""{% mensajes_de_texto objeto as mensajes %}: the SMS and WhatsApp messages about an object
(a citizen's message, a commitment...) and the answers to them, for staff pages."""

from django import template

from ..selectors import conversacion_de

register = template.Library()


@register.simple_tag
def mensajes_de_texto(objeto, limite: int = 30) -> list:
    if objeto is None or getattr(objeto, "pk", None) is None:
        return []
    return list(conversacion_de([objeto]).order_by("creado_en", "pk")[:limite])
