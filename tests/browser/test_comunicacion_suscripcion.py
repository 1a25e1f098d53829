"""A visitor subscribes to Cayambe's news, confirms with the link of the e-mail; a news item for
Cayambe is published, the digest runs and arrives with a one-click unsubscribe link that works;
after unsubscribing nothing more arrives. Also the staff inbox with messages in every state."""

import os
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import Rol
from tests.browser.navegador import cuenta, iniciar_sesion
from tests.referencia import reponer_datos_de_referencia

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CAPTURAS = os.environ.get("CAPTURAS_DIR", "")


@pytest.fixture
def datos_de_referencia():
    reponer_datos_de_referencia()


@pytest.fixture
def correo_en_linea(settings, live_server):
    """E-mail tasks run inside the request (the digest through a real worker is
    tests/comunicacion/test_suscripciones_worker.py); links point at the live server."""
    from django.core.cache import cache

    from config.celery import app

    settings.PORTAL_URL = live_server.url
    cache.delete("comunicacion:suscripcion:127.0.0.1")
    antes = app.conf.task_always_eager
    app.conf.task_always_eager = True
    mail.outbox.clear()
    yield
    app.conf.task_always_eager = antes
    cache.delete("comunicacion:suscripcion:127.0.0.1")


@pytest.fixture
def comunicadora(django_user_model, datos_de_referencia):
    return cuenta(
        django_user_model, "dandrade", Rol.COMUNICACION, first_name="Daniela", last_name="Andrade"
    )


def _publicar(comunicadora, titulo):
    from comunicacion import services
    from sie.models import Canton

    noticia = services.noticia_crear(
        usuario=comunicadora,
        datos={
            "titulo": titulo,
            "resumen": "Productores de leche de Cayambe venden directo en la plaza.",
            "cuerpo": "Texto de la noticia.",
            "cantones": [Canton.objects.get(codigo="1702")],
        },
    )
    return services.noticia_publicar(noticia=noticia, usuario=comunicadora)


def _suscribirse_a_cayambe(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/comunicacion/noticias/")
    page.get_by_role("link", name="Suscribirme").click()
    expect(page.get_by_role("heading", name="Suscríbase a las novedades")).to_be_visible()
    # Only the list that matches the chosen kind is shown.
    expect(page.get_by_label("Cantón", exact=True)).to_be_hidden()
    page.get_by_label("Noticias de un cantón").check()
    expect(page.get_by_label("Cantón", exact=True)).to_be_visible()
    expect(page.get_by_label("Eje", exact=True)).to_be_hidden()
    page.get_by_label("Su correo electrónico").fill("vecina.cayambe@example.org")
    page.get_by_label("Cantón", exact=True).select_option(label="Cayambe")
    if CAPTURAS:
        page.screenshot(path=f"{CAPTURAS}/comunicacion-suscripcion.png", full_page=True)
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.get_by_role("heading", name="Revise su correo")).to_be_visible()


def _resumen_con_la_feria(live_server, comunicadora):
    """Once confirmed, the digest brings the new item, its link and the unsubscribe headers."""
    from comunicacion.tasks import enviar_resumenes_suscripciones

    noticia = _publicar(comunicadora, "Feria de productores de leche en Cayambe")
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 2
    resumen = mail.outbox[1]
    assert resumen.to == ["vecina.cayambe@example.org"]
    assert "Feria de productores de leche en Cayambe" in resumen.body
    assert "Antes de confirmar" not in resumen.body
    assert f"{live_server.url}{noticia.get_absolute_url()}" in resumen.body
    baja = re.search(r"http\S+/suscripciones/baja/\S+/", resumen.body).group(0)
    assert resumen.extra_headers["List-Unsubscribe"] == f"<{baja}>"
    assert resumen.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return noticia, baja


def test_suscripcion_a_un_canton_confirmacion_resumen_y_baja(
    page, live_server, comunicadora, correo_en_linea
):
    from comunicacion.models import Suscripcion
    from comunicacion.tasks import enviar_resumenes_suscripciones

    _suscribirse_a_cayambe(page, live_server)
    assert len(mail.outbox) == 1
    confirmacion = mail.outbox[0]
    assert confirmacion.to == ["vecina.cayambe@example.org"]
    enlace = re.search(r"http\S+/suscripciones/confirmar/\S+/", confirmacion.body).group(0)
    # Nothing goes to an address that has not confirmed.
    _publicar(comunicadora, "Antes de confirmar")
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 1

    page.goto(enlace)
    page.get_by_role("button", name="Confirmar mi suscripción").click()
    expect(page.locator("#resultado-suscripcion")).to_have_text(
        re.compile("Suscripción confirmada")
    )
    assert Suscripcion.objects.get().activa
    noticia, baja = _resumen_con_la_feria(live_server, comunicadora)

    # The news item the e-mail points to opens.
    page.goto(f"{live_server.url}{noticia.get_absolute_url()}")
    expect(
        page.get_by_role("heading", name="Feria de productores de leche en Cayambe")
    ).to_be_visible()

    page.goto(baja)
    page.get_by_role("button", name="Darme de baja").click()
    expect(page.locator("#resultado-suscripcion")).to_have_text("Ya no recibirá estos correos")

    _publicar(comunicadora, "Otra noticia de Cayambe")
    enviar_resumenes_suscripciones.delay()
    assert len(mail.outbox) == 2


def test_bandeja_del_equipo(page, live_server, comunicadora, correo_en_linea):
    from comunicacion import services
    from comunicacion.models import Mensaje
    from sie.models import Canton

    base = {"canton": Canton.objects.get(codigo="1702"), "texto": "Texto del mensaje."}
    for n, (asunto, tipo, dias) in enumerate(
        [
            ("¿Habrá transporte al encuentro de Machachi?", "pregunta", 1),
            ("No nos invitaron a la mesa de Los Bancos", "queja", 26),
            ("Ferias de productores en Cayambe", "propuesta", 6),
            ("¿Dónde descargo el acta?", "pregunta", 20),
        ]
    ):
        m = services.mensaje_recibir(
            datos={**base, "nombre": f"Persona {n}", "email": f"p{n}@example.org",
                   "asunto": asunto, "tipo": tipo}
        )  # fmt: skip
        Mensaje.objects.filter(pk=m.pk).update(recibido=timezone.now() - timedelta(days=dias))
        m.refresh_from_db()
        if n == 2:
            services.mensaje_asignar(mensaje=m, usuario=comunicadora, asignado_a=comunicadora)
        if n == 3:
            services.mensaje_responder(
                mensaje=m, usuario=comunicadora, respuesta="En la página de la mesa.", enviar=False
            )

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/comunicacion/gestion/mensajes/")
    iniciar_sesion(page, "dandrade", r"/comunicacion/gestion/mensajes/$")
    expect(page.get_by_role("heading", name="Mensajes ciudadanos")).to_be_visible()
    expect(page.locator("#contador-vencidos")).to_have_text("1 vencido")
    if CAPTURAS:
        page.screenshot(path=f"{CAPTURAS}/comunicacion-bandeja.png", full_page=True)
    page.get_by_role("link", name="Ferias de productores en Cayambe").click()
    expect(page.locator("#estado-mensaje")).to_have_text("En curso")
    page.get_by_label("Nota interna").fill("Llevar a la mesa agropecuaria.")
    page.get_by_role("button", name="Añadir nota").click()
    expect(page.locator("#notas")).to_contain_text("Llevar a la mesa agropecuaria.")
    if CAPTURAS:
        page.screenshot(path=f"{CAPTURAS}/comunicacion-mensaje.png", full_page=True)
