"""Compressed answers for slow connections: brotli, or gzip for a browser without it; text only.

Brotli (what every current browser accepts over HTTPS, and on localhost) makes the facilitator's
session page about 15 % smaller than gzip at a similar cost (quality 5: a few milliseconds for
140 KB of HTML); streamed answers and browsers that only say gzip get Django's GZipMiddleware.

BREACH: Django's gzip pads each stream with a random number of bytes (since 4.2), and the CSRF
token is masked anew in every response. The brotli answer gets the same padding: a metadata
meta-block of 1–100 random bytes, which decoders skip (RFC 7932, section 9.2), placed after an
empty flush so that it starts on a byte boundary. What neither does is look at the content type:
a PDF, a photo or a spreadsheet is compressed already, and a streamed download would lose its
Content-Length (and the browser its progress bar) for nothing. Static files never reach it:
WhiteNoise, above it, answers them with its own .br/.gz copies.

HTML loses the templates' indentation first (`compactar_html`): a line's leading spaces and tabs,
outside <textarea>, <pre>, <script> and <style>. Every line break stays, so the page renders the
same (a run of whitespace is one space) and blank lines in a text shown with `white-space:
pre-line` stay too: 1.4 KB less of the session page after brotli, in about 3 ms.
"""

import re
import secrets

import brotli
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

TIPOS_TEXTO = {
    "application/javascript",
    "application/json",
    "application/xml",
    "application/x-javascript",
    "image/svg+xml",
}
CALIDAD_BROTLI = 5
# For a page whose first visit is on a slow link (the facilitator's session page and "Mis mesas",
# issue 15), set as the answer's `calidad_brotli`: about 10 % smaller than quality 5, for some
# 20–50 ms of the server's time per answer (docs/performance.md).
CALIDAD_BROTLI_RED_LENTA = 10
acepta_brotli = _lazy_re_compile(r"\bbr\b(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))")


_SANGRIA = re.compile(
    rb"(<(textarea|pre|script|style)\b.*?</\2\s*>)|\n[ \t]+", re.DOTALL | re.IGNORECASE
)


def compactar_html(html: bytes) -> bytes:
    """html without the spaces and tabs that begin its lines, except in raw text elements."""
    return _SANGRIA.sub(lambda m: m.group(1) or b"\n", html)


def es_texto(tipo_contenido: str) -> bool:
    """Whether a Content-Type is text that compresses well (HTML, JSON, CSV, feeds, .ics...)."""
    tipo = tipo_contenido.split(";", 1)[0].strip().lower()
    return tipo.startswith("text/") or tipo in TIPOS_TEXTO or tipo.endswith(("+json", "+xml"))


def brotli_con_relleno(
    contenido: bytes, *, max_relleno: int = 100, calidad: int = CALIDAD_BROTLI
) -> bytes:
    """contenido in brotli, with 1 to max_relleno random bytes of metadata after the stream's
    header: the length of a page that holds a secret then says nothing certain about it."""
    compresor = brotli.Compressor(quality=calidad, mode=brotli.MODE_TEXT)
    cabecera = compresor.process(b"") + compresor.flush()  # ends on a byte boundary
    n = 1 + secrets.randbelow(max_relleno)
    # ISLAST=0, MNIBBLES=0 (metadata), reserved 0, MSKIPBYTES=1, MSKIPLEN-1; then byte-aligned
    metadatos = (0b11 << 1 | 1 << 4 | (n - 1) << 6).to_bytes(2, "little") + secrets.token_bytes(n)
    return cabecera + metadatos + compresor.process(contenido) + compresor.finish()


def codificacion_aceptada(request) -> str | None:
    """ "br", "gzip" or None: what CompresionMiddleware would send this request."""
    aceptadas = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if acepta_brotli.search(aceptadas):
        return "br"
    if re_accepts_gzip.search(aceptadas):
        return "gzip"
    return None


def comprimir(contenido: bytes, codificacion: str) -> bytes:
    """contenido compressed as CompresionMiddleware compresses it (padded against BREACH)."""
    if codificacion == "br":
        return brotli_con_relleno(contenido, max_relleno=CompresionMiddleware.max_random_bytes)
    return compress_string(contenido, max_random_bytes=CompresionMiddleware.max_random_bytes)


class CompresionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        tipo = response.get("Content-Type", "")
        if not es_texto(tipo):
            return response
        if (
            tipo.startswith("text/html")
            and not response.streaming
            and not response.has_header("Content-Encoding")
            # A public page from core.cache's copy was compacted once, when it was copied.
            and not getattr(response, "html_compactado", False)
        ):
            response.content = compactar_html(response.content)
            if response.has_header("Content-Length"):
                response.headers["Content-Length"] = str(len(response.content))
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
            or not acepta_brotli.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        comprimido = brotli_con_relleno(
            response.content,
            max_relleno=self.max_random_bytes,
            calidad=getattr(response, "calidad_brotli", CALIDAD_BROTLI),
        )
        if len(comprimido) >= len(response.content):
            return response
        response.content = comprimido
        response.headers["Content-Length"] = str(len(comprimido))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response
