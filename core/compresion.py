"""Compressed answers for slow connections: Django's GZipMiddleware, for text only.

Django's middleware already guards against BREACH by padding each gzip stream with a random
number of bytes (since 4.2), and the CSRF token is masked anew in every response. What it does
not do is look at the content type: a PDF, a photo or a spreadsheet is compressed already, and a
streamed download would lose its Content-Length (and the browser its progress bar) for nothing.
Static files never reach it: WhiteNoise, above it, answers them with its own .br/.gz copies.
"""

from django.middleware.gzip import GZipMiddleware

TIPOS_TEXTO = {
    "application/javascript",
    "application/json",
    "application/xml",
    "application/x-javascript",
    "image/svg+xml",
}


def es_texto(tipo_contenido: str) -> bool:
    """Whether a Content-Type is text that compresses well (HTML, JSON, CSV, feeds, .ics...)."""
    tipo = tipo_contenido.split(";", 1)[0].strip().lower()
    return tipo.startswith("text/") or tipo in TIPOS_TEXTO or tipo.endswith(("+json", "+xml"))


class CompresionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not es_texto(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
