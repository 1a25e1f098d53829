from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .selectors import cantones_publicos


class CantonListView(ListView):
    template_name = "sie/cantones.html"
    context_object_name = "cantones"

    def get_queryset(self):
        return cantones_publicos()


class CantonDetailView(DetailView):
    template_name = "sie/canton.html"
    context_object_name = "canton"

    def get_object(self, queryset=None):
        return get_object_or_404(cantones_publicos(), codigo=self.kwargs["codigo"])
