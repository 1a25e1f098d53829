import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

from . import busqueda
from .cache import pagina_publica
from .permisos import AccesoDenegado
from .vistas import PUBLICO, VistaStaff, paginar


class PanelView(VistaStaff):
    """The staff's landing page after login: what each role can do from here."""

    permiso = "core.ver_panel"
    template_name = "core/panel.html"


class BuscarView(VistaStaff):
    """The site search: what the public may see, whoever asks (core.busqueda)."""

    permiso = PUBLICO
    template_name = "core/buscar.html"
    publico = True

    def dispatch(self, request, *args, **kwargs):
        # Only the empty page is cached: each query would be a key of its own.
        if self.publico and not request.GET.get("q", "").strip():
            return pagina_publica(super().dispatch)(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        consulta = " ".join(self.request.GET.get("q", "").split())[: busqueda.LARGO_MAXIMO]
        usuario = None if self.publico else self.request.user
        filas = busqueda.buscar(consulta=consulta, usuario=usuario) if consulta else []
        pagina = paginar(self.request, filas, por_pagina=20, parametro="pagina")
        pagina.object_list = busqueda.presentar(
            pagina.object_list, consulta=consulta, publico=self.publico
        )
        return super().get_context_data(consulta=consulta, pagina=pagina, **kwargs)


class BuscarPersonalView(BuscarView):
    """The staff search: what this person may open, by the apps' own rules."""

    permiso = "core.ver_panel"
    template_name = "core/buscar_personal.html"
    publico = False


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
