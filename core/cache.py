"""Shared cache of public pages for anonymous visitors, invalidated by a "public generation".

A page is stored under its path, query string and language, tagged with the generation it was
rendered in: a number kept in Redis, so every gunicorn worker sees the same one. Saving or
deleting any row of the apps whose data public pages show bumps the generation, so the next
request renders the page again: coarse, but a published change shows at once. Only anonymous GETs
without pending messages are cached; the CSRF token is stored as a placeholder and each visitor
gets their own. The cache is an optimisation: when it fails the page is simply rendered.

settings.CACHE_PAGINAS_PUBLICAS switches it (off under `make run`, on in production). Pages and
the generation live in Redis through this module's own redis-py client (one per process, see
_redis); without REDIS_URL they live in Django's default cache, which is then local to the
process. Each process learns a new generation by pub/sub (see _EscuchaGeneracion).

PaginaPublicaMiddleware, near the top of the middleware stack, keeps in each process the whole
answer the stack gave for such a page and sends it again to a stateless anonymous GET before
sessions, locale, CSRF, authentication and messages run; everything else goes down the stack.
"""

import contextlib
import functools
import logging
import os
import pickle
import re
import threading
import time
from collections import OrderedDict

import redis
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from core.compresion import codificacion_aceptada, compactar_html, comprimir, es_texto

logger = logging.getLogger(__name__)

