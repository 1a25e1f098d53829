# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""Issue 14, item 1: the consultation's confirmation and answer, the subscription's confirmation,
digest and List-Unsubscribe header, the answer to a citizen's message, the feeds and the API
links all open the portal's public address (PORTAL_URL), never the request's or a worker's host."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from comunicacion.models import Comentario, Suscripcion
from comunicacion.services import suscripciones as srv_suscripciones
from sie.models import Canton
from tests._enlaces import PUBLICA, comprobar, urls_del_correo, urls_en

from ._consulta import DATOS_COMENTARIO, comentar, consulta, pacto_borrador  # noqa: F401

pytestmark = pytest.mark.django_db

OTRO_HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PUBLICA
    claves = [
        f"comunicacion:{nombre}:127.0.0.1" for nombre in ("suscripcion", "consulta", "contacto")
    ]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _sin_feed_ns(urls):
    """Namespace URIs of the XML (w3.org, purl.org) are not links."""
    return [u for u in urls if "w3.org" not in u and "purl.org" not in u]


def test_consulta_confirmacion_y_respuesta(
    client, cliente_de, comunicador, consulta, django_capture_on_commit_callbacks
):
    datos = {**DATOS_COMENTARIO, "canton": Canton.objects.get(codigo="1709").pk}
    cache.delete("comunicacion:consulta:127.0.0.1")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comunicacion:comentar", args=[consulta.pk]), datos, **OTRO_HOST)
    (confirmacion,) = mail.outbox
    urls = urls_del_correo(confirmacion)
    comprobar(urls, cliente=client, abrir=("/consultas/confirmar/",))
    client.post(urls[0].removeprefix(PUBLICA))
    comentario = Comentario.objects.get()
    assert comentario.estado == Comentario.Estado.PUBLICADO

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cliente_de(comunicador).post(
            reverse("comunicacion:consulta_responder", args=[consulta.pk]),
            {"comentarios": [comentario.pk], "texto": "Se incorpora.", "decision": "incorporado"},
            **OTRO_HOST,
        )
    (respuesta,) = mail.outbox
    urls = urls_del_correo(respuesta)
    assert f"{PUBLICA}{comentario.get_absolute_url()}" in urls
    client.logout()
    comprobar(urls, cliente=client, abrir=("/consultas/",))


def test_suscripcion_confirmacion_resumen_y_baja(
    client, crear_noticia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comunicacion:suscripcion"),
            {"email": "vecina@example.org", "tipo": "noticias"},
            **OTRO_HOST,
        )
    (confirmacion,) = mail.outbox
    urls = urls_del_correo(confirmacion)
    baja = confirmacion.extra_headers["List-Unsubscribe"].strip("<>")
    assert baja in urls
    comprobar(urls, cliente=client, abrir=("/suscripciones/",))
    confirmar = next(u for u in urls if "/confirmar/" in u)
    client.post(confirmar.removeprefix(PUBLICA))
    suscripcion = Suscripcion.objects.get()
    assert suscripcion.activa
    Suscripcion.objects.filter(pk=suscripcion.pk).update(
        confirmada_en=timezone.now() - timedelta(days=2)
    )

    noticia = crear_noticia(publicar=True, cuando=timezone.now() - timedelta(hours=1))
    mail.outbox.clear()
    assert srv_suscripciones.resumen_enviar(suscripcion_id=suscripcion.pk) == 1
    (resumen,) = mail.outbox
    urls = urls_del_correo(resumen)
    assert f"{PUBLICA}{noticia.get_absolute_url()}" in urls
    baja = resumen.extra_headers["List-Unsubscribe"].strip("<>")
    assert baja.startswith(f"{PUBLICA}/comunicacion/suscripciones/baja/") and baja in urls
    comprobar(urls, cliente=client, abrir=("/noticias/",))
    # The one-click unsubscribe of the header works (RFC 8058: a POST without a token).
    assert client.post(baja.removeprefix(PUBLICA)).status_code in (200, 302)
    suscripcion.refresh_from_db()
    assert not suscripcion.activa


def test_respuesta_a_un_mensaje(
    client, cliente_de, comunicador, mensaje, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cliente_de(comunicador).post(
            reverse("comunicacion:mensaje", args=[mensaje.pk]),
            {"respuesta": "Le invitamos a la próxima sesión."},
            **OTRO_HOST,
        )
    (correo,) = mail.outbox
    urls = urls_del_correo(correo)
    assert f"{PUBLICA}/comunicacion/contacto/" in urls
    client.logout()
    comprobar(urls, cliente=client, abrir=("/contacto/",))


def test_feeds_y_api_de_noticias_y_consultas(client, crear_noticia, consulta, comentar):
    noticia = crear_noticia(publicar=True, cuando=timezone.now() - timedelta(hours=1))
    comentario = comentar()
    for ruta in ("/comunicacion/noticias/rss/", "/comunicacion/noticias/atom/"):
        respuesta = client.get(ruta, **OTRO_HOST)
        assert respuesta.status_code == 200, ruta
        texto = respuesta.content.decode()
        assert "127.0.0.1" not in texto
        urls = _sin_feed_ns(urls_en(texto))
        assert f"{PUBLICA}{noticia.get_absolute_url()}" in urls
        comprobar(urls, cliente=client, abrir=("/noticias/",))
    texto = client.get(f"/comunicacion/consultas/{consulta.pk}/rss/", **OTRO_HOST).content.decode()
    assert "127.0.0.1" not in texto
    urls = _sin_feed_ns(urls_en(texto))
    assert f"{PUBLICA}{comentario.get_absolute_url()}" in urls
    comprobar(urls, cliente=client, abrir=("/consultas/",))

    (item,) = client.get("/api/v1/noticias/", **OTRO_HOST).json()["results"]
    comprobar([item["url"]], cliente=client, abrir=("/noticias/",))
    datos = client.get("/api/v1/consulta-comentarios/", **OTRO_HOST).json()
    comprobar([c["url"] for c in datos["results"]], cliente=client, abrir=("/consultas/",))
