"""Template tags of the pages kept for use without signal (mesas/templates/mesas/sin_senal/)."""

from functools import lru_cache
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=2)
def _svg(ruta: str) -> str:
    with open(finders.find(ruta), encoding="utf-8") as archivo:
        return " ".join(archivo.read().split()).replace('"', "'")


def _en_linea(ruta: str) -> str:
    # percent-encoded but for spaces, quotes and a few signs: safe in a double-quoted attribute
    return mark_safe("data:image/svg+xml," + quote(_svg(ruta), safe=" =:/',.-"))  # noqa: S308


@register.simple_tag
def favicon_en_linea() -> str:
    """The portal's SVG icon as a data: address, for a page whose first visit is on a slow link:
    the browser does not ask for it (one answer less). The CSP allows data: images."""
    return _en_linea("img/favicon.svg")


@register.simple_tag
def logo_en_linea() -> str:
    """The header's logo as a data: address, for the same pages (includes/cabecera.html)."""
    return _en_linea("img/logo.svg")
