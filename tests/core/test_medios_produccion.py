"""Uploads on a portal booted as in production: DJANGO_DEBUG=0, its own process, its WSGI app.

The test commits a published news item, a draft and a published event's speaker, each with a
real PNG, and a private actor import; then a separate Python process with production settings
(no DEBUG, PORTAL_URL, a secret key, the same PostgreSQL test database and a media folder) runs `check --deploy` and asks `config.wsgi.application` for the public
pages over HTTPS, follows their <img> addresses and checks what a visitor gets.
"""

import datetime
import io
import json
import os
import secrets
import textwrap
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone
from PIL import Image

from actores.models import Importacion
from core.medios import url_medio
from eventos.models import Ponente
from tests.conftest import requiere_servicio
from tests.otro_proceso import url_base_de_datos_de_prueba
from tests.procesos import python
from tests.publicados import evento_proximo, noticia_con_imagen

RAIZ = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PETICIONES = textwrap.dedent(
    """
    import json, re, sys
    from io import BytesIO

    from config.wsgi import application

    def pedir(ruta):
        entorno = {
            "REQUEST_METHOD": "GET", "PATH_INFO": ruta, "QUERY_STRING": "",
            "SERVER_NAME": "pactos.example", "SERVER_PORT": "443", "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "pactos.example", "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.url_scheme": "https", "wsgi.input": BytesIO(), "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        estado = {}
        def start_response(status, headers, exc_info=None):
            estado["status"] = int(status.split()[0])
            estado["headers"] = dict(headers)
        cuerpo = application(entorno, start_response)
        try:
            datos = b"".join(cuerpo)
        finally:
            getattr(cuerpo, "close", lambda: None)()
        return estado["status"], estado["headers"], datos

    salida = {}
    for nombre, pagina in json.loads(sys.argv[1]).items():
        status, _, html = pedir(pagina)
        imagenes = re.findall(r'<img[^>]+src="(/media/[^"]+)"', html.decode())
        salida[nombre] = {"status": status, "imagenes": []}
        for src in imagenes:
            s, h, datos = pedir(src)
            salida[nombre]["imagenes"].append(
                {"src": src, "status": s, "tipo": h.get("Content-Type"),
                 "nosniff": h.get("X-Content-Type-Options"),
                 "cache": h.get("Cache-Control"), "bytes": datos.hex()}
            )
    for nombre, ruta in json.loads(sys.argv[2]).items():
        salida[nombre] = {"status": pedir(ruta)[0]}
    print(json.dumps(salida))
    """
)


def _png(color) -> bytes:
    salida = io.BytesIO()
    Image.new("RGB", (4, 3), color).save(salida, format="PNG")
    return salida.getvalue()


def _publicar(imagen_noticia: bytes, imagen_ponente: bytes) -> tuple:
    """A published news item and a draft, a published event with a speaker, an actor import."""
    noticia = noticia_con_imagen(
        "Feria del cacao",
        ContentFile(imagen_noticia, name="feria.png"),
        imagen_alt="Feria",
        publicada_en=timezone.now() - datetime.timedelta(hours=1),
    )
    borrador = noticia_con_imagen("Borrador", ContentFile(_png((0, 0, 0)), name="borrador.png"))
    evento = evento_proximo("Lanzamiento", dentro_de=datetime.timedelta(days=5), publicado=True)
    Ponente.objects.create(
        evento=evento, nombre="Rosa Tipán", foto=ContentFile(imagen_ponente, name="rosa.png")
    )
    importacion = Importacion.objects.create(
        archivo=ContentFile(b"nombre;email\nAna;ana@x.ec\n", name="actores.csv"),
        nombre_archivo="actores.csv",
        estado=Importacion.Estado.APLICADA,
    )
    return noticia, borrador, evento, importacion


def _en_produccion(tmp_path, media_root):
    """A runner of Python commands in a process with production settings on the test database."""
    # Production settings as they are, except static files: served from the source folders
    # (collecting and compressing them takes a minute and is not what this test is about; the
    # production-like stack collects them for real).
    (tmp_path / "ajustes_produccion.py").write_text(
        "from config.settings import *  # noqa: F403\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
        "WHITENOISE_USE_FINDERS = True\n"
    )
    entorno = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PACTOS_TESTING"))
    }
    entorno.update(
        DJANGO_SETTINGS_MODULE="ajustes_produccion",
        PYTHONPATH=f"{tmp_path}{os.pathsep}{RAIZ}",
        DJANGO_DEBUG="0",
        PORTAL_URL="https://pactos.example",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="pactos.example",
        DATABASE_URL=url_base_de_datos_de_prueba(),
        DJANGO_MEDIA_ROOT=str(media_root),
        DJANGO_LOG_LEVEL="ERROR",
    )

    def correr(*argumentos: str) -> str:
        return python(*argumentos, entorno=entorno, timeout=240)

    return correr


def test_con_debug_apagado_las_imagenes_publicas_cargan_y_las_privadas_no(tmp_path, settings):
    requiere_servicio("PostgreSQL (DATABASE_URL)", connection.vendor == "postgresql")
    settings.MEDIA_ROOT = tmp_path / "media"
    imagen_noticia, imagen_ponente = _png((200, 30, 30)), _png((30, 30, 200))
    noticia, borrador, evento, importacion = _publicar(imagen_noticia, imagen_ponente)
    correr = _en_produccion(tmp_path, settings.MEDIA_ROOT)

    correr("manage.py", "check", "--deploy", "--fail-level", "ERROR")
    paginas = {"noticia": noticia.get_absolute_url(), "evento": evento.get_absolute_url()}
    directas = {
        "borrador": url_medio(borrador.imagen),
        "importacion": url_medio(importacion.archivo),
        "trampa": "/media/comunicacion/noticias/..%2F..%2F..%2Fconfig/settings.py",
        "desconocido": "/media/comunicacion/noticias/nada.png",
    }
    salida = json.loads(
        correr("-c", PETICIONES, json.dumps(paginas), json.dumps(directas)).splitlines()[-1]
    )

    for nombre, esperado in (("noticia", imagen_noticia), ("evento", imagen_ponente)):
        assert salida[nombre]["status"] == 200, salida
        imagenes = salida[nombre]["imagenes"]
        assert imagenes, f"la página de {nombre} no muestra su imagen"
        for imagen in imagenes:
            assert imagen["status"] == 200, imagen
            assert imagen["tipo"] == "image/png" and imagen["nosniff"] == "nosniff"
            assert imagen["cache"].startswith("public")
            assert bytes.fromhex(imagen["bytes"]) == esperado
    for nombre in directas:
        assert salida[nombre]["status"] == 404, (nombre, salida[nombre])
