"""Filters of the actor list, the map and the network (django-filter)."""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.formularios import con_clases_bootstrap
from sie.models import Canton, Eje, Sector

from .models import Actor
from .validadores import normalizar_nombre


def buscar(qs, texto: str):
    """PostgreSQL full-text search (Spanish) on PostgreSQL; a normalised substring match elsewhere."""
    texto = (texto or "").strip()
    if not texto:
        return qs
    normal = Q(nombre_normalizado__contains=normalizar_nombre(texto)) | Q(siglas__iexact=texto)
    if connection.vendor == "postgresql":
        vector = SearchVector("nombre", "siglas", "descripcion", config="spanish")
        consulta = SearchQuery(texto, config="spanish", search_type="websearch")
        return qs.annotate(busqueda=vector).filter(Q(busqueda=consulta) | normal)
    return qs.filter(normal | Q(descripcion__icontains=texto))


class _Estilo:
    """Bootstrap classes on every widget (the filter bar is rendered field by field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        con_clases_bootstrap(self.form, pequeno=True)
        for campo in self.form.fields.values():
            if isinstance(campo.widget, forms.Select) and hasattr(campo, "empty_label"):
                campo.empty_label = _("Todos")


def _filtros_comunes():
    return {
        "naturaleza": django_filters.ChoiceFilter(
            label=_("Naturaleza"), choices=Actor.Naturaleza.choices, empty_label=_("Todas")
        ),
        "tipo": django_filters.ChoiceFilter(
            label=_("Tipo de actor"), choices=Actor.Tipo.choices, empty_label=_("Todos")
        ),
        "canton": django_filters.ModelChoiceFilter(
            label=_("Cantón"), queryset=Canton.objects.order_by("codigo"), empty_label=_("Todos")
        ),
        "eje": django_filters.ModelChoiceFilter(
            label=_("Eje"),
            queryset=Eje.objects.all(),
            field_name="ejes",
            to_field_name="codigo",
            empty_label=_("Todos"),
        ),
        "sector": django_filters.ModelChoiceFilter(
            label=_("Sector"),
            queryset=Sector.objects.order_by("orden", "nombre"),
            field_name="sectores",
            to_field_name="slug",
            empty_label=_("Todos"),
        ),
    }


class ActorFilter(_Estilo, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Buscar"), method="filtrar_texto")
    locals().update(_filtros_comunes())
    ambito = django_filters.ChoiceFilter(
        label=_("Ámbito"), choices=Actor.Ambito.choices, empty_label=_("Todos")
    )
    posicion = django_filters.ChoiceFilter(
        label=_("Posición"), choices=Actor.Posicion.choices, empty_label=_("Todas")
    )
    influencia = django_filters.NumberFilter(label=_("Influencia"), widget=forms.HiddenInput)
    interes = django_filters.NumberFilter(label=_("Interés"), widget=forms.HiddenInput)

    class Meta:
        model = Actor
        fields = ["q", "naturaleza", "tipo", "ambito", "canton", "eje", "sector", "posicion"]

    def filtrar_texto(self, queryset, name, value):
        return buscar(queryset, value)


class MapaFilter(_Estilo, django_filters.FilterSet):
    """The map and the network filter by axis, sector and canton (plus kind)."""

    locals().update(_filtros_comunes())

    class Meta:
        model = Actor
        fields = ["eje", "sector", "canton", "tipo", "naturaleza"]
