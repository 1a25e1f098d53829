"""The shared cache of public pages: served from cache, fresh after a published change, never
showing drafts, never for logged-in people, and each visitor with their own CSRF token."""

import datetime
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from actores.models import Actor
from comunicacion import services as comunicacion
from mesas.models import Acuerdo, Mesa, Sesion
from pactos.services import pactos as srv_pactos
from sie import services as sie
from sie.models import Canton, Eje, Indicador
from tests.factories import ActorFactory, CompromisoFactory, SesionFactory

pytestmark = pytest.mark.django_db

DESDE_CACHE = "X-Pagina-Publica"
RAIZ = Path(__file__).resolve().parents[2]


def desde_cache(respuesta) -> bool:
    return respuesta.get(DESDE_CACHE) == "cache"


@pytest.fixture
def pacto_en_borrador(coordinadora):
    """A draft pacto with one commitment, led by an organisation, on a closed session's
    agreement."""
    mesa = Mesa.objects.filter(tipo="turismo").order_by("orden").first()
    sesion = SesionFactory(mesa=mesa, dias=-30, estado=Sesion.Estado.CERRADA)
    acuerdo = Acuerdo.objects.create(sesion=sesion, numero=1, texto="Señalizar las rutas")
    organizacion = ActorFactory(
        sin_contacto=True,
        nombre="Cámara de Turismo de Cayambe",
        tipo=Actor.Tipo.PUBLICO,
        ambito=Actor.Ambito.PROVINCIAL,
    )
    pacto = srv_pactos.pacto_crear(
        eje=Eje.objects.get(codigo="turismo"),
        titulo="Pacto de las rutas de aviturismo",
        usuario=coordinadora,
    )
    CompromisoFactory(
        pacto=pacto,
        acuerdos=[acuerdo],
        titulo="Rutas señalizadas",
        texto="Señalizar las rutas de aviturismo.",
        lider=organizacion,
    )
    return pacto


def publicar(pacto, coordinadora):
    for estado in ["consulta", "acordado", "firmado", "publicado"]:
        if estado == "firmado":
            srv_pactos.firmante_agregar(
                pacto=pacto,
                organizacion=Actor.objects.get(nombre="Cámara de Turismo de Cayambe"),
                persona="Ana Pérez",
                fecha=timezone.localdate(),
            )
        pacto = srv_pactos.pacto_cambiar_estado(pacto=pacto, estado=estado, usuario=coordinadora)
    return pacto


def test_la_portada_se_sirve_de_la_cache_sin_consultas(client, django_assert_max_num_queries):
    primera = client.get("/")
    assert primera.status_code == 200 and not desde_cache(primera)
    with django_assert_max_num_queries(0):
        segunda = client.get("/")
    assert desde_cache(segunda)
    assert segunda.content.decode().count("Pactos por Pichincha") == primera.content.decode().count(
        "Pactos por Pichincha"
    )


def test_cada_idioma_y_cada_consulta_tienen_su_propia_copia(client):
    client.get("/")
    ingles = client.get("/en/")
    assert not desde_cache(ingles)
    assert 'lang="en"' in ingles.content.decode()
    assert desde_cache(client.get("/en/"))
    client.get("/pactos/")
    assert not desde_cache(client.get("/pactos/?eje=turismo"))


def test_las_paginas_publicas_no_dan_cookies_y_el_idioma_cambia_sin_token(client):
    """Public pages carry nothing per visitor (no CSRF token, no cookie), so they are served
    whole from the cache; the language switch and the PDF buttons work without a token."""
    from django.test import Client

    client.get("/")
    otro = Client(enforce_csrf_checks=True)
    for url in ("/", "/sie/cantones/1703/", "/pactos/"):
        otro.get(url)
        respuesta = otro.get(url)
        assert desde_cache(respuesta), url
        assert not respuesta.cookies, url
        assert "csrfmiddlewaretoken" not in respuesta.content.decode(), url
    cambio = otro.post("/i18n/setlang/", {"language": "en", "next": "/sie/cantones/1703/"})
    assert cambio.status_code == 302 and cambio["Location"] == "/en/sie/cantones/1703/"
    ficha = otro.post("/documentos/solicitar/ficha_cantonal/1703/")
    assert ficha.status_code == 302 and "/documentos/" in ficha["Location"]


