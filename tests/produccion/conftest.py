"""The production-like stack for tests/produccion: `scripts/stack.py`, the script of `make stack`.

One stack per run of this package (package scope: it stops once the package's tests are done, so
its Celery worker never competes with the in-process workers of other packages): its own
PostgreSQL database (<DATABASE_URL's name>_produccion, dropped and created fresh), its own Redis
database (STACK_REDIS_URL, or REDIS_URL's number plus one, flushed), free ports, DJANGO_DEBUG=0,
gunicorn over TLS, a real worker and beat, and the SMTP sink writing to a Maildir.

The tests talk to it as people do: HTTPS requests (the self-signed certificate accepted) and, for
what only the programme's staff can see, manage.py subprocesses with the stack's environment.
They never use pytest-django's test database (no `db` fixture here).
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import html
import http.cookiejar
import io
import json
import mailbox
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import estaticos_de_produccion, plantilla_bd
from tests.conftest import requiere_servicio

RAIZ = Path(__file__).resolve().parents[2]
SCRIPT = RAIZ / "scripts" / "stack.py"
MARCA_JSON = "@@JSON@@"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.produccion)


# --- HTTPS as a visitor does -------------------------------------------------------------------


def contexto_tls() -> ssl.SSLContext:
    contexto = ssl.create_default_context()
    contexto.check_hostname = False
    contexto.verify_mode = ssl.CERT_NONE  # the stack's self-signed certificate
    return contexto


@dataclasses.dataclass
class Respuesta:
    status: int
    headers: dict
    body: bytes
    url: str

    @property
    def texto(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def tipo(self) -> str:
        return self.headers.get("content-type", "")

    def json(self):
        return json.loads(self.body)


class _SinRedirecciones(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Cliente:
    """A browser without JavaScript: cookies, CSRF token from the form, Referer on POST."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        tls = urllib.request.HTTPSHandler(context=contexto_tls())
        galletas = urllib.request.HTTPCookieProcessor(self.cookies)
        self._seguir = urllib.request.build_opener(tls, galletas)
        self._quieto = urllib.request.build_opener(tls, galletas, _SinRedirecciones())

    def _url(self, url: str) -> str:
        return url if urllib.parse.urlsplit(url).scheme else self.base + url

    def pedir(self, url, *, datos=None, cabeceras=None, seguir=True, timeout=60) -> Respuesta:
        url = self._url(url)
        cuerpo = urllib.parse.urlencode(datos).encode() if datos is not None else None
        peticion = urllib.request.Request(url, data=cuerpo, headers=cabeceras or {})
        if cuerpo is not None:
            peticion.add_header("Referer", url)
        opener = self._seguir if seguir else self._quieto
        try:
            with opener.open(peticion, timeout=timeout) as r:
                return Respuesta(
                    r.status, {k.lower(): v for k, v in r.headers.items()}, r.read(), r.url
                )
        except urllib.error.HTTPError as r:
            return Respuesta(r.code, {k.lower(): v for k, v in r.headers.items()}, r.read(), url)

    def get(self, url, **kwargs) -> Respuesta:
        return self.pedir(url, **kwargs)

    def csrf(self, url: str) -> str:
        pagina = self.get(url)
        assert pagina.status == 200, f"{url}: {pagina.status}"
        encontrado = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.texto)
        assert encontrado, f"{url} no tiene formulario con token CSRF"
        return encontrado.group(1)

    def post(self, url, datos: dict, **kwargs) -> Respuesta:
        datos = {"csrfmiddlewaretoken": self.csrf(url), **datos}
        return self.pedir(url, datos=datos, **kwargs)

    def entrar(self, usuario: str, clave: str) -> None:
        r = self.post("/cuentas/login/", {"username": usuario, "password": clave}, seguir=False)
        assert r.status == 302, f"el inicio de sesión de {usuario} no redirigió ({r.status})"


