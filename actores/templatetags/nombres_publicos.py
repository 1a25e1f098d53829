"""Template filters for a person's name on public pages: `{{ actor|nombre_publico:organizacion }}`
and `{{ acuerdo.responsables.all|nombres_publicos|join:", " }}` (see actores.selectors)."""

from django import template

from actores import selectors

register = template.Library()


@register.filter
def nombre_publico(actor, organizacion=None) -> str:
    return selectors.nombre_publico(actor=actor, organizacion=organizacion)


@register.filter
def nombres_publicos(actores) -> list[str]:
    return selectors.nombres_publicos(actores=actores)