def test_una_pagina_con_formulario_da_a_cada_visitante_su_token(client):
    """A cached page that does hold a form keeps a placeholder, and each visitor gets their own
    valid token in it."""
    from django.http import HttpResponse
    from django.template import engines
    from django.test import Client, RequestFactory

    from core.cache import pagina_publica

    plantilla = engines["django"].from_string(
        '<form method="post">{% csrf_token %}<button>Enviar</button></form>'
    )

    @pagina_publica
    def vista(request):
        return HttpResponse(plantilla.render({}, request))

    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore

    def pedir():
        request = RequestFactory().get("/formulario-de-prueba/")
        request.user = AnonymousUser()
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return vista(request), request

    primera, _ = pedir()
    segunda, peticion = pedir()
    assert desde_cache(segunda)
    html = segunda.content.decode()
    assert "__PACTOS_CSRF__" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', html).group(1)
    assert token != re.search(r'value="([A-Za-z0-9]+)"', primera.content.decode()).group(1)
    assert peticion.META.get("CSRF_COOKIE")  # the middleware will set it for this visitor
    assert Client  # (the real middleware path is covered by the public forms' own tests)


def test_un_pacto_publicado_aparece_enseguida_y_un_borrador_nunca(
    client, coordinadora, pacto_en_borrador
):
    assert "Pacto de las rutas de aviturismo" not in client.get("/pactos/").content.decode()
    assert desde_cache(client.get("/pactos/"))

    srv_pactos.pacto_editar(
        pacto=pacto_en_borrador, usuario=coordinadora, titulo="Pacto de las rutas (borrador)"
    )
    respuesta = client.get("/pactos/")
    assert "rutas (borrador)" not in respuesta.content.decode()

    pacto = publicar(pacto_en_borrador, coordinadora)
    respuesta = client.get("/pactos/")
    assert not desde_cache(respuesta)
    assert "Pacto de las rutas (borrador)" in respuesta.content.decode()
    assert client.get(f"/pactos/ver/{pacto.slug}/").status_code == 200
    assert desde_cache(client.get(f"/pactos/ver/{pacto.slug}/"))


def test_una_medicion_publicada_aparece_enseguida_en_el_canton(client, analista):
    url = "/sie/cantones/1703/"
    medicion = sie.medicion_registrar(
        dato=sie.DatoMedicion(
            indicador=Indicador.objects.get(codigo="TUR-01"),
            canton=Canton.objects.get(codigo="1703"),
            periodo="2025",
            valor=Decimal("424242"),
            fuente="Fuente del borrador secreto",
            fecha_dato=datetime.date(2025, 3, 31),
        ),
        usuario=analista,
    )
    client.get(url)
    respuesta = client.get(url)
    assert desde_cache(respuesta)
    assert "Fuente del borrador secreto" not in respuesta.content.decode()

    medicion = sie.medicion_validar(medicion=medicion, usuario=analista, justificacion="revisado")
    assert "Fuente del borrador secreto" not in client.get(url).content.decode()
    sie.medicion_publicar(medicion=medicion, usuario=analista)
    assert "Fuente del borrador secreto" in client.get(url).content.decode()


def test_una_noticia_publicada_aparece_enseguida_y_un_borrador_nunca(client, comunicador):
    url = "/comunicacion/noticias/"
    client.get(url)
    assert desde_cache(client.get(url))
    noticia = comunicacion.noticia_crear(
        usuario=comunicador,
        datos={
            "titulo": "Feria agroecológica en Cayambe",
            "resumen": "Resumen.",
            "cuerpo": "Texto.",
            "ejes": [],
            "cantones": [],
        },
    )
    assert "Feria agroecológica en Cayambe" not in client.get(url).content.decode()
    comunicacion.noticia_publicar(noticia=noticia, usuario=comunicador)
    assert "Feria agroecológica en Cayambe" in client.get(url).content.decode()


def test_las_personas_con_sesion_no_usan_la_cache(client, coordinadora):
    client.get("/")
    assert desde_cache(client.get("/"))
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    respuesta = client.get("/")
    assert not desde_cache(respuesta)
    assert "Cerrar sesión" in respuesta.content.decode()
    client.get("/")
    client.logout()
    # What a logged-in person saw was never stored for the public.
    assert "Cerrar sesión" not in client.get("/").content.decode()


def test_un_mensaje_pendiente_no_se_sirve_de_la_cache_ni_se_guarda(client, rf):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    client.get("/")
    almacen = CookieStorage(rf.get("/"))
    cookie = almacen._encode([Message(constants.SUCCESS, "Gracias por su mensaje")])
    client.cookies["messages"] = cookie
    respuesta = client.get("/")
    assert not desde_cache(respuesta)
    assert "Gracias por su mensaje" in respuesta.content.decode()
    del client.cookies["messages"]
    assert "Gracias por su mensaje" not in client.get("/").content.decode()