# --- The stack ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Stack:
    url: str
    maildir: Path
    directorio: Path
    entorno: dict
    demo_password: str

    def manage(self, *args: str, check: bool = True, timeout: float = 300):
        resultado = subprocess.run(
            [sys.executable, str(RAIZ / "manage.py"), *args],
            env=self.entorno,
            cwd=RAIZ,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and resultado.returncode:
            raise AssertionError(
                f"manage.py {' '.join(args)[:200]} falló ({resultado.returncode}):\n"
                f"{resultado.stdout[-3000:]}\n{resultado.stderr[-3000:]}"
            )
        return resultado

    def consulta(self, codigo: str, **kwargs):
        """Run Python in the stack's `manage.py shell`; its `resultado` comes back as JSON."""
        programa = (
            "import json\nresultado = None\n"
            + codigo
            + f"\nprint({MARCA_JSON!r} + json.dumps(resultado, default=str))\n"
        )
        salida = self.manage("shell", "-v", "0", "-c", programa, **kwargs).stdout
        for linea in reversed(salida.splitlines()):
            if linea.startswith(MARCA_JSON):
                return json.loads(linea[len(MARCA_JSON) :])
        raise AssertionError(f"sin resultado en la salida de manage.py shell:\n{salida[-3000:]}")

    def cliente(self) -> Cliente:
        return Cliente(self.url)

    def get(self, url: str, **kwargs) -> Respuesta:
        return self.cliente().get(url, **kwargs)

    def mensajes(self) -> dict[str, email.message.EmailMessage]:
        buzon = mailbox.Maildir(self.maildir, factory=None, create=False)
        return {
            clave: email.message_from_bytes(buzon.get_bytes(clave), policy=email.policy.default)
            for clave in buzon.iterkeys()
        }

    def log(self, nombre: str) -> str:
        path = self.directorio / "logs" / nombre
        return path.read_text(errors="replace") if path.exists() else ""


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_responde(url: str) -> bool:
    if not url.startswith(("postgres://", "postgresql://")):
        return False
    import psycopg2

    partes = urllib.parse.urlsplit(url)
    try:
        psycopg2.connect(
            urllib.parse.urlunsplit(partes._replace(path="/postgres")), connect_timeout=3
        ).close()
    except psycopg2.Error:
        return False
    return True


def _redis_del_stack(redis_url: str) -> str:
    if os.environ.get("STACK_REDIS_URL"):
        return os.environ["STACK_REDIS_URL"]
    partes = urllib.parse.urlsplit(redis_url)
    numero = int(partes.path.strip("/") or 0)
    return urllib.parse.urlunsplit(partes._replace(path=f"/{(numero + 1) % 16}"))


def _stack_de(estado: dict) -> Stack:
    return Stack(
        url=estado["url"],
        maildir=Path(estado["maildir"]),
        directorio=Path(estado["directorio"]),
        entorno=estado["entorno"],
        demo_password=estado["demo_password"],
    )


@pytest.fixture(scope="package")
def stack(tmp_path_factory, django_db_setup):
    if os.environ.get("PRODUCCION_ESTADO"):
        # A stack already running (`make stack`, or scripts/stack.py --fondo): its estado.json.
        # Handy while writing a test; the journeys change its data, so use a fresh one in CI.
        yield _stack_de(json.loads(Path(os.environ["PRODUCCION_ESTADO"]).read_text()))
        return
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    requiere_servicio("PostgreSQL (DATABASE_URL)", _postgres_responde(database_url))
    requiere_servicio("Redis (REDIS_URL)", bool(redis_url))
    requiere_servicio("openssl", bool(shutil.which("openssl")))
    import redis

    redis_stack = _redis_del_stack(redis_url)
    try:
        redis.Redis.from_url(redis_stack, socket_connect_timeout=3).flushdb()
    except redis.RedisError:
        requiere_servicio(f"Redis ({redis_stack})", False)

    partes = urllib.parse.urlsplit(database_url)
    nombre = (partes.path.strip("/") or "pactos") + "_produccion"
    directorio = tmp_path_factory.mktemp("stack")
    entorno = {
        **os.environ,
        "DATABASE_URL": urllib.parse.urlunsplit(partes._replace(path=f"/{nombre}")),
        "REDIS_URL": redis_stack,
        "STACK_DIR": str(directorio),
        "STACK_PUERTO": str(_puerto_libre()),
        "STACK_PUERTO_SMTP": str(_puerto_libre()),
        "STACK_PUERTO_SENDSMS": str(_puerto_libre()),
        "STACK_ESPERA": "420",
    }
    if plantilla_bd.nombre:  # the test database as migrated: the stack does not migrate again
        entorno["STACK_PLANTILLA_BD"] = plantilla_bd.nombre
    if estaticos_de_produccion.hechos():  # collectstatic run since the collection
        entorno["STACK_ESTATICOS_HECHOS"] = "1"
    arranque = subprocess.run(
        [sys.executable, str(SCRIPT), "--fondo", "--base-nueva"],
        env=entorno,
        cwd=RAIZ,
        capture_output=True,
        text=True,
    )
    if arranque.returncode:
        pytest.fail(f"el stack no arrancó:\n{arranque.stdout[-4000:]}\n{arranque.stderr[-4000:]}")
    yield _stack_de(json.loads((directorio / "estado.json").read_text()))
    subprocess.run([sys.executable, str(SCRIPT), "--parar"], env=entorno, cwd=RAIZ, timeout=120)


# --- Reading what people receive ---------------------------------------------------------------


def esperar(condicion, *, limite: float = 60, pausa: float = 0.5, mensaje: str = ""):
    """Poll until condicion() returns something truthy; return it (or fail after `limite`)."""
    fin = time.monotonic() + limite
    while True:
        valor = condicion()
        if valor:
            return valor
        if time.monotonic() > fin:
            pytest.fail(mensaje or f"no ocurrió en {limite:.0f} s")
        time.sleep(pausa)


# --- Crawling the site as a visitor ------------------------------------------------------------

INICIOS_PUBLICOS = [
    "/", "/mesas/", "/pactos/", "/eventos/", "/comunicacion/noticias/",
    "/comunicacion/consultas/", "/comunicacion/contacto/", "/comunicacion/suscripciones/",
    "/sie/", "/api/v1/",
]  # fmt: skip
NO_SEGUIR = re.compile(
    r"^/(en/|cuentas/|admin/|i18n/|static/|jsi18n/|health/|ping/)|/(salir|logout|solicitar|descargar\.xlsx)"
)
ENLACE = re.compile(r'(?:href|src)="([^"#]+)')


def texto_de(respuesta: Respuesta) -> str:
    """What a person reads in an answer: the PDF's text, or the page/JSON/CSV unescaped."""
    if respuesta.tipo.startswith("application/pdf"):
        from pypdf import PdfReader

        paginas = PdfReader(io.BytesIO(respuesta.body)).pages
        return "\n".join(p.extract_text() or "" for p in paginas)
    return html.unescape(respuesta.texto)


class Recorrido(dict):
    """{path: text} of a crawl; `errores` lists the answers with a 5xx status."""

    errores: list[str]


def recorrer(stack: Stack, cliente: Cliente, inicios, *, maximo=350, por_patron=6, excluir=None):
    """{path: text} of every answer reached from `inicios` through the site's own links (HTML
    links and sources, API URLs in JSON, plus each API list as CSV); at most `por_patron` pages of
    one kind (the same path with its numbers taken out) and `maximo` in all."""
    pendientes, vistos, patrones, textos = list(inicios), set(), {}, Recorrido()
    textos.errores = []
    host = urllib.parse.urlsplit(stack.url).netloc
    while pendientes and len(vistos) < maximo:
        ruta = pendientes.pop(0)
        if ruta in vistos:
            continue
        vistos.add(ruta)
        patron = re.sub(r"\d+", "N", urllib.parse.urlsplit(ruta).path)
        if patrones.get(patron, 0) >= por_patron:
            continue
        patrones[patron] = patrones.get(patron, 0) + 1
        respuesta = cliente.get(ruta)
        if respuesta.status >= 500:
            textos.errores.append(f"{respuesta.status} {ruta}")
        if respuesta.status != 200:
            continue
        textos[ruta] = texto_de(respuesta)
        enlaces = []
        if respuesta.tipo.startswith("application/json"):
            enlaces = re.findall(r'"(https?://[^"]+)"', respuesta.texto)
            if ruta.startswith("/api/v1/") and "format=" not in ruta:
                pendientes.append(ruta + ("&" if "?" in ruta else "?") + "format=csv")
        elif "html" in respuesta.tipo or "xml" in respuesta.tipo:
            enlaces = ENLACE.findall(respuesta.texto)
            if ruta.startswith("/api/v1/") and "format=" not in ruta:
                pendientes.append(ruta + ("&" if "?" in ruta else "?") + "format=json")
        for enlace in enlaces:
            partes = urllib.parse.urlsplit(
                urllib.parse.urljoin(stack.url + ruta, html.unescape(enlace))
            )
            if partes.scheme not in ("http", "https") or partes.netloc != host:
                continue
            destino = partes.path + (f"?{partes.query}" if partes.query else "")
            if NO_SEGUIR.search(partes.path) or (excluir and excluir.search(partes.path)):
                continue
            if destino not in vistos:
                pendientes.append(destino)
    return textos


MARCAR_ACUERDOS = """
from core.cache import invalidar_paginas_publicas
from mesas.models import Acuerdo, Sesion
resultado = []
for acuerdo in Acuerdo.objects.exclude(sesion__estado=Sesion.Estado.ACTA_PUBLICADA):
    marca = f" [acuerdo {acuerdo.pk} de un acta sin publicar]"
    if marca not in acuerdo.texto:
        Acuerdo.objects.filter(pk=acuerdo.pk).update(texto=acuerdo.texto.strip() + marca)
    resultado.append({"pk": acuerdo.pk, "sesion": acuerdo.sesion_id, "marca": marca.strip()})
invalidar_paginas_publicas()
"""


@pytest.fixture(scope="package")
def acuerdos_sin_publicar(stack):
    """A mark of its own on the text of every agreement of a session whose acta is not published
    (the demo repeats the same texts in published sessions), so that a page showing one can be
    told from a page showing a published twin. Set before the public site is crawled."""
    return stack.consulta(MARCAR_ACUERDOS)


@pytest.fixture(scope="package")
def sitio_publico(stack, acuerdos_sin_publicar):
    """The public site as an anonymous visitor reaches it: {path: text}."""
    return recorrer(stack, stack.cliente(), INICIOS_PUBLICOS, excluir=re.compile(r"/gestion/"))


INICIOS_PERSONAL = ["/panel/", "/actores/", "/mesas/", "/pactos/", "/eventos/gestion/", "/sie/"]


@pytest.fixture(scope="package")
def sitio_personal(stack):
    """The pages a coordinator reaches from her panel (GET only): {path: text}."""
    coordinadora = stack.cliente()
    coordinadora.entrar("coordinadora", stack.demo_password)
    return recorrer(stack, coordinadora, INICIOS_PERSONAL, maximo=80, por_patron=2)
