"""A coordinator consolidates agreements into a commitment and publishes the pacto; a visitor
follows the trail from the commitment back to the table's session."""

import datetime
import re
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import expect

from actores.models import Actor
from core.roles import Rol
from mesas.models import Acuerdo, Mesa, Sesion
from pactos.models import ContactoResponsable
from pactos.services import pactos as srv
from sie.models import Eje
from tests.browser.navegador import CLAVE, cuenta, entrar, iniciar_sesion
from tests.factories import ActorFactory
from tests.referencia import reponer_datos_de_referencia

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def datos_de_referencia():
    """Groups, cantons, axes and the 13 tables, even after an earlier transactional test's flush.

    serialized_rollback alone did not bring them back after the real-worker test ran first.
    """
    reponer_datos_de_referencia(mesas=True)


def _escenario(django_user_model):
    """A coordinator, a published session of Cayambe's tourism table with two agreements, the
    lead organisation and a pacto in draft."""
    coordinadora = cuenta(
        django_user_model, "mfguerrero", Rol.COORDINACION, first_name="María Fernanda"
    )
    mesa = Mesa.objects.get(tipo="turismo", canton__codigo="1702")
    sesion = Sesion.objects.create(
        mesa=mesa,
        numero=1,
        inicio=timezone.now() - datetime.timedelta(days=20),
        lugar="Casa comunal",
        estado=Sesion.Estado.ACTA_PUBLICADA,
        publicada_en=timezone.now(),
    )
    Acuerdo.objects.create(sesion=sesion, numero=1, texto="Señalizar la ruta del Quitsato")
    Acuerdo.objects.create(sesion=sesion, numero=2, texto="Señalética bilingüe en Guachalá")
    camara = ActorFactory(nombre="Cámara de Turismo de Cayambe", tipo=Actor.Tipo.PRIVADO)
    pacto = srv.pacto_crear(
        eje=Eje.objects.get(codigo="turismo"),
        titulo="Estrategia provincial de turismo",
        usuario=coordinadora,
    )
    return mesa, camara, pacto


def _consolidar(page, live_server, pacto) -> None:
    entrar(
        page,
        f"{live_server.url}/pactos/gestion/{pacto.pk}/consolidar/",
        "mfguerrero",
        r"/consolidar/$",
    )
    page.get_by_label("Elegir el acuerdo 1").check()
    page.get_by_label("Elegir el acuerdo 2").check()
    page.get_by_label("Título del compromiso").fill("Rutas señalizadas en Cayambe")
    page.get_by_label("Texto del compromiso").fill("Señalizar las rutas del Quitsato y Guachalá.")
    page.get_by_label("Responsable principal").select_option(label="Cámara de Turismo de Cayambe")
    page.get_by_role("button", name="Crear compromiso").click()
    expect(page.get_by_text("Compromiso 1 creado con 2 acuerdos.")).to_be_visible()
    expect(page.get_by_role("link", name="Compromiso 1")).to_have_count(2)


def _firmar_y_publicar(page, live_server, pacto) -> None:
    page.goto(f"{live_server.url}/pactos/gestion/{pacto.pk}/")
    page.get_by_role("button", name="Pasar a «En consulta pública»").click()
    page.get_by_role("button", name="Pasar a «Acordado»").click()
    page.get_by_label("Organización").select_option(label="Cámara de Turismo de Cayambe")
    page.get_by_label("Persona que firma").fill("Ana Pérez")
    page.get_by_label("Fecha de firma").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Registrar firma").click()
    expect(page.get_by_text("Firma registrada.")).to_be_visible()
    page.get_by_role("button", name="Pasar a «Firmado»").click()
    page.get_by_role("button", name="Pasar a «Publicado»").click()
    expect(page.get_by_text("El pacto está ahora «Publicado».")).to_be_visible()


