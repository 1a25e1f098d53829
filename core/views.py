from django.shortcuts import render
from django.views.generic import TemplateView

from .permisos import AccesoDenegado, PermisoRequeridoMixin


class PanelView(PermisoRequeridoMixin, TemplateView):
    """The staff's landing page after login: what each role can do from here."""

    permission_required = "core.ver_panel"
    template_name = "core/panel.html"


def error_403(request, exception=None):
    falta = getattr(exception, "falta", None) if isinstance(exception, AccesoDenegado) else None
    return render(request, "errors/403.html", {"falta": falta}, status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    return render(request, "errors/500.html", status=500)
