"""Column heads of a list table, for templates/includes/tabla.html.

    {% columnas _("Indicador") _("Meta")|derecha _("Acciones")|oculta as columnas %}

Each head is a translatable literal (`_("…")`, which makemessages extracts) or any variable;
`|derecha` aligns the column to the right (numbers), `|oculta` keeps the head for screen readers
only (a column of buttons).
"""

from dataclasses import dataclass

from django import template
from django.utils.text import smart_split

register = template.Library()


@dataclass(frozen=True)
class Columna:
    titulo: str
    clase: str = ""
    oculta: bool = False


@register.filter
def derecha(titulo: str) -> Columna:
    return Columna(titulo=str(titulo), clase="text-end")


@register.filter
def oculta(titulo: str) -> Columna:
    return Columna(titulo=str(titulo), oculta=True)


class ColumnasNode(template.Node):
    def __init__(self, titulos: list[template.base.FilterExpression], nombre: str):
        self.titulos = titulos
        self.nombre = nombre

    def render(self, context) -> str:
        valores = (titulo.resolve(context) for titulo in self.titulos)
        context[self.nombre] = [
            v if isinstance(v, Columna) else Columna(titulo=str(v)) for v in valores
        ]
        return ""


@register.tag
def columnas(parser, token):
    # smart_split, not token.split_contents(): the latter glues `_("A")|derecha` to the next bit.
    bits = list(smart_split(token.contents))[1:]
    if len(bits) < 3 or bits[-2] != "as":
        raise template.TemplateSyntaxError('Use: {% columnas _("Título") … as nombre %}')
    return ColumnasNode([parser.compile_filter(bit) for bit in bits[:-2]], bits[-1])
