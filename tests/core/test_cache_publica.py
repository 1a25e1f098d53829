"""The shared cache of public pages: served from cache, fresh after a published change, never
showing drafts, never for logged-in people, and each visitor with their own CSRF token."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from actores.models import Actor
from comunicacion import services as comunicacion
from mesas.models import Acuerdo, Mesa, Sesion
from pactos.services import pactos as srv_pactos
from sie import services as sie
from sie.models import Canton, Eje, Indicador

pytestmark = pytest.mark.django_db

DESDE_CACHE = "X-Pagina-Publica"


def desde_cache(respuesta) -> bool:
    return respuesta.get(DESDE_CACHE) == "cache"


@pytest.fixture
def pacto_en_borrador(coordinadora):
    mesa = Mesa.objects.filter(tipo="turismo").order_by("orden").first()
    sesion = Sesion.objects.create(
        mesa=mesa,
        numero=1,
        inicio=timezone.now() - datetime.timedelta(days=30),
        lugar="Casa comunal",
        estado=Sesion.Estado.CERRADA,
    )
    acuerdo = Acuerdo.objects.create(sesion=sesion, numero=1, texto="Señalizar las rutas")
    organizacion = Actor.objects.create(
        nombre="Cámara de Turismo de Cayambe",
        naturaleza=Actor.Naturaleza.ORGANIZACION,
        tipo=Actor.Tipo.PUBLICO,
        ambito=Actor.Ambito.PROVINCIAL,
    )
    pacto = srv_pactos.pacto_crear(
        eje=Eje.objects.get(codigo="turismo"),
        titulo="Pacto de las rutas de aviturismo",
        autor=coordinadora,
    )
    srv_pactos.compromiso_consolidar(
        pacto=pacto,
        acuerdos=[acuerdo],
        titulo="Rutas señalizadas",
        texto="Señalizar las rutas de aviturismo.",
        autor=coordinadora,
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
        pacto = srv_pactos.pacto_cambiar_estado(pacto=pacto, estado=estado, autor=coordinadora)
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


def test_cada_visitante_recibe_su_propio_token_csrf(client, django_user_model):
    from django.test import Client

    client.get("/")
    otro = Client(enforce_csrf_checks=True)
    respuesta = otro.get("/")
    assert desde_cache(respuesta)
    html = respuesta.content.decode()
    assert "__PACTOS_CSRF__" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', html).group(1)
    assert "csrftoken" in respuesta.cookies
    # The token from the cached page is valid for this visitor: changing language works.
    cambio = otro.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert cambio.status_code == 302


def test_un_pacto_publicado_aparece_enseguida_y_un_borrador_nunca(
    client, coordinadora, pacto_en_borrador
):
    assert "Pacto de las rutas de aviturismo" not in client.get("/pactos/").content.decode()
    assert desde_cache(client.get("/pactos/"))

    srv_pactos.pacto_editar(
        pacto=pacto_en_borrador, autor=coordinadora, titulo="Pacto de las rutas (borrador)"
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
