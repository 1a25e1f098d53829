"""What search engines and link previews read: robots.txt, sitemap.xml, the icons, the manifest.

The sitemap lists public pages only, from the same selectors the public views use (a draft pacto,
an unpublished session or news item never appears), each in Spanish and English with its
alternates (hreflang) and, where the model records one, its last change. It draws on every app,
so it lives in the top layer, like the home page.
"""

import json
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from comunicacion.selectors import noticias_publicas
from comunicacion.selectors.consulta import consultas_publicas
from core.enlaces import url_base, url_de
from eventos.selectors import eventos_publicos
from mesas.selectors import mesas_publicas, sesiones_publicadas
from pactos.selectors.pactos import compromisos_publicados, pactos_publicados
from sie.selectors import cantones_publicos, indicadores_publicos

# Staff areas, accounts, tokens and actions: nothing a search engine should list.
PRIVADAS = [
    "/admin/",
    "/cuentas/",
    "/panel/",
    "/i18n/",
    "/documentos/solicitar/",
    "/actores/$",
    "/actores/nuevo/",
    "/actores/asignaciones/",
    "/actores/duplicados/",
    "/actores/exportar/",
    "/actores/fusionar/",
    "/actores/importar/",
    "/actores/mapa/",
    "/actores/red/",
    "/actores/relaciones/",
    "/mesas/gestion/",
    "/mesas/invitacion/",
    "/mesas/mis-mesas/",
    "/mesas/sesion/",
    "/pactos/gestion/",
    "/pactos/compromisos/",
    "/pactos/hoja-de-ruta/",
    "/pactos/mis-compromisos/",
    "/eventos/gestion/",
    "/eventos/invitacion/",
    "/comunicacion/gestion/",
    "/sie/gestion/",
    "/comunicacion/seguimiento/",
    "/comunicacion/suscripciones/confirmar/",
    "/comunicacion/suscripciones/baja/",
    "/comunicacion/consultas/confirmar/",
]


class SitemapPortal(Sitemap):
    """Both languages, with hreflang alternates and x-default, on the portal's public address."""

    i18n = True
    languages = [codigo for codigo, _nombre in settings.LANGUAGES]
    alternates = True
    x_default = True

    def get_domain(self, site=None) -> str:
        return urlsplit(url_base()).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(url_base()).scheme


class Paginas(SitemapPortal):
    """The public lists and the pages without an object."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "inicio",
            "pactos:pactos_publicos",
            "mesas:lista",
            "eventos:lista",
            "comunicacion:noticias",
            "comunicacion:consultas",
            "comunicacion:respuestas",
            "comunicacion:contacto",
            "comunicacion:suscripcion",
            "sie:cantones",
            "sie:indicadores",
            "sie:mapa",
            "sie:datos",
            "actores:participantes",
            "core:accesibilidad",
            "core:privacidad",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class Objetos(SitemapPortal):
    """Objects of a public selector, at `ubicacion(obj)`, last changed at `campo_fecha`."""

    campo_fecha = ""

    def location(self, item) -> str:
        return item.get_absolute_url()

    def lastmod(self, item):
        return getattr(item, self.campo_fecha, None) if self.campo_fecha else None


class Pactos(Objetos):
    campo_fecha = "actualizado"

    def items(self):
        return pactos_publicados().order_by("pk")

    def location(self, item) -> str:
        return item.get_public_url()


class Compromisos(Objetos):
    def items(self):
        return compromisos_publicados().select_related("pacto").order_by("pk")

    def location(self, item) -> str:
        return item.get_public_url()

    def lastmod(self, item):
        return item.pacto.actualizado


class Mesas(Objetos):
    def items(self):
        return mesas_publicas().order_by("orden", "pk")


class Sesiones(Objetos):
    campo_fecha = "publicada_en"

    def items(self):
        return sesiones_publicadas().order_by("pk")

    def location(self, item) -> str:
        return item.get_public_url()


class Eventos(Objetos):
    campo_fecha = "actualizado"

    def items(self):
        return eventos_publicos().order_by("pk")


class Noticias(Objetos):
    campo_fecha = "actualizada"

    def items(self):
        return noticias_publicas().order_by("pk")


class Consultas(Objetos):
    def items(self):
        return consultas_publicas().order_by("pk")


class Indicadores(Objetos):
    def items(self):
        return indicadores_publicos().order_by("codigo")


class Cantones(Objetos):
    def items(self):
        return cantones_publicos().order_by("codigo")


SITEMAPS = {
    "paginas": Paginas,
    "pactos": Pactos,
    "compromisos": Compromisos,
    "mesas": Mesas,
    "sesiones": Sesiones,
    "eventos": Eventos,
    "noticias": Noticias,
    "consultas": Consultas,
    "indicadores": Indicadores,
    "cantones": Cantones,
}


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request) -> HttpResponse:
    lineas = ["User-agent: *"]
    for ruta in PRIVADAS:
        lineas += [f"Disallow: {ruta}", f"Disallow: /en{ruta}"]
    lineas += ["", f"Sitemap: {url_de('sitemap')}", ""]
    return HttpResponse("\n".join(lineas), content_type="text/plain; charset=utf-8")


@cache
def _icono(nombre: str) -> bytes:
    return (settings.BASE_DIR / "static" / "img" / nombre).read_bytes()


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request) -> HttpResponse:
    """/favicon.ico and /apple-touch-icon.png: the addresses browsers ask for without a <link>."""
    nombre = "favicon.ico" if request.path.endswith(".ico") else "apple-touch-icon.png"
    tipo = "image/x-icon" if nombre.endswith(".ico") else "image/png"
    return HttpResponse(_icono(nombre), content_type=tipo)


@require_safe
@cache_control(public=True, max_age=86400)
def manifiesto(request) -> HttpResponse:
    """The web manifest: the name and icons a phone uses when the portal is added to its home."""
    datos = {
        "name": _("Pactos por Pichincha"),
        "short_name": _("Pactos"),
        "description": _(
            "Pactos por Pichincha: actores públicos y privados acuerdan el desarrollo productivo "
            "de Pichincha en turismo y en el sector agropecuario."
        ),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("inicio"),
        "scope": "/",
        "display": "browser",
        "theme_color": "#0b6b3a",
        "background_color": "#ffffff",
        "icons": [
            {"src": static("img/icono-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icono-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(datos, ensure_ascii=False), content_type="application/manifest+json"
    )
