"""Figures for reading, in the page's language, as Django's locale writes them: grouped thousands
(Spanish as in Ecuador, 1.234,5, from core/formatos/es; English: 1,234.5)."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format


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
    return number_format(numero, use_l10n=True, force_grouping=True)
