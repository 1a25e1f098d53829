"""Shared cache of public pages for anonymous visitors, invalidated by a "public generation".

A page is stored under its path, query string, language and the current generation, a number kept
in the shared cache (Redis in production, so every gunicorn worker sees the same one). Saving or
deleting any row of the apps whose data public pages show bumps the generation, so the next
request renders the page again: coarse, but a published change shows at once. Only anonymous GETs
without pending messages are cached; the CSRF token is stored as a placeholder and each visitor
gets their own. The cache is an optimisation: when it fails the page is simply rendered.
"""

import functools
import logging
import re

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

CLAVE_GENERACION = "publico:generacion"
# Bounds how long a change made without signals (queryset.update(), raw SQL, a restored
# database) can stay hidden, and how long time-dependent content ("next event") may lag.
DURACION = 300
# Apps whose rows public pages show. Sessions, accounts, login attempts do not count.
APPS_PUBLICAS = frozenset({"core", "sie", "actores", "mesas", "pactos", "eventos", "comunicacion"})
MARCA_CSRF = "__PACTOS_CSRF__"
_TOKEN_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,}(")')
_CABECERAS = ("Content-Type", "Content-Language")


def generacion_publica() -> int:
    generacion = cache.get(CLAVE_GENERACION)
    if generacion is None:
        cache.add(CLAVE_GENERACION, 1, timeout=None)
        generacion = cache.get(CLAVE_GENERACION, 1)
    return int(generacion)


def invalidar_paginas_publicas() -> None:
    """Bumps the public generation: every cached public page is rendered again."""
    try:
        cache.incr(CLAVE_GENERACION)
    except ValueError:  # not set yet (or evicted): any new value differs from the pages' one
        cache.add(CLAVE_GENERACION, 1, timeout=None)
    except Exception:
        logger.exception("No se pudo invalidar la caché de páginas públicas")


def datos_publicos(clave: str, calcular, duracion: int = DURACION):
    """calcular() once per public generation: figures that public pages aggregate over a whole
    history (participation of a table) are counted again only after a write."""
    try:
        completa = f"publico:datos:{generacion_publica()}:{get_language()}:{clave}"
        valor = cache.get(completa)
    except Exception:
        logger.warning("Caché de páginas públicas no disponible", exc_info=True)
        return calcular()
    if valor is None:
        valor = calcular()
        try:
            cache.set(completa, valor, duracion)
        except Exception:
            logger.warning("No se pudo guardar un dato público", exc_info=True)
    return valor


def _cambio_de_datos(sender, using=None, **kwargs) -> None:
    if sender._meta.app_label not in APPS_PUBLICAS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    invalidar_paginas_publicas()
    conexion = transaction.get_connection(using)
    # Inside a transaction, once more after commit: a page rendered meanwhile may hold the
    # data from before the commit under the new generation.
    if conexion.in_atomic_block and not any(
        funcion is invalidar_paginas_publicas for _, funcion, _ in conexion.run_on_commit
    ):
        transaction.on_commit(invalidar_paginas_publicas, using=using)


def conectar_invalidacion() -> None:
    """Called from core's ready(): any write of the public apps invalidates public pages."""
    for senal in (post_save, post_delete, m2m_changed):
        senal.connect(_cambio_de_datos, dispatch_uid=f"core.cache.{senal!r}")


def _cacheable(request) -> bool:
    return (
        getattr(settings, "CACHE_PAGINAS_PUBLICAS", True)  # off to measure the pages themselves
        and request.method in ("GET", "HEAD")
        and not getattr(request, "htmx", False)
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def _clave(request) -> str:
    return f"publico:pagina:{get_language()}:{request.get_full_path()}"


_clientes_redis: dict[int, object] = {}


def _leer_varias(claves: list[str]) -> dict:
    """cache.get_many, but with Redis through one client per process: Django's Redis backend
    builds a new client object for every command, which cost more than the round trip itself
    and made a cached page several times slower than the floor."""
    interno = getattr(cache, "_cache", None)
    if not hasattr(interno, "_get_connection_pool") or not hasattr(interno, "_serializer"):
        return cache.get_many(claves)
    cliente = _clientes_redis.get(id(interno))
    if cliente is None:
        cliente = _clientes_redis[id(interno)] = interno.get_client(None)
    completas = [cache.make_and_validate_key(c) for c in claves]
    return {
        c: interno._serializer.loads(v)
        for c, v in zip(claves, cliente.mget(completas), strict=True)
        if v is not None
    }


def _leer(clave: str) -> tuple[int | None, tuple | None]:
    """The current generation and the stored page, in one round trip to the cache: the page is
    stored with the generation it was rendered in, and is good only while that is current."""
    leidos = _leer_varias([CLAVE_GENERACION, clave])
    generacion = leidos.get(CLAVE_GENERACION)
    if generacion is None:
        return generacion_publica(), None
    guardada = leidos.get(clave)
    if guardada is None or guardada[0] != generacion:
        return generacion, None
    return generacion, guardada[1:]


def _guardar(clave: str, generacion: int, respuesta, duracion: int) -> None:
    if (
        respuesta.status_code != 200
        or respuesta.streaming
        or respuesta.cookies
        or respuesta.has_header("Cache-Control")
    ):
        return
    contenido = _TOKEN_CSRF.sub(rb"\1" + MARCA_CSRF.encode() + rb"\2", respuesta.content)
    cabeceras = {c: respuesta[c] for c in _CABECERAS if respuesta.has_header(c)}
    cache.set(clave, (generacion, contenido, cabeceras), duracion)


def _servir(request, guardada) -> HttpResponse:
    contenido, cabeceras = guardada
    marca = MARCA_CSRF.encode()
    if marca in contenido:
        contenido = contenido.replace(marca, get_token(request).encode())
    respuesta = HttpResponse(contenido)
    for cabecera, valor in cabeceras.items():
        respuesta[cabecera] = valor
    respuesta["X-Pagina-Publica"] = "cache"
    return respuesta


def pagina_publica(vista=None, *, duracion: int = DURACION):
    """Decorator of a public view: anonymous GETs are served from the shared cache.

    duracion bounds the lag of what changes with time alone (a news item scheduled for later)."""
    if vista is None:
        return functools.partial(pagina_publica, duracion=duracion)

    @functools.wraps(vista)
    def envoltura(request, *args, **kwargs):
        if not _cacheable(request):
            return vista(request, *args, **kwargs)
        clave = _clave(request)
        try:
            generacion, guardada = _leer(clave)
        except Exception:
            logger.warning("Caché de páginas públicas no disponible", exc_info=True)
            return vista(request, *args, **kwargs)
        if guardada is not None:
            return _servir(request, guardada)
        respuesta = vista(request, *args, **kwargs)
        if callable(getattr(respuesta, "render", None)):
            respuesta = respuesta.render()
        try:
            _guardar(clave, generacion, respuesta, duracion)
        except Exception:
            logger.warning("No se pudo guardar una página pública", exc_info=True)
        return respuesta

    return envoltura


class PaginaPublicaMixin:
    """The class-based form of pagina_publica (first in the bases, before the view class)."""

    duracion_cache_publica = DURACION

    def dispatch(self, request, *args, **kwargs):
        vista = pagina_publica(super().dispatch, duracion=self.duracion_cache_publica)
        return vista(request, *args, **kwargs)


__all__ = [
    "PaginaPublicaMixin",
    "conectar_invalidacion",
    "datos_publicos",
    "generacion_publica",
    "invalidar_paginas_publicas",
    "pagina_publica",
]