CLAVE_GENERACION = "publico:generacion"
CANAL_GENERACION = "publico:generacion:canal"
# Keys and channels of this module in Redis, beside (not inside) Django's cache keys.
PREFIJO = "pactos:"
# Bounds how long a change made without signals (queryset.update(), raw SQL, a restored
# database) can stay hidden, and how long time-dependent content ("next event") may lag.
DURACION = 300
# Apps whose rows public pages show. Sessions, accounts, login attempts do not count.
APPS_PUBLICAS = frozenset({"core", "sie", "actores", "mesas", "pactos", "eventos", "comunicacion"})
MARCA_CSRF = "__PACTOS_CSRF__"
_TOKEN_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,}(")')
# Kept with a cached answer: a calendar or CSV stays a named download, a feed keeps its date.
_CABECERAS = ("Content-Type", "Content-Language", "Content-Disposition", "Last-Modified", "Link")


# --- Storage: Redis through this module's own client, else Django's default cache -----------

# One redis-py client per process and REDIS_URL, made on first use (redis-py's pool starts again
# in a forked child). Django's Redis backend builds a new client object for every command, which
# cost more than the round trip itself and made a cached page several times slower than the floor.
_clientes_redis: dict[str, redis.Redis] = {}


def _redis() -> redis.Redis | None:
    """This process' client of settings.REDIS_URL, or None when the portal runs without Redis."""
    url = settings.REDIS_URL
    if not url:
        return None
    cliente = _clientes_redis.get(url)
    if cliente is None:
        cliente = _clientes_redis.setdefault(
            url, redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        )
    return cliente


def _obtener(clave: str):
    cliente = _redis()
    if cliente is None:
        return cache.get(clave)
    valor = cliente.get(PREFIJO + clave)
    return None if valor is None else pickle.loads(valor)


def _poner(clave: str, valor, duracion: int) -> None:
    cliente = _redis()
    if cliente is None:
        cache.set(clave, valor, duracion)
    else:
        cliente.set(PREFIJO + clave, pickle.dumps(valor, pickle.HIGHEST_PROTOCOL), ex=duracion)


def _generacion_inicial() -> int:
    # Microseconds since the epoch: a generation that starts again (Redis restarted empty, the
    # key evicted) is larger than any number reached before, since no portal writes once per
    # microsecond; so a copy kept by a worker from before can never look current again.
    return time.time_ns() // 1000


def _generacion(*, incrementar: bool) -> int:
    """The public generation, created first if missing; incremented when asked (one round trip
    to Redis, atomic there)."""
    cliente = _redis()
    if cliente is None:
        cache.add(CLAVE_GENERACION, _generacion_inicial(), timeout=None)
        if incrementar:
            return cache.incr(CLAVE_GENERACION)
        return int(cache.get(CLAVE_GENERACION, 0))
    clave = PREFIJO + CLAVE_GENERACION
    with cliente.pipeline() as tuberia:
        tuberia.set(clave, _generacion_inicial(), nx=True)
        if incrementar:
            tuberia.incr(clave)
        else:
            tuberia.get(clave)
        return int(tuberia.execute()[-1])


def generacion_publica() -> int:
    return _generacion(incrementar=False)


def _canal(cliente: redis.Redis) -> str:
    """The channel of bumps of this Redis database. Pub/sub channels are shared by every database
    of a Redis server, so two installations on one server (or the test suite beside `make stack`)
    would otherwise take each other's generations for their own."""
    db = cliente.connection_pool.connection_kwargs.get("db", 0)
    return f"{PREFIJO}{CANAL_GENERACION}:{db}"


def invalidar_paginas_publicas() -> None:
    """Bumps the public generation: every cached public page is rendered again."""
    try:
        nueva = _generacion(incrementar=True)
        _escucha.anotar(nueva)
        cliente = _redis()
        if cliente is not None:
            cliente.publish(_canal(cliente), nueva)
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
    cambio_publico(using=using)


def cambio_publico(*, using=None) -> None:
    """Public data changed: bump the generation now and, inside a transaction, once more after
    it commits. Saves and deletes do this by signal; a service that writes without signals
    (QuerySet.update(), bulk_create, bulk_update) calls it itself."""
    invalidar_paginas_publicas()
    conexion = transaction.get_connection(using)
    # Inside a transaction, once more after commit: a page rendered meanwhile may hold the
    # data from before the commit under the new generation.
    if conexion.in_atomic_block and not any(
        funcion is invalidar_paginas_publicas for _, funcion, _ in conexion.run_on_commit
    ):
        transaction.on_commit(invalidar_paginas_publicas, using=using)


def _tras_migrar(sender, **kwargs) -> None:
    # Every deployment runs migrate: pages rendered by the previous release's templates and
    # code are not served by the new one.
    if sender.label == "core":
        invalidar_paginas_publicas()


def conectar_invalidacion() -> None:
    """Called from core's ready(): any write of the public apps invalidates public pages, and
    so does every migrate (a deployment)."""
    for senal in (post_save, post_delete, m2m_changed):
        senal.connect(_cambio_de_datos, dispatch_uid=f"core.cache.{senal!r}")
    post_migrate.connect(_tras_migrar, dispatch_uid="core.cache.post_migrate")


def _cacheable(request) -> bool:
    return (
        settings.CACHE_PAGINAS_PUBLICAS
        and request.method in ("GET", "HEAD")
        and not getattr(request, "htmx", False)
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def _clave(request) -> str:
    return f"publico:pagina:{get_language()}:{request.get_full_path()}"


class _EscuchaGeneracion:
    """Each process learns a new public generation by a message instead of asking Redis on every
    request: a thread subscribes to the channel where every bump is published, then reads the
    current value, and keeps it. A bump made in this process counts at once; one made in another
    process arrives with its message, within a millisecond or so on a local network. While the
    thread is not subscribed (starting, Redis down, a connection lost) requests ask Redis;
    every few seconds the thread checks its value against Redis, so even a message lost
    without a broken connection cannot leave a page stale for longer than that.
    """

    COMPROBAR_CADA = 5.0

    def __init__(self) -> None:
        self._pid = None
        self._ubicacion = None
        self._generacion = None
        self._al_dia = False
        self._cerrojo = threading.Lock()

    def anotar(self, generacion) -> None:
        with self._cerrojo:
            if self._generacion is not None and generacion is not None:
                self._generacion = max(self._generacion, int(generacion))

    def generacion(self, ubicacion: str) -> int | None:
        """The generation known by message, or None when Redis must be asked; ubicacion is the
        REDIS_URL in use (a new one starts a new listener)."""
        if self._pid != os.getpid() or self._ubicacion != ubicacion:
            self._arrancar(ubicacion)
            return None
        return self._generacion if self._al_dia else None

    def _arrancar(self, ubicacion: str) -> None:
        with self._cerrojo:
            if self._pid == os.getpid() and self._ubicacion == ubicacion:
                return
            self._pid, self._ubicacion = os.getpid(), ubicacion
            self._al_dia, self._generacion = False, None
        hilo = threading.Thread(
            target=self._escuchar, args=(os.getpid(), ubicacion), daemon=True, name="generacion"
        )
        hilo.start()

    def _vigente(self, pid: int, ubicacion: str) -> bool:
        return self._pid == pid and self._ubicacion == ubicacion

    def _escuchar(self, pid: int, ubicacion: str) -> None:
        while self._vigente(pid, ubicacion):
            suscripcion = None
            try:
                cliente = _redis()
                if cliente is None or ubicacion != settings.REDIS_URL:
                    return
                suscripcion = cliente.pubsub(ignore_subscribe_messages=True)
                suscripcion.subscribe(_canal(cliente))
                with self._cerrojo:
                    self._generacion = generacion_publica()
                    self._al_dia = True
                comprobado = time.monotonic()
                while self._vigente(pid, ubicacion):
                    mensaje = suscripcion.get_message(timeout=1.0)
                    if mensaje and mensaje.get("type") == "message":
                        self.anotar(int(mensaje["data"]))
                    if time.monotonic() - comprobado > self.COMPROBAR_CADA:
                        # Redis holds the latest value (bumps are published after they are
                        # made), also after it started again empty with a new, larger one.
                        actual = generacion_publica()
                        with self._cerrojo:
                            self._generacion = actual
                        comprobado = time.monotonic()
            except Exception:
                logger.warning("Sin aviso de la generación pública; se pregunta a Redis")
            finally:
                with self._cerrojo:
                    self._al_dia = False
                if suscripcion is not None:
                    with contextlib.suppress(Exception):
                        suscripcion.close()
            time.sleep(1.0)


_escucha = _EscuchaGeneracion()


def _generacion_vigente() -> int:
    if settings.REDIS_URL:
        conocida = _escucha.generacion(settings.REDIS_URL)
        if conocida is not None:
            return conocida
    return generacion_publica()


class _Copias:
    """Copies kept by this process, bounded by size: the least recently stored go first."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._datos: OrderedDict = OrderedDict()
        self._bytes = 0
        self._cerrojo = threading.Lock()

    def get(self, clave):
        return self._datos.get(clave)

    def poner(self, clave, guardada: tuple) -> None:
        with self._cerrojo:
            anterior = self._datos.pop(clave, None)
            if anterior is not None:
                self._bytes -= len(anterior[1])
            self._datos[clave] = guardada
            self._bytes += len(guardada[1])
            while self._bytes > self.max_bytes and self._datos:
                _, fuera = self._datos.popitem(last=False)
                self._bytes -= len(fuera[1])


# The pages this process served lately, tagged with the generation they were rendered in. A copy
# is served only while its generation is current (known by message, or asked of Redis), so a
# published change shows at once in every process. The copy spares fetching and unpickling the
# whole page from Redis, which cost more than the rest of the request.
_LOCALES = _Copias(32 * 1024 * 1024)


def _recordar(clave: str, guardada: tuple) -> None:
    _LOCALES.poner(clave, guardada)


def _leer(clave: str) -> tuple[int, tuple | None]:
    """The current generation and the stored page (generation, content, headers, expiry), if it
    was rendered in that generation: from this process' copy, or else from Redis."""
    generacion = _generacion_vigente()
    ahora = time.time()
    local = _LOCALES.get(clave)
    if local is not None and local[0] == generacion and local[3] > ahora:
        return generacion, local
    guardada = _obtener(clave)
    if guardada is None or len(guardada) != 4 or guardada[0] != generacion or guardada[3] <= ahora:
        return generacion, None
    _recordar(clave, guardada)
    return generacion, guardada


def _guardar(clave: str, generacion: int, respuesta, duracion: int) -> tuple | None:
    """Stores the page rendered for an anonymous visitor; returns what was stored, or None."""
    if (
        respuesta.status_code != 200
        or respuesta.streaming
        or respuesta.cookies
        or respuesta.has_header("Cache-Control")
    ):
        return None
    contenido = _TOKEN_CSRF.sub(rb"\1" + MARCA_CSRF.encode() + rb"\2", respuesta.content)
    cabeceras = {c: respuesta[c] for c in _CABECERAS if respuesta.has_header(c)}
    # With the moment it stops being good: what changes with time alone (a news item scheduled
    # for later) shows within `duracion` in every process, whatever its local copy.
    guardada = (generacion, contenido, cabeceras, time.time() + duracion)
    _poner(clave, guardada, duracion)
    _recordar(clave, guardada)
    return guardada


def _servir(request, guardada) -> HttpResponse:
    _, contenido, cabeceras, _ = guardada
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
            respuesta = _servir(request, guardada)
        else:
            respuesta = vista(request, *args, **kwargs)
            if callable(getattr(respuesta, "render", None)):
                respuesta = respuesta.render()
            try:
                guardada = _guardar(clave, generacion, respuesta, duracion)
            except Exception:
                logger.warning("No se pudo guardar una página pública", exc_info=True)
        if guardada is not None:
            # For PaginaPublicaMiddleware, at the top of the stack: what it may serve next time.
            respuesta.pagina_publica = (clave, guardada)
        return respuesta

    return envoltura


class PaginaPublicaMixin:
    """The class-based form of pagina_publica (first in the bases, before the view class)."""

    duracion_cache_publica = DURACION

    def dispatch(self, request, *args, **kwargs):
        vista = pagina_publica(super().dispatch, duracion=self.duracion_cache_publica)
        return vista(request, *args, **kwargs)


# --- Served at the top of the middleware stack ------------------------------------------------

# What the whole stack answered for a public page (its body as pagina_publica stored it, CSRF
# placeholder included, and every header the middleware below added: Vary, Content-Language,
# CSP, X-Frame-Options, Permissions-Policy...), by path and query string; in this process only.
_RESPUESTAS = _Copias(32 * 1024 * 1024)
# Headers made again for each answer.
_CABECERAS_POR_RESPUESTA = frozenset({"content-length", "x-pagina-publica"})


def _sin_estado(request) -> bool:
    """An anonymous GET that nothing below the top of the stack could answer differently from
    the last one: no session cookie (so no login and no messages kept in the session), no
    messages cookie, not htmx, no credentials in a header."""
    cookies = request.COOKIES
    meta = request.META
    return (
        settings.CACHE_PAGINAS_PUBLICAS
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_HX_REQUEST" not in meta
        and "HTTP_AUTHORIZATION" not in meta
        and not settings.DISALLOWED_USER_AGENTS
    )


def _idioma_de_ruta(request) -> str | None:
    """The language LocaleMiddleware will activate for this request, when the path alone says it
    (i18n_patterns without a prefix for the default language, as config/urls.py has them);
    None otherwise, and then nothing is served before the stack."""
    usadas, con_prefijo = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    if not usadas or con_prefijo:
        return None
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


class PaginaPublicaMiddleware:
    """Answers an anonymous visitor's GET of a cached public page before sessions, locale, CSRF,
    authentication, messages and the rest run: the answer the whole stack gave the last time,
    sent again while its generation is current. Anything else goes down the stack unchanged
    (a dictionary look-up: /ping/, the throughput floor, pays nothing more).

    Placed below SecurityMiddleware, WhiteNoise and the compression, which still act on every
    answer. A copy is made here, on the way up, from an answer pagina_publica stored or served,
    and only when the request carried no state and its page was keyed in the language of its
    path. A page with a form gets its CSRF token as CsrfViewMiddleware would give it: the
    visitor's cookie, or a new one, and a token masked anew in the placeholder.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Its own hooks, for pages with a form: read the visitor's secret, set the cookie.
        self._csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        ruta = request.get_full_path()
        copia = _RESPUESTAS.get(ruta)
        if copia is not None and _sin_estado(request):
            try:
                vigente = copia[3] > time.time() and copia[0] == _generacion_vigente()
            except Exception:
                logger.warning("Caché de páginas públicas no disponible", exc_info=True)
                vigente = False
            if vigente:
                return self._servir(request, copia)
        respuesta = self.get_response(request)
        marcada = getattr(respuesta, "pagina_publica", None)
        if marcada is not None:
            try:
                self._recordar(request, ruta, respuesta, *marcada)
            except Exception:
                logger.warning("No se pudo guardar una página pública", exc_info=True)
        return respuesta

    def _recordar(self, request, ruta: str, respuesta, clave: str, guardada: tuple) -> None:
        generacion, contenido, _, expira = guardada
        con_token = MARCA_CSRF.encode() in contenido
        if (
            respuesta.status_code != 200
            or respuesta.streaming
            or respuesta.has_header("Content-Encoding")
            or not _sin_estado(request)
            # Rendered in the language this layer will tell from the path alone.
            or clave != f"publico:pagina:{_idioma_de_ruta(request)}:{ruta}"
            # No cookie but the CSRF one of a page with a form (given again on each answer).
            or set(respuesta.cookies) - ({settings.CSRF_COOKIE_NAME} if con_token else set())
            or (con_token and settings.CSRF_USE_SESSIONS)
            # A nonce must be new in each answer.
            or "nonce-" in respuesta.get("Content-Security-Policy", "")
            or "nonce-" in respuesta.get("Content-Security-Policy-Report-Only", "")
            # The body is the stored one (nothing below the top changed it).
            or _TOKEN_CSRF.sub(rb"\1" + MARCA_CSRF.encode() + rb"\2", respuesta.content)
            != contenido
        ):
            return
        cabeceras = tuple(
            (nombre, valor)
            for nombre, valor in respuesta.items()
            if nombre.lower() not in _CABECERAS_POR_RESPUESTA
        )
        tipo = respuesta.get("Content-Type", "")
        if tipo.startswith("text/html"):
            # What the compression would do to it on every answer, done once.
            contenido = compactar_html(contenido)
        # Compressed copies, made on first demand: only for a page without a token (a public
        # page holds no secret, so one padded compression may serve every visitor; BREACH needs
        # a secret in the body). A page with a form is compressed on each answer, as before.
        comprimidas = {} if es_texto(tipo) and len(contenido) >= 200 and not con_token else None
        _RESPUESTAS.poner(ruta, (generacion, contenido, cabeceras, expira, comprimidas))

    def _servir(self, request, copia: tuple) -> HttpResponse:
        _, contenido, cabeceras, _, comprimidas = copia
        request.get_host()  # an unknown host is refused as CommonMiddleware refuses it
        marca = MARCA_CSRF.encode()
        con_token = marca in contenido
        if con_token:
            self._csrf.process_request(request)
            contenido = contenido.replace(marca, get_token(request).encode())
        codificacion = None if comprimidas is None else codificacion_aceptada(request)
        if codificacion is not None:
            if codificacion not in comprimidas:
                comprimidas[codificacion] = comprimir(contenido, codificacion)
            if len(comprimidas[codificacion]) < len(contenido):
                contenido = comprimidas[codificacion]
            else:
                codificacion = None
        respuesta = HttpResponse(contenido)
        for nombre, valor in cabeceras:
            respuesta.headers[nombre] = valor
        respuesta.headers["Content-Length"] = str(len(contenido))
        if comprimidas is not None:
            # As the compression answers every text page of 200 bytes or more.
            patch_vary_headers(respuesta, ("Accept-Encoding",))
        if codificacion is not None:
            respuesta.headers["Content-Encoding"] = codificacion
            etiqueta = respuesta.get("ETag")
            if etiqueta and etiqueta.startswith('"'):
                respuesta.headers["ETag"] = "W/" + etiqueta
        respuesta.headers["X-Pagina-Publica"] = "cache"
        respuesta.html_compactado = True
        if con_token:
            self._csrf.process_response(request, respuesta)
        return respuesta


__all__ = [
    "PaginaPublicaMiddleware",
    "PaginaPublicaMixin",
    "cambio_publico",
    "conectar_invalidacion",
    "datos_publicos",
    "generacion_publica",
    "invalidar_paginas_publicas",
    "pagina_publica",
]
