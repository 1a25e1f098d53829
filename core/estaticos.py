"""Static files as production serves them: the portal's own scripts and styles minified by
esbuild (node_modules/.bin/esbuild, installed by `make`) when `collectstatic` copies them, then
hashed and compressed by WhiteNoise. The sources stay readable; a phone on a slow link gets
about 40 % fewer bytes of them (issue 15, "Light on a bad connection").

Vendor files (static/vendor/, already minified builds) are left as they are."""

import logging
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)

RAIZ = Path(settings.BASE_DIR)
ESBUILD = RAIZ / "node_modules" / ".bin" / "esbuild"


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


def plantillas_de_paquetes() -> list[str]:
    """The template folders of the packages that render the portal's forms (their classes)."""
    import crispy_bootstrap5
    import crispy_forms
    import django
    import django_filters

    return [
        *(os.path.dirname(m.__file__) for m in (crispy_bootstrap5, crispy_forms, django_filters)),
        os.path.join(os.path.dirname(django.__file__), "forms"),
    ]


def reducir_css(ruta: Path) -> bool:
    """The style sheet bundle reduced in place to the rules of the pages kept without signal
    (scripts/paquete-css.mjs, PurgeCSS). Without node or PurgeCSS it is served whole, and the
    deployment's log says so."""
    node = shutil.which("node")
    if not node or not (RAIZ / "node_modules" / "purgecss").exists():
        logger.warning("node o purgecss no está instalado: el paquete de estilos se sirve entero")
        return False
    subprocess.run(
        [node, str(RAIZ / "scripts" / "paquete-css.mjs"), str(ruta), *plantillas_de_paquetes()],
        check=True,
        cwd=RAIZ,
    )
    return True


class AlmacenEstaticos(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            propios = [nombre for nombre in paths if _propio(nombre) and nombre not in PAQUETES]
            if not minificar([Path(self.path(nombre)) for nombre in propios]):
                propios = []
            # each bundle made again from the collected copies of its parts, the portal's own
            # minified: the vendor parts stay as their authors minified them (esbuild would make
            # htmx 0.3 KB larger after brotli)
            paquetes = [nombre for nombre in PAQUETES if nombre in paths]
            for paquete in paquetes:
                ruta = Path(self.path(paquete))
                ruta.write_bytes(contenido_paquete(paquete, self.path))
                if paquete in PAQUETES_REDUCIDOS and reducir_css(ruta):
                    minificar([ruta])  # what PurgeCSS leaves between the rules it kept
            # hashed and compressed from the minified copy, not from the source
            paths = {**paths, **{nombre: (self, nombre) for nombre in propios + paquetes}}
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


# --- One script and one style sheet for the pages kept for use without signal ------------------
# The session page on a phone's first visit asked for six scripts and four style sheets: each
# answer's headers cost bytes, and each file is compressed alone. PaquetesFinder serves each
# bundle below as one static file, the concatenation of its parts (found by the other finders) in
# this order: built afresh whenever it is looked for (development, tests) and once by
# `collectstatic`, where AlmacenEstaticos minifies it, hashes it and compresses it like any other
# file of the portal. The service worker precaches the bundles instead of their parts
# (mesas/sin_senal.py).
PAQUETES = {
    "paquetes/sin-senal.js": (
        "vendor/htmx/htmx.min.js",
        "js/portal.js",
        "vendor/idb/idb.umd.js",
        "mesas/sin-senal.js",
        "mesas/registro.js",
        "mesas/asistentes.js",
    ),
    "paquetes/sin-senal.css": (
        "vendor/bootstrap/bootstrap.min.css",
        # the icons of these pages only (scripts/iconos.py, PAGINAS); its font stays a file
        "vendor/bootstrap-icons/bootstrap-icons.sin-senal.min.css",
        "css/portal.css",
        "mesas/mesas.css",
    ),
}
# reduced at collectstatic to the rules of the pages that load them (reducir_css)
PAQUETES_REDUCIDOS = ("paquetes/sin-senal.css",)
DIRECTORIO_PAQUETES = RAIZ / "var" / "estaticos"

_MAPA_FUENTE = re.compile(
    r"^\s*(?://# sourceMappingURL=\S*|/\*# sourceMappingURL=[^*]*\*/)\s*$", re.M
)
_CHARSET = re.compile(r'@charset\s+"[^"]*";')
_URL_CSS = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def _urls_desde(paquete: str, parte: str, css: str) -> str:
    """css of parte with its relative url()s made relative to paquete's directory."""

    def mover(m: re.Match) -> str:
        url = m.group(2)
        if url.startswith(("data:", "/", "#")) or "://" in url:
            return m.group(0)
        destino = posixpath.normpath(posixpath.join(posixpath.dirname(parte), url))
        return f'url("{posixpath.relpath(destino, posixpath.dirname(paquete))}")'

    return _URL_CSS.sub(mover, css)


def contenido_paquete(paquete: str, ruta_de=finders.find) -> bytes:
    """The bundle's text: its parts in order (each file ruta_de(part) gives: the source's, or
    collectstatic's copy), without their source map comments (a CSS bundle keeps one @charset,
    first, and its parts' url()s still point at their files)."""
    trozos = []
    for parte in PAQUETES[paquete]:
        ruta = ruta_de(parte)
        if not ruta:
            raise ImproperlyConfigured(f"{paquete}: no se encuentra {parte}")
        texto = _MAPA_FUENTE.sub("", Path(ruta).read_text("utf-8"))
        if paquete.endswith(".css"):
            texto = _urls_desde(paquete, parte, _CHARSET.sub("", texto))
        trozos.append(f"/* {parte} */\n{texto.strip()}\n")
    if paquete.endswith(".css"):
        return ('@charset "UTF-8";\n' + "".join(trozos)).encode()
    # a part that does not end its last statement must not run into the next one
    return ";\n".join(trozos).encode()


def construir_paquete(paquete: str) -> Path:
    """The bundle's file under DIRECTORIO_PAQUETES, written when its content changed."""
    ruta = DIRECTORIO_PAQUETES / paquete
    contenido = contenido_paquete(paquete)
    if not ruta.exists() or ruta.read_bytes() != contenido:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=ruta.parent, delete=False) as temporal:
            temporal.write(contenido)
        os.chmod(temporal.name, 0o644)
        os.replace(temporal.name, ruta)  # a process reading it never sees half a file
    return ruta


class PaquetesFinder(BaseFinder):
    """The bundles of PAQUETES as static files (STATICFILES_FINDERS)."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False):
        if path not in PAQUETES:
            return [] if find_all else None
        ruta = str(construir_paquete(path))
        return [ruta] if find_all else ruta

    def list(self, ignore_patterns):
        almacen = FileSystemStorage(location=DIRECTORIO_PAQUETES)
        for paquete in PAQUETES:
            construir_paquete(paquete)
            yield paquete, almacen
