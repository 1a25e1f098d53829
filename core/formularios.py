"""Shared pieces of the portal's forms."""

from django import forms


def areas_de_texto(**filas: int) -> dict[str, forms.Textarea]:
    """The `Meta.widgets` of a form's long-text fields, each a Textarea of its height in rows:
    `widgets = areas_de_texto(preambulo=4, objetivos=6)`, or `{**areas_de_texto(...), ...}` beside
    other widgets."""
    return {campo: forms.Textarea(attrs={"rows": n}) for campo, n in filas.items()}
