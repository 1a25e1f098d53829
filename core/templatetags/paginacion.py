"""{% parametros_sin "pagina" as parametros %}: the current query string without one parameter.

Used by includes/paginacion.html so that every list keeps its filters when paging, without each
view building the query string by hand.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def parametros_sin(context, clave: str) -> str:
    request = context.get("request")
    if request is None:
        return ""
    parametros = request.GET.copy()
    parametros.pop(clave, None)
    return parametros.urlencode()
