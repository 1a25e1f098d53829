import sys
from datetime import date

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

from .cache import PaginaPublicaMixin
from .permisos import AccesoDenegado
from .vistas import PUBLICO, VistaStaff


class PanelView(VistaStaff):
    """The staff's landing page after login: what each role can do from here."""

    permiso = "core.ver_panel"
    template_name = "core/panel.html"


class AccesibilidadView(PaginaPublicaMixin, VistaStaff):
    """The accessibility statement (NTE INEN-ISO/IEC 40500): keep it true when the portal changes."""

    permiso = PUBLICO
    template_name = "core/accesibilidad.html"
    extra_context = {"fecha_evaluacion": date(2026, 12, 7)}


class PrivacidadView(PaginaPublicaMixin, VistaStaff):
    """The privacy notice (LOPDP): what the portal stores, as read from its models."""

    permiso = PUBLICO
    template_name = "core/privacidad.html"
    extra_context = {"fecha_revision": date(2026, 12, 7)}


def error_403(request, exception=None):
    falta = getattr(exception, "falta", None) if isinstance(exception, AccesoDenegado) else None
    return render(request, "errors/403.html", {"falta": falta}, status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    """The 500 handler; a database that is down is a 503 the visitor can understand.

    It renders without context processors: they may need the very database that failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        html = loader.get_template("errors/503.html").render({})
        respuesta = HttpResponse(html, status=503)
        respuesta["Retry-After"] = "60"
        return respuesta
    return HttpResponse(loader.get_template("errors/500.html").render({}), status=500)
