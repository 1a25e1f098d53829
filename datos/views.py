"""The open-data front door: the landing page, the bundle and its files, the DCAT catalogue, and
Swagger UI and Redoc served from the portal's own static files (no CDN, no inline script)."""

import json

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.cache import PaginaPublicaMixin
from core.enlaces import url_base, url_de
from core.vistas import PUBLICO, VistaStaff

from . import dcat, recursos, selectors, services

TIPO_JSONLD = "application/ld+json; charset=utf-8"


def limite_en_palabras(tasa: str) -> str:
    """DRF's "600/minute" in words ("600 solicitudes por minuto"); DRF reads the period's first
    letter."""
    try:
        numero, periodo = tasa.split("/")
        numero = int(numero)
    except (AttributeError, ValueError):
        return tasa or ""
    unidades = {"s": _("segundo"), "m": _("minuto"), "h": _("hora"), "d": _("día")}
    unidad = unidades.get(periodo[:1], periodo)
    return _("%(numero)s solicitudes por %(unidad)s") % {"numero": numero, "unidad": unidad}


def _pedir_si_falta(paquete):
    if paquete is None:
        services.paquete_pedir()
    return paquete


class InicioView(PaginaPublicaMixin, VistaStaff):
    """What the open data holds, its licence, examples, limits and formats, and where to get it.
    From the public page cache; a new bundle renders it again (services.paquete_construir)."""

    permiso = PUBLICO
    template_name = "datos/inicio.html"

    def get_context_data(self, **kwargs):
        paquete = _pedir_si_falta(selectors.paquete_actual())
        filas = {a["recurso"]: a["filas"] for a in (paquete.recursos if paquete else [])}
        lista = [
            {
                "nombre": r.nombre,
                "titulo": r.titulo,
                "descripcion": r.descripcion,
                "url": r.ruta,
                "csv": f"{r.ruta}?format=csv",
                "archivo": reverse("datos:archivo", args=[r.nombre]) if paquete else "",
                "filas": filas.get(r.nombre),
            }
            for r in recursos.recursos_publicos()
        ]
        api = url_de("api-root")
        ejemplos = [
            (_("Lista de pactos publicados (JSON):"), f"curl -s '{url_de('pacto-list')}'"),
            (
                _("Los compromisos en CSV, 500 por página:"),
                f"curl -s '{url_de('compromiso-list')}?format=csv&page_size=500' -o compromisos.csv",
            ),
            (
                _("Valores de un indicador en un cantón (filtros de la API):"),
                f"curl -s '{url_de('medicion-list')}?canton=<código>&indicador=<código>'",
            ),
            (_("El paquete completo (ZIP):"), f"curl -sL '{url_de('datos:paquete')}' -o datos.zip"),
            (_("El catálogo DCAT (JSON-LD):"), f"curl -s '{url_de('datos:catalogo')}'"),
        ]
        kwargs.update(
            recursos=lista,
            api=api,
            ejemplos=ejemplos,
            paquete=paquete,
            licencia=dcat.LICENCIA_NOMBRE,
            licencia_url=dcat.LICENCIA_URL,
            editor=dcat.EDITOR,
            limite_anonimo=limite_en_palabras(
                settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get("anon", "")
            ),
            tamano_pagina=settings.REST_FRAMEWORK.get("PAGE_SIZE"),
            portal=url_base(),
        )
        return super().get_context_data(**kwargs)


class PaqueteView(View):
    """The newest bundle as a download named with its date."""

    def get(self, request):
        paquete = _pedir_si_falta(selectors.paquete_actual())
        if paquete is None:
            respuesta = HttpResponse(
                _("El paquete de datos se está preparando. Vuelva a intentarlo en un minuto."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            respuesta["Retry-After"] = "60"
            return respuesta
        fecha = timezone.localtime(paquete.generado)
        respuesta = FileResponse(
            default_storage.open(paquete.archivo, "rb"),
            as_attachment=True,
            filename=f"{services.NOMBRE_ZIP}-{fecha:%Y-%m-%d}.zip",
            content_type="application/zip",
        )
        respuesta["Cache-Control"] = "public, max-age=300"
        respuesta["Link"] = f'<{dcat.LICENCIA_URL}>; rel="license"'
        return respuesta


class ArchivoView(View):
    """One resource's CSV, as it is in the newest bundle."""

    def get(self, request, recurso: str):
        paquete = selectors.paquete_actual()
        if paquete is None or recursos.recurso(recurso) is None:
            raise Http404
        contenido = selectors.archivo_del_paquete(paquete=paquete, nombre=f"{recurso}.csv")
        if contenido is None:
            raise Http404
        respuesta = HttpResponse(contenido, content_type="text/csv; charset=utf-8")
        respuesta["Content-Disposition"] = f'attachment; filename="{recurso}.csv"'
        respuesta["Cache-Control"] = "public, max-age=300"
        respuesta["Link"] = f'<{dcat.LICENCIA_URL}>; rel="license"'
        return respuesta


class CatalogoView(View):
    """The DCAT catalogue of the newest bundle, in JSON-LD."""

    def get(self, request):
        paquete = _pedir_si_falta(selectors.paquete_actual())
        if paquete is None:
            raise Http404
        contenido = json.dumps(dcat.catalogo(paquete), ensure_ascii=False, indent=2)
        respuesta = HttpResponse(contenido, content_type=TIPO_JSONLD)
        respuesta["Access-Control-Allow-Origin"] = "*"  # harvesters and browser tools
        respuesta["Cache-Control"] = "public, max-age=300"
        return respuesta


class SwaggerView(TemplateView):
    """Swagger UI on the portal's own files: the page's script is a static file."""

    template_name = "datos/swagger.html"
    extra_context = {"herramienta": "Swagger UI", "visor": "swagger-ui"}


class RedocView(TemplateView):
    template_name = "datos/redoc.html"
    extra_context = {"herramienta": "Redoc", "visor": "redoc"}
