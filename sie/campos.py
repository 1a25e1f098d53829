"""Form fields over the province's territory, shared by the apps above sie."""

from itertools import groupby

from django import forms


class ParroquiasPorCanton(forms.models.ModelChoiceIterator):
    """The parishes listed under their canton (an <optgroup> each), in alphabetical order, so that
    a person finds "Ayora" under Cayambe among the province's 95 parishes (cantons in the order of
    their codes, as the rest of the portal lists them); a list of one canton's parishes stays
    flat."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        parroquias = list(
            self.queryset.select_related("canton").order_by("canton__codigo", "nombre")
        )
        grupos = [(c, list(ps)) for c, ps in groupby(parroquias, key=lambda p: p.canton)]
        if len(grupos) == 1:
            yield from (self.choice(p) for p in grupos[0][1])
            return
        for canton, lista in grupos:
            yield (canton.nombre, [self.choice(p) for p in lista])


def agrupar_parroquias(campo: forms.ModelChoiceField) -> None:
    """Show a parish field's choices grouped by canton (see ParroquiasPorCanton)."""
    campo.iterator = ParroquiasPorCanton
    campo.widget.choices = campo.choices
