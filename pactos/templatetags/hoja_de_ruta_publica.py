"""The public, simplified roadmap for the programme's home page: blocks and milestones reached.

{% load hoja_de_ruta_publica %}{% hoja_de_ruta_publica %}
"""

from django import template

from pactos.selectors.hoja_de_ruta import hoja_de_ruta_publica as bloques_publicos

register = template.Library()


@register.inclusion_tag("pactos/hoja_de_ruta/_publica.html")
def hoja_de_ruta_publica():
    return {"bloques": bloques_publicos()}
