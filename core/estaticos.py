"""Static files as production serves them: the portal's own scripts and styles minified by
esbuild (node_modules/.bin/esbuild, installed by `make`) when `collectstatic` copies them, then
hashed and compressed by WhiteNoise. The sources stay readable; a phone on a slow link gets
about 40 % fewer bytes of them (issue 15, "Light on a bad connection").

Vendor files (static/vendor/, already minified builds) are left as they are."""

import logging
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)

ESBUILD = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "esbuild"


def _propio(nombre: str) -> bool:
    return (
        nombre.endswith((".js", ".css"))
        and not nombre.endswith((".min.js", ".min.css"))
        and not nombre.startswith(("vendor/", "admin/", "rest_framework/", "drf_spectacular"))
    )


def minificar(rutas: list[Path]) -> bool:
    """Minify these files in place (one esbuild run). Without esbuild they are served as they are,
    and the deployment's log says so."""
    esbuild = str(ESBUILD) if ESBUILD.exists() else shutil.which("esbuild")
    if not rutas:
        return False
    if not esbuild:
        logger.warning("esbuild no está instalado: los scripts propios se sirven sin minificar")
        return False
    for ruta in rutas:
        # one file at a time, in place: the transform keeps each script's own format (IIFE)
        subprocess.run(
            [
                esbuild,
                str(ruta),
                "--minify",
                "--log-level=warning",
                f"--outfile={ruta}",
                "--allow-overwrite",
                "--legal-comments=inline",
            ],
            check=True,
        )
    return True


class AlmacenEstaticos(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            propios = [nombre for nombre in paths if _propio(nombre)]
            if minificar([Path(self.path(nombre)) for nombre in propios]):
                # hashed and compressed from the minified copy, not from the source
                paths = {**paths, **{nombre: (self, nombre) for nombre in propios}}
        yield from super().post_process(paths, dry_run=dry_run, **options)


# Headers that mean nothing on a file whose name carries its content's hash: it is never
# revalidated (ETag, Last-Modified: Cache-Control says immutable for a year), no other site reads
# it (Access-Control-Allow-Origin, from WhiteNoise), and it is no document (Referrer-Policy and
# Cross-Origin-Opener-Policy, from Django's SecurityMiddleware, apply to pages). Each costs bytes
# on every file of a first visit: about 170 of the 470 of each answer's headers, 2.3 KB of the
# session page's cold load on a phone (issue 15; docs/performance.md).
SOBRAN_EN_INMUTABLES = (
    "ETag",
    "Last-Modified",
    "Access-Control-Allow-Origin",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


class CabecerasEstaticosMiddleware:
    """Outermost middleware: immutable static files answered without SOBRAN_EN_INMUTABLES.
    Pages, the API and files that may change (no "immutable") keep every header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefijo = settings.STATIC_URL

    def __call__(self, request):
        respuesta = self.get_response(request)
        if request.path.startswith(self.prefijo) and "immutable" in respuesta.get(
            "Cache-Control", ""
        ):
            for cabecera in SOBRAN_EN_INMUTABLES:
                if cabecera in respuesta:
                    del respuesta[cabecera]
        return respuesta