def _visitante_sigue_el_rastro(page, live_server, mesa):
    """A visitor, in a fresh browser context, follows the trail; returns their page."""
    visitante = page.context.browser.new_context().new_page()
    visitante.goto(f"{live_server.url}/pactos/")
    visitante.get_by_role("link", name="Estrategia provincial de turismo").click()
    visitante.get_by_role("link", name="1. Rutas señalizadas en Cayambe").click()
    expect(visitante.get_by_role("heading", name="Ustedes dijeron, hicimos")).to_be_visible()
    rastro = visitante.locator(".linea-rastro")
    expect(rastro).to_contain_text("Señalizar la ruta del Quitsato")
    expect(rastro).to_contain_text("Señalética bilingüe en Guachalá")
    rastro.get_by_role("link", name=re.compile("Acuerdo 1 de la sesión 1")).click()
    visitante.wait_for_url(re.compile(rf"/mesas/{mesa.slug}/sesiones/1/$"))
    expect(visitante.locator("body")).to_contain_text(mesa.nombre)
    return visitante


def _contacto_informa_avance(page, live_server, django_user_model, camara) -> None:
    """The lead organisation's contact reports progress from one page, with one short form."""
    responsable = django_user_model.objects.create(
        username="camara", first_name="Paola", password=make_password(CLAVE)
    )
    ContactoResponsable.objects.create(usuario=responsable, actor=camara)
    contacto = page.context.browser.new_context().new_page()
    contacto.goto(f"{live_server.url}/pactos/mis-compromisos/")
    iniciar_sesion(contacto, "camara", r"/pactos/mis-compromisos/$")
    inicio = time.monotonic()
    contacto.get_by_label("Estado").select_option("en_curso")
    contacto.get_by_label("Avance (%)").fill("35")
    contacto.get_by_label("¿Qué se hizo?").fill("Señalética instalada en el Quitsato.")
    contacto.get_by_role("button", name="Guardar avance").click()
    expect(contacto.get_by_text("Avance del compromiso 1 registrado. Gracias.")).to_be_visible()
    assert time.monotonic() - inicio < 60


def test_coordinadora_consolida_publica_y_el_visitante_sigue_el_rastro(
    page, live_server, django_user_model, datos_de_referencia
):
    mesa, camara, pacto = _escenario(django_user_model)
    _consolidar(page, live_server, pacto)
    _firmar_y_publicar(page, live_server, pacto)
    visitante = _visitante_sigue_el_rastro(page, live_server, mesa)
    _contacto_informa_avance(page, live_server, django_user_model, camara)

    visitante.reload()
    expect(visitante.locator("body")).to_contain_text(mesa.nombre)
    visitante.goto(f"{live_server.url}/pactos/ver/{pacto.slug}/compromisos/1/")
    expect(visitante.locator(".linea-rastro")).to_contain_text(
        "Señalética instalada en el Quitsato."
    )
    expect(visitante.locator("body")).to_contain_text("35 %")


def test_marcar_acuerdos_redacta_el_compromiso_sin_pisar_lo_escrito(
    page, live_server, django_user_model, datos_de_referencia
):
    """Issue 17 item 4: ticking drafts the title (from the first) and a text listing them; what
    the coordinator typed stays when the ticks change."""
    mesa, _camara, pacto = _escenario(django_user_model)
    entrar(
        page,
        f"{live_server.url}/pactos/gestion/{pacto.pk}/consolidar/",
        "mfguerrero",
        r"/consolidar/$",
    )
    titulo = page.get_by_label("Título del compromiso")
    texto = page.get_by_label("Texto del compromiso")
    page.get_by_label("Elegir el acuerdo 1").check()
    expect(titulo).to_have_value("Señalizar la ruta del Quitsato")
    page.get_by_label("Elegir el acuerdo 2").check()
    expect(titulo).to_have_value("Señalizar la ruta del Quitsato")
    expect(texto).to_have_value(
        f"- Señalizar la ruta del Quitsato ({mesa.nombre}, sesión 1, acuerdo 1)\n"
        f"- Señalética bilingüe en Guachalá ({mesa.nombre}, sesión 1, acuerdo 2)"
    )
    titulo.fill("Rutas señalizadas en Cayambe")
    page.get_by_label("Elegir el acuerdo 1").uncheck()
    expect(titulo).to_have_value("Rutas señalizadas en Cayambe")
    expect(texto).to_have_value(
        f"- Señalética bilingüe en Guachalá ({mesa.nombre}, sesión 1, acuerdo 2)"
    )
    page.get_by_role("button", name="Crear compromiso").click()
    expect(page.get_by_text("Compromiso 1 creado con 1 acuerdo.")).to_be_visible()


