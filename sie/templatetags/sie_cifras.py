"""Numbers as Ecuador writes them (es-EC: 1.234,5); English pages get 1,234.5."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def cifra(valor, decimales=2):
    """Up to `decimales` decimals, trailing zeros dropped; "—" when there is no value."""
    if valor is None or valor == "":
        return "—"
    try:
        numero = Decimal(str(valor))
    except InvalidOperation:
        return valor
    numero = round(numero, int(decimales))
    texto = f"{numero:,.{int(decimales)}f}"
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    if (get_language() or "es").startswith("es"):
        texto = texto.replace(",", "X").replace(".", ",").replace("X", ".")
    return texto
