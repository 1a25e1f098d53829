"""The portal's public address: the one place that turns a path into a link people can open.

Every link that leaves the portal (e-mails, QR codes, .ics files, feeds, API fields) is built
here from ``settings.PORTAL_URL``, never from the request or a hard-coded host: a link in a
message must open the portal's public address, whoever or whatever process built it.
"""

import base64
import io
from collections.abc import Collection
from urllib.parse import urlsplit, urlunsplit

import qrcode
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import slugify

from .cache import pagina_publica


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


def qr_png(texto: str) -> bytes:
    """A QR code of texto as a PNG (an e-mail attachment, a printed sheet)."""
    imagen = qrcode.make(texto, box_size=8, border=2)
    salida = io.BytesIO()
    imagen.save(salida, format="PNG")
    return salida.getvalue()


def qr_data_uri(texto: str) -> str:
    """A PNG data: URI (the Content Security Policy allows data: images, not inline styles)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(texto)).decode()


def url_en_portal(url: str | None) -> str | None:
    """The same path and query on the public address: for links a library built from the request
    (DRF's page links), which carry whatever host the request came through."""
    if not url:
        return url
    partes = urlsplit(url)
    return url_absoluta(urlunsplit(("", "", partes.path or "/", partes.query, partes.fragment)))


class FeedPortal(Feed):
    """A syndication feed whose links open the public address.

    Django's Feed puts the request's host in front of every link (``get_current_site``); behind
    a proxy or from a worker that host is not the one people open. Here the feed's link, its own
    address and every item's link are made absolute on ``PORTAL_URL`` first.
    """

    ATRIBUTOS_ENLACE = frozenset({"link", "item_link", "feed_url", "item_enclosure_url"})

    def _get_dynamic_attr(self, attname, obj, default=None):
        valor = super()._get_dynamic_attr(attname, obj, default)
        if attname in self.ATRIBUTOS_ENLACE and valor:
            return url_absoluta(str(valor))
        return valor

    def __call__(self, request, *args, **kwargs):
        # Every feed is public: anonymous readers get it from the shared page cache.
        return pagina_publica(super().__call__)(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        if not self._get_dynamic_attr("feed_url", obj):
            feed.feed["feed_url"] = url_en_portal(feed.feed["feed_url"])
        return feed


def slug_unico(
    filas: QuerySet,
    titulo: str,
    *,
    largo: int,
    respaldo: str,
    excluir: int | None = None,
    reservados: Collection[str] = (),
) -> str:
    """The slug of `titulo` that no row of `filas` has yet (`excluir`: the pk of the row being
    saved): cut to `largo`, `respaldo` for a title without letters, `<respaldo>-<slug>` for one
    of `reservados` (the app's own paths), then -2, -3… until it is free."""
    base = slugify(titulo)[:largo] or respaldo
    if base in reservados:
        base = f"{respaldo}-{base}"
    slug, n = base, 2
    while filas.filter(slug=slug).exclude(pk=excluir).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
