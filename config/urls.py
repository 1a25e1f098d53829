from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import JavaScriptCatalog, set_language

from canales.views import enlace_corto
from config import seo
from config.views import InicioView, ping
from core.cache import pagina_publica
from core.medios import medio_view
from core.salud import SaludView
from eventos.urls import agenda_urlpatterns
from mesas.sin_senal import service_worker

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

urlpatterns = [
    path("ping/", ping, name="ping"),
    path("api/v1/", include("config.api_urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("health/", SaludView.as_view(), name="salud"),
    # At the root, so that its scope covers the session pages in both languages.
    path("sw.js", service_worker, name="service_worker"),
    path("robots.txt", seo.robots_txt, name="robots"),
    path("sitemap.xml", pagina_publica(sitemap), {"sitemaps": seo.SITEMAPS}, name="sitemap"),
    path("favicon.ico", seo.favicon, name="favicon"),
    path("apple-touch-icon.png", seo.favicon, name="apple_touch_icon"),
]

# Pages: Spanish at the root, English under /en/.
urlpatterns += i18n_patterns(
    # Inside the language prefix so set_language resolves "next" in the page's own language
    # (outside it, switching from /en/... back to Spanish stayed on /en/...).
    # The language switch is the one POST without a CSRF token: it changes nothing but the
    # visitor's own language cookie (and Django checks that "next" stays on this site), and a
    # token would give every anonymous visitor a cookie and public pages per-visitor content.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", InicioView.as_view(), name="inicio"),
    path("manifest.webmanifest", seo.manifiesto, name="manifiesto"),
    path("", include("core.urls")),
    path("cuentas/", include("core.urls_cuentas")),
    path("sie/", include("sie.urls")),
    path("actores/", include("actores.urls")),
    path("mesas/", include("mesas.urls")),
    path("pactos/", include("pactos.urls")),
    path("eventos/", include("eventos.urls")),
    path("agenda/", include((agenda_urlpatterns, "agenda"))),
    path("comunicacion/", include("comunicacion.urls")),
    path("datos/", include("datos.urls")),
    path("canales/", include("canales.urls")),
    path("e/<str:codigo>", enlace_corto, name="enlace_corto"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# Uploads, whatever DEBUG says: each file under its object's rule (core/medios.py). Never serve
# MEDIA_ROOT as a directory (no static()), in development either.
urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:ruta>", medio_view, name="medio")]
