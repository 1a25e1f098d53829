from django import template

from sie import cifras

register = template.Library()


@register.filter
def cifra(valor, decimales=2):
    """{{ valor|cifra }}: see sie.cifras.cifra."""
    return cifras.cifra(valor, decimales)