def test_sin_cache_disponible_la_pagina_se_sirve_igual(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    respuesta = client.get("/pactos/")
    assert respuesta.status_code == 200 and not desde_cache(respuesta)
    assert "Pactos" in respuesta.content.decode()


def test_la_cache_se_apaga_para_medir_las_paginas(client, settings):
    settings.CACHE_PAGINAS_PUBLICAS = False
    client.get("/")
    assert not desde_cache(client.get("/"))


def _ajuste_con_entorno(**env) -> bool:
    """CACHE_PAGINAS_PUBLICAS as config/settings.py computes it in a process with env."""
    entorno = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    entorno.update(DJANGO_SECRET_KEY="x" * 50, PORTAL_URL="https://pactos.example.org", **env)
    codigo = "from config import settings; print(settings.CACHE_PAGINAS_PUBLICAS)"
    r = subprocess.run(
        [sys.executable, "-c", codigo], cwd=RAIZ, env=entorno, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.strip() == "True"


def test_la_cache_de_paginas_es_un_ajuste_apagado_en_desarrollo_y_encendido_en_produccion():
    redis_url = "redis://127.0.0.1:6379/0"
    assert not _ajuste_con_entorno()  # make run: DEBUG on, no REDIS_URL
    assert not _ajuste_con_entorno(DJANGO_DEBUG="1", REDIS_URL=redis_url)
    assert not _ajuste_con_entorno(DJANGO_DEBUG="0")  # no Redis: each process its own generation
    assert _ajuste_con_entorno(DJANGO_DEBUG="0", REDIS_URL=redis_url)
    assert not _ajuste_con_entorno(
        DJANGO_DEBUG="0", REDIS_URL=redis_url, DJANGO_CACHE_PAGINAS_PUBLICAS="0"
    )
    assert _ajuste_con_entorno(DJANGO_DEBUG="1", DJANGO_CACHE_PAGINAS_PUBLICAS="1")


@pytest.mark.parametrize("encendida", [False, True])
def test_con_la_cache_apagada_una_plantilla_editada_se_ve_enseguida(client, settings, encendida):
    """Under `make run` the switch is off: a public template edited between two visits shows at
    once. With it on, the second visit gets the cached page (what the switch is for)."""
    plantillas = {"includes/pie.html": "<footer>Pie versión uno</footer>"}
    settings.CACHE_PAGINAS_PUBLICAS = encendida
    motor = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {
            **motor,
            "APP_DIRS": False,
            "OPTIONS": {
                **motor["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", plantillas),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]
    assert "Pie versión uno" in client.get("/pactos/").content.decode()
    plantillas["includes/pie.html"] = "<footer>Pie versión dos</footer>"
    segunda = client.get("/pactos/")
    assert desde_cache(segunda) is encendida
    assert ("Pie versión dos" in segunda.content.decode()) is not encendida


def _clave_redis(modulo) -> str:
    return modulo.PREFIJO + modulo.CLAVE_GENERACION


@pytest.fixture
def con_redis():
    from core import cache as modulo
    from tests.conftest import requiere_servicio

    requiere_servicio("Redis (REDIS_URL)", modulo._redis() is not None)
    return modulo._redis(), modulo


def _esperar(condicion, segundos=5.0):
    import time

    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if condicion():
            return True
        time.sleep(0.05)
    return False


def test_un_cambio_hecho_en_otro_proceso_llega_por_mensaje(client, con_redis):
    """Another process bumps the generation and publishes it: this process stops serving its
    copy as soon as the message arrives, without asking Redis on every request."""
    redis, modulo = con_redis
    client.get("/pactos/")
    assert _esperar(lambda: desde_cache(client.get("/pactos/")))
    assert _esperar(lambda: modulo._escucha.generacion(settings.REDIS_URL) is not None)

    nueva = redis.incr(_clave_redis(modulo))  # as another worker would, not through this one
    redis.publish(modulo._canal(redis), nueva)
    assert _esperar(lambda: not desde_cache(client.get("/pactos/")), 3.0)


def test_otra_base_de_redis_del_mismo_servidor_no_cuenta(client, con_redis):
    """Pub/sub channels are shared by every database of a Redis server: a bump published by
    another installation on another database (`make stack` beside the test suite, staging beside
    production) must not be taken for this installation's generation."""
    import redis as redis_py

    cliente, modulo = con_redis
    ubicacion = settings.REDIS_URL
    client.get("/pactos/")
    assert _esperar(lambda: desde_cache(client.get("/pactos/")))
    assert _esperar(lambda: modulo._escucha.generacion(ubicacion) is not None)
    conocida = modulo._escucha.generacion(ubicacion)

    kwargs = cliente.connection_pool.connection_kwargs
    otra = redis_py.Redis(
        host=kwargs.get("host", "127.0.0.1"),
        port=kwargs.get("port", 6379),
        db=(kwargs.get("db", 0) + 1) % 16,
    )
    try:
        otra.publish(modulo._canal(otra), conocida + 10**9)
        import time

        time.sleep(0.5)
    finally:
        otra.close()
    assert modulo._escucha.generacion(ubicacion) == conocida
    assert desde_cache(client.get("/pactos/"))


def test_sin_mensajes_se_pregunta_a_redis_en_cada_peticion(client, con_redis, monkeypatch):
    redis, modulo = con_redis
    monkeypatch.setattr(modulo._escucha, "generacion", lambda ubicacion: None)
    client.get("/pactos/")
    assert desde_cache(client.get("/pactos/"))
    redis.incr(_clave_redis(modulo))  # bumped elsewhere and the message lost
    assert not desde_cache(client.get("/pactos/"))


def test_redis_vaciado_no_resucita_copias_viejas(client, con_redis, monkeypatch):
    """Redis restarted empty: the generation starts again from a larger number, so no process
    serves a copy from before."""
    redis, modulo = con_redis
    monkeypatch.setattr(modulo._escucha, "generacion", lambda ubicacion: None)
    client.get("/pactos/")
    assert desde_cache(client.get("/pactos/"))
    antes = modulo.generacion_publica()
    redis.delete(_clave_redis(modulo))
    assert not desde_cache(client.get("/pactos/"))
    assert modulo.generacion_publica() > antes


def test_migrar_invalida_las_paginas(client):
    """Every deployment runs migrate: pages of the previous release are not served after it."""
    from django.core.management import call_command

    client.get("/pactos/")
    assert desde_cache(client.get("/pactos/"))
    call_command("migrate", verbosity=0)
    assert not desde_cache(client.get("/pactos/"))


# --- Answered at the top of the middleware stack (core.cache.PaginaPublicaMiddleware) ---------

_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def por_la_vista(monkeypatch):
    """Counts the requests that reached pagina_publica's own look-up, below the whole stack."""
    from core import cache as modulo

    llamadas = []
    leer = modulo._leer

    def contar(clave):
        llamadas.append(clave)
        return leer(clave)

    monkeypatch.setattr(modulo, "_leer", contar)
    return llamadas


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/",
        "/pactos/",
        "/en/pactos/",
        "/comunicacion/contacto/",
        "/en/comunicacion/contacto/",
    ],
)
def test_la_copia_de_arriba_responde_lo_mismo_que_la_pila_entera(url, por_la_vista):
    """The second anonymous visit is answered before sessions, locale, CSRF and the rest run,
    with the same body and the same headers the whole stack gave (Vary, Content-Language, CSP,
    X-Frame-Options, Permissions-Policy...)."""
    from django.test import Client

    primera = Client().get(url)
    assert len(por_la_vista) == 1
    segunda = Client().get(url)
    assert len(por_la_vista) == 1, "the second visit went down to the view"
    assert desde_cache(segunda)
    assert _TOKEN.sub(b"T", segunda.content) == _TOKEN.sub(b"T", primera.content)
    cabeceras = {k: v for k, v in primera.items() if k != DESDE_CACHE}
    assert {k: v for k, v in segunda.items() if k != DESDE_CACHE} == cabeceras
    assert set(segunda.cookies) == set(primera.cookies)
    assert segunda["Content-Language"] == ("en" if url.startswith("/en/") else "es")


def test_el_formulario_de_arriba_da_a_cada_visitante_su_token_y_respeta_su_cookie(por_la_vista):
    from django.middleware.csrf import _unmask_cipher_token
    from django.test import Client

    url = "/comunicacion/contacto/"
    Client().get(url)
    visitante = Client(enforce_csrf_checks=True)
    primera = visitante.get(url)
    segunda = visitante.get(url)
    assert len(por_la_vista) == 1 and desde_cache(primera) and desde_cache(segunda)
    secreto = primera.cookies["csrftoken"].value
    assert segunda.cookies["csrftoken"].value == secreto  # the visitor's own, renewed
    tokens = [
        re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', r.content).group(1).decode()
        for r in (primera, segunda)
    ]
    assert tokens[0] != tokens[1]  # masked anew in each answer (BREACH)
    assert {_unmask_cipher_token(t) for t in tokens} == {secreto}
    assert "Cookie" in segunda["Vary"]
    envio = visitante.post(url, {"csrfmiddlewaretoken": tokens[1]})
    assert envio.status_code == 400  # the form's errors, not the 403 of a refused token


def test_con_cookie_de_sesion_o_htmx_se_pasa_por_la_pila_entera(client, coordinadora, por_la_vista):
    """Only a request without state is answered at the top: a session cookie (logged in, or an
    anonymous visitor with something in their session), a messages cookie or htmx go down the
    stack, where the view decides."""
    from django.test import Client

    Client().get("/pactos/")
    assert desde_cache(Client().get("/pactos/"))
    llegadas = len(por_la_vista)
    con_sesion = Client()
    con_sesion.cookies["sessionid"] = "una-sesion-cualquiera"
    assert desde_cache(con_sesion.get("/pactos/"))  # anonymous: the view's own copy
    assert len(por_la_vista) == llegadas + 1
    # htmx: the view renders it (pagina_publica never serves nor stores htmx answers).
    assert not desde_cache(Client().get("/pactos/", headers={"HX-Request": "true"}))
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    propia = client.get("/pactos/")
    assert not desde_cache(propia) and "Cerrar sesión" in propia.content.decode()


def test_la_cookie_de_idioma_no_cambia_el_idioma_de_una_ruta():
    """The language is the path's (/en/… or Spanish), as LocaleMiddleware decides it with
    i18n_patterns: a visitor with an English cookie on a Spanish path gets the Spanish copy."""
    from django.test import Client

    Client().get("/pactos/")
    ingles = Client()
    ingles.cookies["django_language"] = "en"
    respuesta = ingles.get("/pactos/", headers={"Accept-Language": "en"})
    assert desde_cache(respuesta) and respuesta["Content-Language"] == "es"
    assert 'lang="es"' in respuesta.content.decode()


def test_el_piso_ping_pasa_por_toda_la_pila(client, por_la_vista):
    """/ping/, the throughput floor, is never answered at the top: it gets the headers of the
    whole stack every time."""
    for _ in range(3):
        respuesta = client.get("/ping/")
        assert respuesta.content == b"ok" and not desde_cache(respuesta)
        assert respuesta["Permissions-Policy"] and respuesta["Content-Security-Policy"]
        assert respuesta["Content-Language"] == "es"


@pytest.mark.parametrize(
    ("aceptadas", "codificacion"), [("gzip, deflate, br", "br"), ("gzip", "gzip")]
)
def test_la_copia_de_arriba_se_comprime_una_vez_y_sirve_a_todos(aceptadas, codificacion):
    """A public page without a token is compressed once per copy (it holds no secret); each
    visitor gets the same compressed bytes, which decode to the page the stack gives."""
    import gzip

    import brotli
    from django.test import Client

    url = "/pactos/"
    plano = Client().get(url)
    visitas = [Client().get(url, headers={"Accept-Encoding": aceptadas}) for _ in range(2)]
    for respuesta in visitas:
        assert desde_cache(respuesta)
        assert respuesta["Content-Encoding"] == codificacion
        assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in respuesta["Vary"].split(",")}
        assert int(respuesta["Content-Length"]) == len(respuesta.content)
    assert visitas[0].content == visitas[1].content
    descomprimir = brotli.decompress if codificacion == "br" else gzip.decompress
    assert descomprimir(visitas[0].content) == plano.content


def test_un_formulario_de_la_copia_de_arriba_se_comprime_en_cada_respuesta():
    """A page with a token is compressed anew in each answer (new token, new padding)."""
    import brotli
    from django.test import Client

    url = "/comunicacion/contacto/"
    Client().get(url)
    visitas = [Client().get(url, headers={"Accept-Encoding": "br"}) for _ in range(2)]
    assert all(desde_cache(r) and r["Content-Encoding"] == "br" for r in visitas)
    assert visitas[0].content != visitas[1].content
    assert _TOKEN.sub(b"T", brotli.decompress(visitas[0].content)) == _TOKEN.sub(
        b"T", brotli.decompress(visitas[1].content)
    )
