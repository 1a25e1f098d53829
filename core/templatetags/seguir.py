"""{% enlace_seguir objeto as url %}: where a visitor follows a public object (core.seguir)."""

from django import template

from core.seguir import enlace_seguir as _enlace

register = template.Library()


@register.simple_tag
def enlace_seguir(objeto) -> str | None:
    return _enlace(objeto)
