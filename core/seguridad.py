"""Security middleware Django does not ship: Permissions-Policy, and a clear page for big uploads.

Django sets CSP, HSTS, X-Frame-Options, Referrer-Policy and nosniff itself (config/settings.py);
the browser features the portal never uses (camera, microphone, geolocation, payments...) are
switched off here for every page. A request body larger than PORTAL_SUBIDA_MAX_BYTES is answered
with a 413 page that says, in the visitor's language, how big a file may be, before Django reads
the body (instead of a bare 400 "Bad Request" or a half-read upload).
"""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

POLITICA_PERMISOS = (
    ", ".join(
        f"{funcion}=()"
        for funcion in (
            "accelerometer",
            "autoplay",
            "camera",
            "display-capture",
            "encrypted-media",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
            "browsing-topics",
        )
    )
    + ", fullscreen=(self)"
)

SUBIDA_MAX_BYTES = 25 * 1024 * 1024


class CabecerasSeguridadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._demasiado_grande(request):
            respuesta = self._pagina_413(request)
        else:
            respuesta = self.get_response(request)
        respuesta.headers.setdefault(
            "Permissions-Policy", getattr(settings, "PERMISSIONS_POLICY", POLITICA_PERMISOS)
        )
        return respuesta

    @staticmethod
    def _maximo() -> int:
        return getattr(settings, "PORTAL_SUBIDA_MAX_BYTES", SUBIDA_MAX_BYTES)

    def _demasiado_grande(self, request) -> bool:
        try:
            longitud = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        return longitud > self._maximo()

    def _pagina_413(self, request):
        # The body is never read. No "Connection: close" here: WSGI forbids hop-by-hop headers
        # from the application (the server closes the connection itself).
        return render(
            request, "errors/413.html", {"maximo": filesizeformat(self._maximo())}, status=413
        )


def destino_local(request, destino: str | None, defecto):
    """Where a form's "volver" may send the browser: a path of this site, else defecto.

    "//otro.example" and "https://otro.example" would make the portal an open redirect.
    """
    from django.utils.http import url_has_allowed_host_and_scheme

    if (
        destino
        and destino.startswith("/")  # a bare word would be taken for a URL name by redirect()
        and url_has_allowed_host_and_scheme(
            destino, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return destino
    return defecto
