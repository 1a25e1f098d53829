"""Staff build a guest list from the actor map and send invitations; a guest confirms through the
personal link; staff check them in at the door on a phone-sized screen."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from actores.models import Actor
from core.roles import Rol
from eventos import services
from eventos.models import Evento, Invitado
from sie.models import Canton, Parroquia
from tests.browser.navegador import CLAVE, cuenta
from tests.factories import ActorFactory
from tests.referencia import reponer_datos_de_referencia

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def datos_de_referencia(transactional_db):
    reponer_datos_de_referencia()


def _entrar(page, base, usuario):
    page.goto(f"{base}/cuentas/login/")
    page.fill("input[name=username]", usuario)
    page.fill("input[name=password]", CLAVE)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()


def _coordinadora(django_user_model):
    return cuenta(django_user_model, "coordinadora", Rol.COORDINACION, first_name="María")


def _mapa_de_actores(cayambe):
    for nombres, apellidos in [("Rosa", "Tupiza"), ("Manuel", "Farinango")]:
        ActorFactory(
            persona=True,
            nombres=nombres,
            apellidos=apellidos,
            canton=cayambe,
            email=f"{nombres.lower()}@example.org",
            influencia=4,
        )
    ActorFactory(
        nombre="Universidad de prueba",
        tipo=Actor.Tipo.ACADEMIA,
        ambito=Actor.Ambito.PROVINCIAL,
        canton=None,
        email="u@example.org",
    )


def _socializacion_en(cayambe, coordinadora) -> Evento:
    inicio = timezone.now() + timedelta(days=7)
    return services.evento_crear(
        usuario=coordinadora,
        datos={
            "tipo": Evento.Tipo.SOCIALIZACION,
            "titulo": "Socialización en Cayambe",
            "inicio": inicio,
            "fin": inicio + timedelta(hours=3),
            "lugar": "Coliseo",
            "direccion": "Calle Rocafuerte",
            "parroquia": Parroquia.objects.filter(canton=cayambe).first(),
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "publicado": True,
        },
    )


def _lista_desde_el_mapa(page, base, evento, cayambe):
    """1. Guest list from the actor map: community actors of Cayambe."""
    page.goto(f"{base}/eventos/gestion/{evento.pk}/invitados/mapa/")
    page.select_option("#id_tipo", "comunitario")
    page.select_option("#id_canton", str(cayambe.pk))
    page.click("#filtro-actores button[type=submit]")
    expect(page.get_by_text("Rosa Tupiza")).to_be_visible()
    expect(page.get_by_text("Universidad de prueba")).to_have_count(0)
    # "Mark all" is wired by eventos.js: wait until the page's scripts have run.
    page.wait_for_load_state("load")
    page.check("#marcar-todos")
    expect(page.locator("input[name=actores]:checked")).to_have_count(2)
    page.click("#agregar-seleccionados")
    expect(page.get_by_text("2 actores agregados a la lista de invitados.")).to_be_visible()


def _enviar_invitaciones(page) -> str:
    """2. Invitations by e-mail; returns the path of Rosa's personal link."""
    page.get_by_role("button", name=re.compile("Enviar invitaciones")).click()
    expect(page.get_by_text("2 invitaciones en camino por correo.")).to_be_visible()
    correo = next(m for m in mail.outbox if m.to == ["rosa@example.org"])
    enlace = re.search(r"https?://\S+/eventos/invitacion/\S+/", correo.body).group(0)
    return enlace.split("/eventos/", 1)[1]


def _la_invitada_confirma(browser, base, ruta):
    """3. The guest confirms through the personal link, without an account."""
    invitada = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pagina_invitada = invitada.new_page()
    pagina_invitada.goto(f"{base}/eventos/{ruta}")
    pagina_invitada.get_by_role("button", name="Sí, asistiré").click()
    expect(pagina_invitada.get_by_text("Su asistencia está confirmada.")).to_be_visible()
    expect(pagina_invitada.locator("img.qr-invitado")).to_be_visible()
    invitada.close()


def _acreditar_en_el_telefono(browser, base, evento):
    """4. At the door, on a phone: search by name and record the arrival."""
    telefono = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    movil = telefono.new_page()
    _entrar(movil, base, "coordinadora")
    movil.goto(f"{base}/eventos/gestion/{evento.pk}/acreditacion/")
    movil.fill("#buscar-invitado", "rosa tup")
    fila = movil.locator(".fila-acreditacion", has_text="Rosa Tupiza")
    expect(fila).to_be_visible()
    fila.get_by_role("button", name="Llegó").click()
    expect(movil.locator(".fila-acreditacion", has_text="Rosa Tupiza")).to_contain_text(
        "Registrado"
    )
    ancho = movil.evaluate("document.documentElement.scrollWidth")
    assert ancho <= 390 + 1, "la pantalla de acreditación no cabe en el teléfono"
    # The guest list, wider than the phone, scrolls inside its box: the page does not move sideways
    # (its hidden "Acciones" head once escaped the box and made the page 908 px wide).
    movil.goto(f"{base}/eventos/gestion/{evento.pk}/invitados/")
    expect(movil.locator("#tabla-invitados")).to_contain_text("Rosa Tupiza")
    ancho = movil.evaluate("document.documentElement.scrollWidth")
    assert ancho <= 390 + 1, "la lista de invitados desplaza la página de lado en el teléfono"
    # The actor map's filter bar: its selects fit the phone (without Bootstrap's classes each was
    # as wide as its longest option, 688 px).
    movil.goto(f"{base}/eventos/gestion/{evento.pk}/invitados/mapa/?tipo=comunitario")
    expect(movil.get_by_text("Rosa Tupiza")).to_be_visible()
    ancho = movil.evaluate("document.documentElement.scrollWidth")
    assert ancho <= 390 + 1, "los filtros del mapa de actores desplazan la página en el teléfono"
    telefono.close()


def test_invitar_confirmar_y_acreditar_en_el_telefono(
    browser, live_server, django_user_model, celery_en_proceso, datos_de_referencia
):
    coordinadora = _coordinadora(django_user_model)
    cayambe = Canton.objects.get(codigo="1702")
    _mapa_de_actores(cayambe)
    evento = _socializacion_en(cayambe, coordinadora)
    base = live_server.url
    escritorio = browser.new_context(viewport={"width": 1280, "height": 900})
    page = escritorio.new_page()
    _entrar(page, base, "coordinadora")

    _lista_desde_el_mapa(page, base, evento, cayambe)
    ruta = _enviar_invitaciones(page)
    _la_invitada_confirma(browser, base, ruta)
    _acreditar_en_el_telefono(browser, base, evento)
    rosa = Invitado.objects.get(evento=evento, email="rosa@example.org")
    assert rosa.asistio and rosa.estado == Invitado.Estado.CONFIRMADO
    assert Invitado.objects.filter(evento=evento, asistio=True).count() == 1
    escritorio.close()
