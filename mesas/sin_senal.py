"""The session page without signal: the service worker that keeps its assets and pages
(docs/architecture.md, "Sesiones sin señal"). The outbox itself lives in the browser
(mesas/static/mesas/registro.js)."""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# What the session page loads; precached so that it opens, styled and working, with no signal.
# A file that is not found is left out (tests/mesas/test_sin_senal.py fails if the page loads
# an asset missing from this list).
ACTIVOS = (
    # Bootstrap's CSS, the icons', the portal's and the tables' in one file; htmx, portal.js, idb
    # and the page's scripts in another (core/estaticos.py, PAQUETES): what both pages load.
    "paquetes/sin-senal.css",
    "paquetes/sin-senal.js",
    # the font of the icons of these pages (scripts/iconos.py, PAGINAS)
    "vendor/bootstrap-icons/fonts/bootstrap-icons-sin-senal.woff2",
    # (their tab's icon and the header's logo are in the page itself:
    # mesas/templatetags/sin_senal.py)
    "img/apple-touch-icon.png",
)

# The Workbox modules the worker uses, loaded by workbox-sw from our own static files.
MODULOS_WORKBOX = (
    "workbox-core",
    "workbox-routing",
    "workbox-strategies",
    "workbox-precaching",
    "workbox-expiration",
    "workbox-cacheable-response",
)


@lru_cache(maxsize=1)
def _revisiones() -> tuple[tuple[str, str], ...]:
    """(static path, revision) of each asset present: the revision is its content's hash, so a
    changed file is fetched again even where its URL has no hash (development, tests)."""
    revisiones = []
    for ruta in ACTIVOS:
        archivo = finders.find(ruta)
        if not archivo:
            continue
        with open(archivo, "rb") as f:
            revisiones.append((ruta, hashlib.sha256(f.read()).hexdigest()[:16]))
    return tuple(revisiones)


@require_GET
@never_cache
def service_worker(request) -> HttpResponse:
    """The worker, at the site's root so that its scope covers /mesas/ and /en/mesas/."""
    if settings.DEBUG:  # an edited script is precached again at once while developing
        _revisiones.cache_clear()
    precache = []
    for ruta, revision in _revisiones():
        url = static(ruta)
        # a URL with its content's hash in the name (production's manifest storage) needs no
        # revision: the browser may take it from its HTTP cache instead of downloading it again
        precache.append(
            {"url": url, "revision": None if url != settings.STATIC_URL + ruta else revision}
        )
    # Each asset's address without the content hash production's storage puts in its name, cut
    # before its extension: a page kept before a release names the release's own file
    # ("paquetes/sin-senal.<hash>.js"), which the worker then answers with today's.
    nombres = [
        [settings.STATIC_URL + base, "." + extension]
        for base, extension in (ruta.rsplit(".", 1) for ruta, _revision in _revisiones())
    ]
    modulos = {m: static(f"vendor/workbox/{m}.prod.js") for m in MODULOS_WORKBOX}
    version = hashlib.sha256(repr((precache, modulos)).encode()).hexdigest()[:12]
    contenido = render_to_string(
        "mesas/sin_senal/sw.js",
        {
            "workbox_sw_json": json.dumps(static("vendor/workbox/workbox-sw.js")),
            "precache_json": json.dumps(precache),
            "nombres_json": json.dumps(nombres),
            "modulos_json": json.dumps(modulos),
            "version": version,
        },
    )
    return HttpResponse(contenido, content_type="text/javascript; charset=utf-8")
