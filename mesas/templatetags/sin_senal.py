"""Template tags of the pages kept for use without signal (mesas/templates/mesas/sin_senal/)."""

from functools import lru_cache
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=1)
def _favicon_svg() -> str:
    with open(finders.find("img/favicon.svg"), encoding="utf-8") as archivo:
        return " ".join(archivo.read().split()).replace('"', "'")


@register.simple_tag
def favicon_en_linea() -> str:
    """The portal's SVG icon as a data: address, for a page whose first visit is on a slow link:
    the browser does not ask for it (one answer less). The CSP allows data: images."""
    # percent-encoded but for spaces, quotes and a few signs: safe in a double-quoted attribute
    return mark_safe("data:image/svg+xml," + quote(_favicon_svg(), safe=" =:/',.-"))  # noqa: S308
