"""What a page says about itself to search engines and link previews (templates/base.html).

{% capturar as nombre %}…{% endcapturar %} renders its content once into a variable, so that one
block a page overrides (its title, its description) feeds several tags: <title>, the meta
description, Open Graph and Twitter. {% enlaces_idioma as enlaces %} gives the page's canonical
address and its address in each language (hreflang), on the portal's public address.
{% feed "agenda:feed" "rss" _("Agenda (RSS)") %} announces a feed in the page's `feeds` block.
"""

import re

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.safestring import mark_safe

from core.enlaces import url_absoluta

register = template.Library()

_ESPACIOS = re.compile(r"\s+")


class _CapturarNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: template.NodeList, variable: str) -> None:
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context) -> str:
        # Rendered template output, escaped already: safe to print again as it is.
        texto = _ESPACIOS.sub(" ", self.nodelist.render(context)).strip()
        context[self.variable] = mark_safe(texto)  # noqa: S308
        return ""


@register.tag
def capturar(parser, token) -> _CapturarNode:
    partes = token.split_contents()
    if len(partes) != 3 or partes[1] != "as":
        raise template.TemplateSyntaxError("Uso: {% capturar as variable %}…{% endcapturar %}")
    nodelist = parser.parse(("endcapturar",))
    parser.delete_first_token()
    return _CapturarNode(nodelist, partes[2])


@register.simple_tag(takes_context=True)
def enlaces_idioma(context) -> dict:
    """The page's canonical URL (without its query string) and its URL in each language."""
    request = context.get("request")
    if request is None:
        return {}
    ruta = request.path
    idiomas = {
        codigo: url_absoluta(translate_url(ruta, codigo)) for codigo, _n in settings.LANGUAGES
    }
    return {
        "canonica": url_absoluta(ruta),
        "idiomas": idiomas,
        "x_default": idiomas[settings.LANGUAGE_CODE],
    }


@register.filter
def absoluta(ruta: str) -> str:
    """A path of the portal as an absolute URL on its public address (og:image, og:url)."""
    return url_absoluta(str(ruta)) if ruta else ""


@register.inclusion_tag("includes/feed.html")
def feed(nombre_url: str, formato: str, titulo: str, *args) -> dict:
    """A feed that browsers and feed readers discover: the URL named `nombre_url` (with `args`),
    "atom" or "rss", its title."""
    return {"formato": formato, "titulo": titulo, "url": reverse(nombre_url, args=args)}
