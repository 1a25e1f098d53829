"""Fixtures of the comunicacion tests: news and messages built through the services."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comunicacion import services
from sie.models import Canton, Eje
from tests.referencia import reponer_datos_de_referencia


@pytest.fixture(autouse=True)
def _datos_de_referencia(request):
    """A transactional test may have flushed the data migrations' rows: put them back."""
    if request.node.get_closest_marker("django_db"):
        reponer_datos_de_referencia()


@pytest.fixture(autouse=True)
def _hash_rapido(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_en_linea():
    """Tasks run inline (the answer e-mail lands in the locmem outbox)."""
    from config.celery import app

    antes = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = antes


@pytest.fixture(autouse=True)
def _sin_limite_de_contacto():
    from django.core.cache import cache

    cache.delete("comunicacion:contacto:127.0.0.1")
    yield
    cache.delete("comunicacion:contacto:127.0.0.1")


@pytest.fixture
def crear_noticia(db, comunicador):
    contador = {"n": 0}

    def crear(publicar=False, cuando=None, ejes=(), cantones=(), **extra):
        contador["n"] += 1
        datos = {
            "titulo": f"Noticia de prueba {contador['n']}",
            "resumen": "Resumen de la noticia.",
            "cuerpo": "Texto con **negrita**.",
            "ejes": list(Eje.objects.filter(codigo__in=ejes)),
            "cantones": list(Canton.objects.filter(codigo__in=cantones)),
        }
        datos.update(extra)
        noticia = services.noticia_crear(usuario=comunicador, datos=datos)
        if publicar:
            noticia = services.noticia_publicar(noticia=noticia, usuario=comunicador, cuando=cuando)
        return noticia

    return crear


@pytest.fixture
def publicada(crear_noticia):
    return crear_noticia(publicar=True, cuando=timezone.now() - timedelta(hours=1))


@pytest.fixture
def borrador(crear_noticia):
    return crear_noticia(titulo="Borrador secreto del pacto")


@pytest.fixture
def datos_de_contacto(db):
    """datos_de_contacto(**cambios): what a visitor from Cayambe types in the contact form."""
    cayambe = Canton.objects.get(codigo="1702").pk

    def datos(**cambios) -> dict:
        return {
            "nombre": "Luis Chicaiza",
            "email": "luis@example.org",
            "canton": cayambe,
            "asunto": "Centro de acopio",
            "texto": "Propongo un centro de acopio de leche en Olmedo.",
            **cambios,
        }

    return datos


@pytest.fixture
def paginas_de_suscripcion():
    """paginas_de_suscripcion(suscripcion): the public pages a subscriber goes through: the form,
    "sent", and the signed links to confirm and to unsubscribe."""
    from comunicacion.services.suscripciones import SAL_BAJA, SAL_CONFIRMAR
    from core.firmas import token_firmado

    def paginas(suscripcion) -> list[str]:
        confirmar = token_firmado(suscripcion, sal=SAL_CONFIRMAR)
        baja = token_firmado(suscripcion, sal=SAL_BAJA)
        return [
            reverse("comunicacion:suscripcion"),
            reverse("comunicacion:suscripcion_enviada"),
            reverse("comunicacion:suscripcion_confirmar", args=[confirmar]),
            reverse("comunicacion:suscripcion_baja", args=[baja]),
        ]

    return paginas


@pytest.fixture
def mensaje(db):
    return services.mensaje_recibir(
        datos={
            "nombre": "Rosa Guamán",
            "email": "rosa@example.org",
            "canton": Canton.objects.get(codigo="1709"),
            "asunto": "Consulta sobre la mesa de turismo",
            "texto": "¿Cómo participamos?",
        }
    )
