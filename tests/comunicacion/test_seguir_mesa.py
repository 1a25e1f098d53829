"""A visitor follows one table from its public page ("Seguir esta mesa"): the form opens with that
table chosen, the confirmation e-mail carries a working public link, and from then on the
follower is told, once, when the table schedules a session or publishes an acta; the unsubscribe
link in every e-mail stops it. Pactos and cantons offer the same from their pages."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format

from comunicacion.models import Suscripcion
from comunicacion.tasks import enviar_resumenes_suscripciones
from core.documentos import documento_generar
from mesas import selectors as mesas_selectors
from mesas import services as mesas_services
from mesas.models import Mesa
from sie.models import Canton
from tests.factories import ActorFactory, SesionFactory
from tests.pasos import sesion_programada

pytestmark = pytest.mark.django_db

PORTAL = "https://pactos.example"


@pytest.fixture(autouse=True)
def _portal_y_sin_limite(settings):
    settings.PORTAL_URL = PORTAL
    cache.delete("comunicacion:suscripcion:127.0.0.1")
    yield
    cache.delete("comunicacion:suscripcion:127.0.0.1")


@pytest.fixture
def cayambe():
    return Mesa.objects.get(slug="turismo-cayambe")


def _enlaces(correo) -> list[str]:
    """The portal's links in an e-mail, as paths (each must be on the public address)."""
    return [m.group(1) for m in re.finditer(rf"{re.escape(PORTAL)}(/[^\s>]*)", correo.body)]


def _enlace(correo, tipo: str) -> str:
    rutas = [r for r in _enlaces(correo) if r.startswith(f"/comunicacion/suscripciones/{tipo}/")]
    assert rutas, correo.body
    return rutas[0]


def _seguir(client, mesa, email, django_capture_on_commit_callbacks) -> str:
    """From the table's public page: the button, the form, the confirmation link; returns the
    body of the confirmation e-mail after confirming."""
    pagina = client.get(mesa.get_absolute_url()).content.decode()
    boton = re.search(r'<a class="btn[^"]*seguir"\s+href="([^"]+)"[^>]*>(.*?)</a>', pagina, re.S)
    assert boton and "Seguir esta mesa" in boton.group(2)
    href = boton.group(1).replace("&amp;", "&")
    formulario = client.get(href).content.decode()
    assert f"Siga «{mesa.nombre}»" in formulario
    assert re.search(r'value="mesa"[^>]*checked|checked[^>]*value="mesa"', formulario)
    assert re.search(rf'<option value="{mesa.pk}" selected>', formulario)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(href, {"email": email, "tipo": "mesa", "mesa": mesa.pk})
    assert respuesta.status_code == 302
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == [email] and mesa.nombre in correo.body
    confirmar = _enlace(correo, "confirmar")
    assert "Confirmar mi suscripción" in client.get(confirmar).content.decode()
    assert "Suscripción confirmada" in client.post(confirmar).content.decode()
    return correo.body


def _sesion_con_acta_publicada(mesa, coordinadora):
    """A session held two days ago, closed with one attendee, its acta published."""
    sesion = SesionFactory(mesa=mesa, dias=-2)
    mesas_services.asistencia_registrar(sesion=sesion, actor=ActorFactory(persona=True))
    sesion = mesas_services.sesion_cerrar(
        sesion=sesion, version=sesion.version, usuario=coordinadora
    )
    documento_generar(documento_id=mesas_selectors.acta_actual(sesion=sesion).pk)
    return mesas_services.acta_publicar(sesion=sesion, usuario=coordinadora)


def test_seguir_una_mesa_desde_su_pagina_y_recibir_sus_novedades_una_vez(
    client, cayambe, coordinadora, celery_en_proceso, django_capture_on_commit_callbacks
):
    _seguir(client, cayambe, "vecina@example.org", django_capture_on_commit_callbacks)
    suscripcion = Suscripcion.objects.get()
    assert suscripcion.activa and suscripcion.tipo == "mesa" and suscripcion.mesa == cayambe

    # The table schedules a session and publishes an acta; another table does too; a session
    # is scheduled and cancelled.
    nueva = sesion_programada(datetime.timedelta(days=9), "Casa comunal de Olmedo")
    con_acta = _sesion_con_acta_publicada(cayambe, coordinadora)
    _sesion_con_acta_publicada(Mesa.objects.get(slug="turismo-mejia"), coordinadora)
    cancelada = sesion_programada(datetime.timedelta(days=20), "Lugar que no será")
    mesas_services.sesion_cancelar(sesion=cancelada, version=cancelada.version, motivo="Lluvia")
    mail.outbox.clear()

    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["vecina@example.org"] and cayambe.nombre in correo.subject
    cuerpo = correo.body
    nueva.refresh_from_db()  # sessions are numbered by date: the past one came first
    assert f"sesión {nueva.numero}" in cuerpo and "Casa comunal de Olmedo" in cuerpo
    # the item says when it was announced, in words, not a bare date that reads like the
    # session's own ("sesión 4 (07/12/2026)" beside "convocada para el 27 de diciembre")
    hoy = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"sesión {nueva.numero} (publicado el {hoy})" in cuerpo
    assert f"sesión {con_acta.numero}" in cuerpo and "Acta publicada" in cuerpo
    assert "Lugar que no será" not in cuerpo and "Mejía" not in cuerpo
    rutas = _enlaces(correo)
    assert con_acta.get_public_url() in rutas
    assert f"{cayambe.get_absolute_url()}#proximas-sesiones" in rutas
    # Every link of the e-mail works for an anonymous visitor, and the table's page shows
    # the new session where the link points.
    client.logout()
    for ruta in rutas:
        assert client.get(ruta.split("#")[0]).status_code == 200, ruta
    pagina = client.get(cayambe.get_absolute_url()).content.decode()
    assert 'id="proximas-sesiones"' in pagina and "Casa comunal de Olmedo" in pagina

    # The next digest has nothing new: each item goes out once.
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 1

    # The one-click link of the e-mail stops everything.
    baja = _enlace(correo, "baja")
    assert "Ya no recibirá estos correos" in client.post(baja).content.decode()
    sesion_programada(datetime.timedelta(days=15), "Otra casa comunal")
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 1


