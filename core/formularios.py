"""Shared pieces of the portal's forms."""

from django import forms


def areas_de_texto(**filas: int) -> dict[str, forms.Textarea]:
    """The `Meta.widgets` of a form's long-text fields, each a Textarea of its height in rows:
    `widgets = areas_de_texto(preambulo=4, objetivos=6)`, or `{**areas_de_texto(...), ...}` beside
    other widgets."""
    return {campo: forms.Textarea(attrs={"rows": n}) for campo, n in filas.items()}


def con_clases_bootstrap(form: forms.Form, *, pequeno: bool = False) -> None:
    """Bootstrap's classes on each widget of a form rendered field by field (the filter bars),
    outside crispy: without them a select is as wide as its longest option and pushes a phone's
    page sideways. `pequeno` for the compact filter bars. A class the form set is kept."""
    sm = " form-select-sm" if pequeno else ""
    for campo in form.fields.values():
        widget = campo.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            clase = "form-check-input"
        elif isinstance(widget, forms.Select):
            clase = "form-select" + sm
        else:
            clase = "form-control" + sm.replace("select", "control")
        widget.attrs.setdefault("class", clase)
