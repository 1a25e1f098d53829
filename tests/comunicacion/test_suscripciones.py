"""Subscriptions: double opt-in, links that cannot be forged, one-click unsubscribe (RFC 8058),
digests only to confirmed subscribers, each item once; anti-abuse of the public form."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comunicacion.models import EnvioSuscripcion, Suscripcion
from comunicacion.services import suscripciones as srv
from comunicacion.tasks import enviar_resumenes_suscripciones
from comunicacion.views.suscripciones import SuscripcionView
from core.firmas import token_firmado
from sie.models import Canton, Eje

pytestmark = pytest.mark.django_db

FORM = reverse("comunicacion:suscripcion")


@pytest.fixture(autouse=True)
def _sin_limite_de_suscripcion(settings):
    settings.PORTAL_URL = "https://pactos.example"
    claves = [f"comunicacion:suscripcion:{ip}" for ip in ("127.0.0.1", "10.0.0.8")]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


@pytest.fixture
def cayambe():
    return Canton.objects.get(codigo="1702")


def _suscribir(client, django_capture_on_commit_callbacks, **extra):
    datos = {"email": "Vecina@Example.org", "tipo": "canton", "canton": "", **extra}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(FORM, datos)


def _enlace(correo, tipo: str) -> str:
    encontrado = re.search(
        rf"https://pactos\.example(/comunicacion/suscripciones/{tipo}/[^\s]+/)", correo.body
    )
    assert encontrado, correo.body
    return encontrado.group(1)


def _confirmar(client, correo):
    url = _enlace(correo, "confirmar")
    client.post(url)
    return url


def test_doble_confirmacion_y_nada_antes_de_confirmar(
    client, cayambe, crear_noticia, django_capture_on_commit_callbacks
):
    respuesta = _suscribir(client, django_capture_on_commit_callbacks, canton=cayambe.pk)
    assert respuesta.status_code == 302
    assert "Revise su correo" in client.get(respuesta["Location"]).content.decode()
    suscripcion = Suscripcion.objects.get()
    assert suscripcion.email == "vecina@example.org" and not suscripcion.activa
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["vecina@example.org"]
    assert "Confirme su suscripción" in correo.subject and "Cayambe" in correo.body
    # Every e-mail, the confirmation too, carries the RFC 8058 one-click headers.
    baja = _enlace(correo, "baja")
    assert correo.extra_headers["List-Unsubscribe"] == f"<https://pactos.example{baja}>"
    assert correo.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Unconfirmed: a news item for Cayambe is published and the digest sends nothing.
    crear_noticia(publicar=True, cantones=["1702"])
    assert enviar_resumenes_suscripciones.delay().get() == 0
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 0
    assert len(mail.outbox) == 1

    # Opening the link (GET, as a mail scanner would) confirms nothing: the button does.
    url = _enlace(correo, "confirmar")
    pagina = client.get(url)
    assert pagina.status_code == 200 and "Confirmar mi suscripción" in pagina.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.confirmada_en is None
    hecho = client.post(url)
    assert "Suscripción confirmada" in hecho.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.activa
    # The news published before the confirmation is not sent: only what comes after.
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 0


def test_el_resumen_lleva_solo_lo_publico_del_tema_y_una_sola_vez(
    client, cayambe, crear_noticia, django_capture_on_commit_callbacks
):
    _suscribir(client, django_capture_on_commit_callbacks, canton=cayambe.pk)
    _confirmar(client, mail.outbox[0])
    suscripcion = Suscripcion.objects.get()
    suscripcion.confirmada_en = timezone.now() - timedelta(days=2)
    suscripcion.save()
    de_cayambe = crear_noticia(
        publicar=True, cantones=["1702"], titulo="Feria láctea en Cayambe",
        cuando=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    crear_noticia(publicar=True, cantones=["1703"], titulo="Noticia de Mejía")
    crear_noticia(cantones=["1702"], titulo="Borrador de Cayambe")
    crear_noticia(
        publicar=True, cantones=["1702"], titulo="Programada de Cayambe",
        cuando=timezone.now() + timedelta(days=3),
    )  # fmt: skip
    mail.outbox.clear()

    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 1
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert "Feria láctea en Cayambe" in correo.body
    assert f"https://pactos.example{de_cayambe.get_absolute_url()}" in correo.body
    for ajeno in ("Noticia de Mejía", "Borrador de Cayambe", "Programada de Cayambe"):
        assert ajeno not in correo.body
    assert correo.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Beat fires again: nothing new, nothing sent.
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 0
    assert len(mail.outbox) == 1
    assert EnvioSuscripcion.objects.filter(suscripcion=suscripcion).count() == 1


def test_baja_con_un_clic_rfc_8058_sin_csrf(
    cayambe, crear_noticia, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        srv.suscripcion_solicitar(email="ana@example.org", tipo="canton", canton=cayambe)
    suscripcion = Suscripcion.objects.get()
    srv.suscripcion_confirmar(token=token_firmado(suscripcion, sal=srv.SAL_CONFIRMAR))
    baja = _enlace(mail.outbox[0], "baja")
    # What a mail client sends for List-Unsubscribe-Post: no cookie, no CSRF token.
    respuesta = client.post(
        baja, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert respuesta.status_code == 200
    assert "Ya no recibirá estos correos" in respuesta.content.decode()
    suscripcion.refresh_from_db()
    assert suscripcion.baja_en and not suscripcion.activa
    # After unsubscribing nothing more arrives, and a second click changes nothing.
    crear_noticia(publicar=True, cantones=["1702"])
    mail.outbox.clear()
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 0
    assert client.post(baja).status_code == 200
    assert mail.outbox == []


def test_los_enlaces_no_se_pueden_falsificar(client, cayambe, settings):
    suscripcion = Suscripcion.objects.create(email="a@example.org", tipo="canton", canton=cayambe)
    otra = Suscripcion.objects.create(email="b@example.org", tipo="noticias")
    confirmar = token_firmado(suscripcion, sal=srv.SAL_CONFIRMAR)
    baja = token_firmado(suscripcion, sal=srv.SAL_BAJA)

    def ruta(nombre, token):
        return reverse(f"comunicacion:suscripcion_{nombre}", args=[token])

    falsos = {
        "alterado": (
            "confirmar",
            confirmar[:-2] + ("AA" if not confirmar.endswith("AA") else "BB"),
        ),
        # A confirmation token used as an unsubscribe one, and vice versa (one salt per purpose).
        "otra_sal_baja": ("baja", confirmar),
        "otra_sal_confirmar": ("confirmar", baja),
        # The other subscription's id with this one's key, signed with another secret.
        "otra_clave_secreta": (
            "baja",
            signing.dumps([otra.pk, otra.clave], salt=srv.SAL_BAJA, key="otra-clave" * 5),
        ),
        "sin_firma": ("baja", f"{otra.pk}"),
    }
    for nombre, (vista, token) in falsos.items():
        for metodo in (client.get, client.post):
            respuesta = metodo(ruta(vista, token))
            assert respuesta.status_code == 404, nombre
            assert "Enlace no válido" in respuesta.content.decode()
    suscripcion.refresh_from_db()
    otra.refresh_from_db()
    assert suscripcion.confirmada_en is None and suscripcion.baja_en is None
    assert otra.baja_en is None

    # The confirmation link expires after seven days.
    hace_8_dias = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=hace_8_dias):
        viejo = token_firmado(suscripcion, sal=srv.SAL_CONFIRMAR)
    assert client.post(ruta("confirmar", viejo)).status_code == 404
    # Renewing the key (after unsubscribing and subscribing again) revokes the old links.
    srv.suscripcion_baja(token=baja)
    srv.suscripcion_solicitar(email="a@example.org", tipo="canton", canton=cayambe)
    assert client.post(ruta("confirmar", confirmar)).status_code == 404
    assert (
        client.post(
            ruta("confirmar", token_firmado(suscripcion, sal=srv.SAL_CONFIRMAR))
        ).status_code
        == 404
    )
    suscripcion.refresh_from_db()
    assert suscripcion.confirmada_en is None


def test_la_respuesta_no_revela_quien_esta_suscrito_ni_inunda_un_buzon(
    client, django_capture_on_commit_callbacks
):
    primera = _suscribir(client, django_capture_on_commit_callbacks, tipo="noticias")
    _confirmar(client, mail.outbox[0])
    repetida = _suscribir(client, django_capture_on_commit_callbacks, tipo="noticias")
    assert primera["Location"] == repetida["Location"]
    assert Suscripcion.objects.count() == 1 and len(mail.outbox) == 1
    # Pending: asking again within the hour sends no second e-mail.
    _suscribir(client, django_capture_on_commit_callbacks, tipo="noticias", email="x@example.org")
    _suscribir(client, django_capture_on_commit_callbacks, tipo="noticias", email="x@example.org")
    assert [c.to for c in mail.outbox[1:]] == [["x@example.org"]]


def test_campo_trampa_y_limite_por_conexion(client, django_capture_on_commit_callbacks):
    trampa = _suscribir(
        client, django_capture_on_commit_callbacks, tipo="noticias", web="http://spam.example"
    )
    assert trampa.status_code == 400  # an invalid form keeps what was typed
    assert "No pudimos procesar su solicitud." in trampa.content.decode()
    assert not Suscripcion.objects.exists() and mail.outbox == []
    cache.delete("comunicacion:suscripcion:127.0.0.1")
    for i in range(SuscripcionView.LIMITE_POR_HORA):
        r = _suscribir(
            client, django_capture_on_commit_callbacks, tipo="noticias", email=f"p{i}@example.org"
        )
        assert r.status_code == 302
    bloqueada = _suscribir(
        client, django_capture_on_commit_callbacks, tipo="noticias", email="q@example.org"
    )
    assert bloqueada.status_code == 429
    assert "Demasiadas solicitudes" in bloqueada.content.decode()
    assert not Suscripcion.objects.filter(email="q@example.org").exists()
    otra = client.post(FORM, {"email": "q@example.org", "tipo": "noticias"}, REMOTE_ADDR="10.0.0.8")
    assert otra.status_code == 302


def test_validacion_del_formulario(client):
    html = client.post(FORM, {"email": "no-es-correo", "tipo": "eje"}).content.decode()
    assert "Escriba un correo electrónico válido" in html
    assert "Elija uno de la lista." in html
    texto = "x" * 250 + "@example.org"
    assert (
        client.post(FORM, {"email": texto, "tipo": "noticias"}).status_code == 400
    )  # an invalid form keeps what was typed
    assert not Suscripcion.objects.exists()


def test_suscripcion_a_un_eje_y_a_todas_las_noticias(crear_noticia):
    turismo = Eje.objects.get(codigo="turismo")
    hace_un_dia = timezone.now() - timedelta(days=1)
    por_eje = Suscripcion.objects.create(
        email="e@example.org", tipo="eje", eje=turismo, confirmada_en=hace_un_dia
    )
    todas = Suscripcion.objects.create(
        email="t@example.org", tipo="noticias", confirmada_en=hace_un_dia
    )
    sin_confirmar = Suscripcion.objects.create(email="s@example.org", tipo="noticias")
    crear_noticia(publicar=True, ejes=["turismo"], titulo="Aviturismo en Mindo")
    crear_noticia(publicar=True, ejes=["agropecuario"], titulo="Cacao de Pedro Vicente")
    assert srv.resumen_enviar(suscripcion_id=por_eje.pk) == 1
    assert srv.resumen_enviar(suscripcion_id=todas.pk) == 2
    assert srv.resumen_enviar(suscripcion_id=sin_confirmar.pk) == 0
    destinatarios = [c.to[0] for c in mail.outbox]
    assert destinatarios == ["e@example.org", "t@example.org"]
    assert "Cacao" not in mail.outbox[0].body


def test_avances_de_un_pacto_solo_si_es_publico(coordinadora):
    from pactos.models import Actualizacion, Compromiso, Pacto

    turismo = Eje.objects.get(codigo="turismo")
    pacto = Pacto.objects.create(
        eje=turismo, titulo="Pacto de turismo", slug="pacto-de-turismo", estado="publicado"
    )
    compromiso = Compromiso.objects.create(
        pacto=pacto, numero=1, titulo="Rutas señalizadas", texto="Señalizar."
    )
    suscripcion = Suscripcion.objects.create(
        email="p@example.org",
        tipo="pacto",
        pacto=pacto,
        confirmada_en=timezone.now() - timedelta(hours=1),
    )
    Actualizacion.objects.create(
        compromiso=compromiso, texto="Primeras 12 señales colocadas.", estado="en_curso", avance=40
    )
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 1
    correo = mail.outbox[0]
    assert "Primeras 12 señales colocadas." in correo.body and "Rutas señalizadas" in correo.body
    # A pacto taken back from publication sends nothing more.
    Pacto.objects.filter(pk=pacto.pk).update(estado="firmado")
    Actualizacion.objects.create(
        compromiso=compromiso, texto="Dato interno.", estado="en_curso", avance=50
    )
    assert srv.resumen_enviar(suscripcion_id=suscripcion.pk) == 0
    assert len(mail.outbox) == 1


def test_resumen_programado_en_beat():
    from config.celery import app

    entrada = app.conf.beat_schedule["comunicacion-resumenes-suscripciones"]
    assert entrada["task"] == "comunicacion.tasks.enviar_resumenes_suscripciones"


def test_ningun_dato_personal_en_las_paginas_publicas(client, cayambe, paginas_de_suscripcion):
    suscripcion = Suscripcion.objects.create(
        email="secreta@example.org", tipo="canton", canton=cayambe
    )
    for url in paginas_de_suscripcion(suscripcion):
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url
        assert "secreta@example.org" not in respuesta.content.decode()
