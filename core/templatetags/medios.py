"""{% load medios %}{{ noticia.imagen|url_medio }}: an upload's address through the portal's rule."""

from django import template

from core.medios import url_medio as _url_medio

register = template.Library()


@register.filter
def url_medio(archivo) -> str:
    return _url_medio(archivo)
