from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from core.cache import PaginaPublicaMixin

from .selectors import cantones_publicos


class CantonListView(ListView):
    template_name = "sie/cantones.html"
    context_object_name = "cantones"

    def get_queryset(self):
        return cantones_publicos()


class CantonDetailView(PaginaPublicaMixin, DetailView):
    template_name = "sie/canton.html"
    context_object_name = "canton"

    def get_object(self, queryset=None):
        return get_object_or_404(cantones_publicos(), codigo=self.kwargs["codigo"])

    def get_context_data(self, **kwargs):
        from .selectors import tablero_canton

        contexto = super().get_context_data(**kwargs)
        tablero = tablero_canton(canton=self.object)
        contexto["tablero"] = tablero
        contexto["tablero_demo"] = any(fila["ultimo"]["demo"] for fila in tablero)
        return contexto
