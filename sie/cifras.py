"""Figures for reading, in the page's language: es-EC 1.234,5; English 1,234.5."""

from decimal import Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language

# Ecuador groups thousands with a dot; Django's "es" uses a space, which intcomma keeps.
MILES_ES_EC = "."


def cifra(valor, decimales: int = 2) -> str:
    """Up to `decimales` decimals, trailing zeros dropped, thousands grouped; "—" without a value."""
    if valor is None or valor == "":
        return "—"
    try:
        numero = Decimal(str(valor))
    except InvalidOperation:
        return str(valor)
    if not numero.is_finite():
        return str(valor)
    numero = round(numero, int(decimales))
    numero = (
        numero.quantize(Decimal(1)) if numero == numero.to_integral_value() else numero.normalize()
    )
    espanol = (get_language() or "es").startswith("es")
    return numberformat.format(
        numero,
        get_format("DECIMAL_SEPARATOR"),
        grouping=get_format("NUMBER_GROUPING"),
        thousand_sep=MILES_ES_EC if espanol else get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
