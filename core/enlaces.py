"""The portal's public address: the one place that turns a path into a link people can open.

Every link that leaves the portal (e-mails, QR codes, .ics files, feeds, API fields) is built
here from ``settings.PORTAL_URL``, never from the request or a hard-coded host: a link in a
message must open the portal's public address, whoever or whatever process built it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def url_base() -> str:
    """The public address without a trailing slash, e.g. ``https://pactos.pichincha.gob.ec``."""
    return settings.PORTAL_URL.rstrip("/")


def url_absoluta(ruta: str) -> str:
    """An absolute URL on the public address for a path of the portal (``/mesas/1/``).

    An address that is already absolute is returned unchanged.
    """
    if urlsplit(ruta).scheme:
        return ruta
    if not ruta.startswith("/"):
        ruta = "/" + ruta
    return url_base() + ruta


def url_de(nombre: str, *args, **kwargs) -> str:
    """``reverse()`` made absolute on the public address."""
    return url_absoluta(reverse(nombre, args=args or None, kwargs=kwargs or None))