def test_los_acuerdos_marcados_y_lo_escrito_pasan_de_una_pagina_a_otra(
    page, live_server, django_user_model, datos_de_referencia
):
    """The workspace lists 50 agreements a page: a tick on page 1 and the title typed there are
    still there on page 2, and the commitment is created with the agreements of both pages."""
    mesa, camara, pacto = _escenario(django_user_model)
    sesion = Sesion.objects.get(mesa=mesa, numero=1)
    for n in range(3, 56):
        Acuerdo.objects.create(sesion=sesion, numero=n, texto=f"Acuerdo número {n}")
    entrar(
        page,
        f"{live_server.url}/pactos/gestion/{pacto.pk}/consolidar/",
        "mfguerrero",
        r"/consolidar/$",
    )
    page.get_by_label("Elegir el acuerdo 1", exact=True).check()
    page.get_by_label("Título del compromiso").fill("Rutas señalizadas en Cayambe")
    page.get_by_role("link", name="Siguiente").click()
    expect(page.get_by_text("Página 2 de 2")).to_be_visible()
    otros = page.locator("#elegidos-fuera")
    expect(otros).to_contain_text("También está elegido 1 acuerdo de otra página")
    expect(otros.get_by_label(re.compile("Señalizar la ruta del Quitsato"))).to_be_checked()
    expect(page.get_by_label("Título del compromiso")).to_have_value("Rutas señalizadas en Cayambe")
    page.get_by_label("Elegir el acuerdo 55").check()
    expect(page.get_by_label("Texto del compromiso")).to_have_value(
        f"- Señalizar la ruta del Quitsato ({mesa.nombre}, sesión 1, acuerdo 1)\n"
        f"- Acuerdo número 55 ({mesa.nombre}, sesión 1, acuerdo 55)"
    )
    page.get_by_label("Responsable principal").select_option(label=camara.nombre)
    page.get_by_role("button", name="Crear compromiso").click()
    expect(page.get_by_text("Compromiso 1 creado con 2 acuerdos.")).to_be_visible()
    compromiso = pacto.compromisos.get()
    assert compromiso.titulo == "Rutas señalizadas en Cayambe"
    assert sorted(compromiso.acuerdos.values_list("numero", flat=True)) == [1, 55]


def test_quitar_una_firma_pregunta_antes(page, live_server, django_user_model, datos_de_referencia):
    """Issue 17: a signature registered by mistake is removed from the pacto's page, after a
    question the coordinator may decline."""
    from pactos.models import Firmante

    mesa, camara, pacto = _escenario(django_user_model)
    coordinadora = django_user_model.objects.get(username="mfguerrero")
    srv.compromiso_consolidar(
        pacto=pacto,
        acuerdos=list(Acuerdo.objects.filter(sesion__mesa=mesa)),
        titulo="Rutas señalizadas",
        texto="Señalizar las rutas.",
        lider=camara,
        usuario=coordinadora,
    )
    for estado in ("consulta", "acordado"):
        pacto = srv.pacto_cambiar_estado(pacto=pacto, estado=estado, usuario=coordinadora)
    otra = ActorFactory(nombre="Junta parroquial de Olmedo", tipo=Actor.Tipo.PUBLICO)
    for organizacion, persona in ((camara, "Ana Pérez"), (otra, "Luis Cando")):
        srv.firmante_agregar(
            pacto=pacto, organizacion=organizacion, persona=persona, fecha=timezone.localdate()
        )
    entrar(
        page,
        f"{live_server.url}/pactos/gestion/{pacto.pk}/",
        "mfguerrero",
        rf"/pactos/gestion/{pacto.pk}/$",
    )
    preguntas = []
    page.once("dialog", lambda d: (preguntas.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Quitar la firma de Junta parroquial de Olmedo").click()
    assert preguntas == [
        "¿Quitar la firma de Junta parroquial de Olmedo (Luis Cando)? Hágalo solo si se registró "
        "por error."
    ]
    assert Firmante.objects.count() == 2

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Quitar la firma de Junta parroquial de Olmedo").click()
    expect(page.get_by_text("Firma de Junta parroquial de Olmedo quitada.")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Luis Cando")
    expect(page.locator("body")).to_contain_text("Ana Pérez")