def test_la_pagina_de_la_mesa_en_cache_muestra_la_sesion_recien_convocada(client, cayambe):
    """The table's page is served from the public cache; scheduling a session renders it again."""
    client.get(cayambe.get_absolute_url())
    antes = client.get(cayambe.get_absolute_url())
    assert antes["X-Pagina-Publica"] == "cache"
    assert "Próximas sesiones" not in antes.content.decode()
    sesion_programada(datetime.timedelta(days=4), "Salón parroquial de Ayora")
    despues = client.get(cayambe.get_absolute_url())
    assert "X-Pagina-Publica" not in despues
    assert "Salón parroquial de Ayora" in despues.content.decode()


def test_sin_confirmar_no_recibe_nada_de_la_mesa(
    client, cayambe, celery_en_proceso, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/comunicacion/suscripciones/",
            {"email": "otra@example.org", "tipo": "mesa", "mesa": cayambe.pk},
        )
    assert len(mail.outbox) == 1
    sesion_programada(datetime.timedelta(days=3), "Casa comunal")
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 1


def test_la_mesa_es_obligatoria_al_elegir_seguir_una_mesa(client):
    respuesta = client.post(
        "/comunicacion/suscripciones/", {"email": "a@example.org", "tipo": "mesa", "mesa": ""}
    )
    assert respuesta.status_code == 400
    assert "Elija uno de la lista." in respuesta.content.decode()
    assert not Suscripcion.objects.exists()


@pytest.mark.parametrize(
    ("pagina", "etiqueta", "tipo"),
    [
        ("canton", "Seguir este cantón", "canton"),
        ("pacto", "Seguir este pacto", "pacto"),
    ],
)
def test_cantones_y_pactos_ofrecen_seguirlos(client, pagina, etiqueta, tipo, request):
    if pagina == "canton":
        objeto = Canton.objects.get(codigo="1702")
        url, nombre = f"/sie/cantones/{objeto.codigo}/", objeto.nombre
    else:
        objeto = request.getfixturevalue("pacto_publicado")
        url, nombre = objeto.get_public_url(), objeto.titulo
    html = client.get(url).content.decode()
    boton = re.search(r'<a class="btn[^"]*seguir"\s+href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    assert boton and etiqueta in boton.group(2)
    formulario = client.get(boton.group(1).replace("&amp;", "&")).content.decode()
    assert f"Siga «{nombre}»" in formulario
    assert re.search(rf'<option value="{objeto.pk}" selected>', formulario)


def test_un_enlace_de_seguir_con_datos_ajenos_abre_el_formulario_sin_elegir(client):
    for consulta in ("?tipo=mesa&mesa=999999", "?tipo=mesa&mesa=x", "?tipo=otra&otra=1"):
        html = client.get(f"/comunicacion/suscripciones/{consulta}").content.decode()
        assert "Siga «" not in html
        assert "selected>" not in html.replace('value="" selected>', "")


@pytest.fixture
def pacto_publicado(db):
    from tests.factories import PactoFactory

    return PactoFactory(estado="publicado", titulo="Pacto por el agroturismo de Cayambe")


def test_resumen_no_revela_una_sesion_pasada_convocada_despues(
    client, cayambe, celery_en_proceso, django_capture_on_commit_callbacks
):
    """A session recorded after the fact (already held) is not announced as a new one."""
    _seguir(client, cayambe, "vecino@example.org", django_capture_on_commit_callbacks)
    SesionFactory(mesa=cayambe, dias=-1, lugar="Ya pasó")
    mail.outbox.clear()
    enviar_resumenes_suscripciones.delay()
    assert mail.outbox == []
    assert timezone.now()  # the digest ran; nothing was due
