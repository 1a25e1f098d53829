"""Recording attendance on a phone by searching the registry as you type (issue #15, item 5).

The facilitator types part of a name without its accents, taps the person, finds the
organisation of their membership already chosen, and saves. The registry comes with the page:
searching needs no network (no request for it, with or without signal).
"""

import os
import re

import pytest
from playwright.sync_api import expect

from actores.models import Actor
from actores.services import membresia_crear
from mesas.models import Mesa
from sie.models import Canton
from tests.browser import navegador
from tests.browser.mesas_pasos import TELEFONO, facilitador_de, sesion_en_curso
from tests.factories import ActorFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CAPTURAS = os.environ.get("CAPTURAS_DIR")  # where to leave screenshots for a person to look at


def _captura(page, nombre: str) -> None:
    if CAPTURAS:
        page.screenshot(path=os.path.join(CAPTURAS, f"{nombre}.png"), full_page=False)


def _persona(nombres, apellidos, cedula=None) -> Actor:
    datos = {"identificacion": cedula} if cedula else {}
    return ActorFactory(
        persona=True,
        nombres=nombres,
        apellidos=apellidos,
        ambito=Actor.Ambito.CANTONAL,
        canton=Canton.objects.get(codigo="1702"),
        **datos,
    )


@pytest.fixture
def mesa_con_registro(django_user_model):
    """Cayambe's table in session, with a canton full of people: Rosa Quishpé belongs to a
    member association; other Quispes and Rosas are there to be told apart."""
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    kayambi = ActorFactory(nombre="Asociación Kayambi de Turismo", siglas="ASOKAY")
    ActorFactory(nombre="Junta Parroquial de Olmedo")
    rosa = _persona("Rosa Elena", "Quishpé Farinango")
    membresia_crear(persona=rosa, organizacion=kayambi, usuario=None)
    for nombres, apellidos in [
        ("Rosa", "Cacuango"),
        ("Luis", "Quispe Alba"),
        ("María", "Quishpi Tupiza"),
        ("Segundo", "Quilumbaquín"),
        ("Zoila", "Andrango"),
    ]:
        _persona(nombres, apellidos)
    mesa.miembros.add(kayambi)
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Olmedo")
    return {"sesion": sesion, "rosa": rosa, "kayambi": kayambi}


def _abrir_en_telefono(browser, base, ruta):
    """The session page on a phone, its attendance search ready over the registry the page
    brought: the page asks for no registry of its own (registro.json); the list of such requests
    is returned for the tests to find it still empty at their end."""
    contexto = browser.new_context(viewport=TELEFONO, is_mobile=True, has_touch=True)
    page = contexto.new_page()
    pedidos = []
    page.on(
        "request",
        lambda pedido: pedidos.append(pedido.url) if "registro.json" in pedido.url else None,
    )
    navegador.entrar(page, base + ruta, "facilitador", re.escape(ruta))
    # asistentes.js marks the form once it has read the registry from the page
    expect(page.locator("#seccion-asistencia form[data-registro-listo]")).to_have_count(1)
    expect(
        page.locator("#seccion-asistencia").get_by_role("combobox", name="Asistente")
    ).to_be_editable()
    assert pedidos == []
    return contexto, page, pedidos


def test_buscar_sin_tildes_elegir_y_guardar_con_su_organizacion(
    browser, live_server, mesa_con_registro
):
    sesion, rosa, kayambi = (mesa_con_registro[k] for k in ("sesion", "rosa", "kayambi"))
    contexto, page, pedidos_registro = _abrir_en_telefono(
        browser, live_server.url, f"/mesas/sesion/{sesion.pk}/"
    )
    seccion = page.locator("#seccion-asistencia")
    buscar = seccion.get_by_role("combobox", name="Asistente")
    # the select stays in the form, out of sight, and is what the form posts
    expect(page.locator("#id_asistencia-actor")).to_have_attribute("aria-hidden", "true")

    buscar.tap()
    buscar.press_sequentially("quishpe")
    resultados = seccion.get_by_role("listbox")
    expect(resultados).to_be_visible()
    opcion = resultados.get_by_role("option", name=re.compile("Rosa Elena Quishpé Farinango"))
    expect(opcion).to_contain_text("Asociación Kayambi de Turismo")
    expect(resultados.get_by_role("option")).to_have_count(1)  # not Quispe, not Quishpi
    _captura(page, "combobox-resultados")
    opcion.tap()

    expect(resultados).to_be_hidden()
    expect(buscar).to_have_value("Rosa Elena Quishpé Farinango")
    expect(page.locator("#id_asistencia-organizacion")).to_have_value(str(kayambi.pk))
    expect(seccion.get_by_text("Organización tomada de su membresía")).to_be_visible()
    _captura(page, "combobox-elegida")
    seccion.get_by_role("button", name="Registrar asistencia").tap()

    lista = seccion.locator(".lista-asistentes")
    expect(lista).to_contain_text("Rosa Elena Quishpé Farinango")
    # Saved on the phone first (the outbox): wait until the server has it, as the bar says.
    expect(page.locator("#pendientes")).to_have_attribute("data-pendientes", "0")
    expect(lista.locator("li:not(.entrada-bandeja)", has_text="Rosa Elena")).to_contain_text(
        "Asociación Kayambi de Turismo"
    )
    asistencia = sesion.asistencias.get()
    assert asistencia.actor == rosa and asistencia.organizacion == kayambi

    # The fresh form is searchable again; Rosa is now on the list and cannot be chosen twice.
    buscar = seccion.get_by_role("combobox", name="Asistente")
    expect(buscar).to_have_value("")
    # the note on the organisation was about Rosa: it goes with her (the form stays on the page)
    expect(seccion.get_by_text("Organización tomada de su membresía")).to_be_hidden()
    expect(page.locator("#id_asistencia-organizacion")).to_have_value("")
    buscar.press_sequentially("rosa")
    ya = seccion.get_by_role("option", name=re.compile("Rosa Elena"))
    expect(ya).to_contain_text("Ya está en la lista de esta sesión.")
    expect(ya).to_have_attribute("aria-disabled", "true")
    assert pedidos_registro == []
    contexto.close()


# Each listed person, whole: an item as tall as what it holds, none over the next.
JS_OPCIONES = """() => Array.from(document.querySelectorAll('#seccion-asistencia [role=option]'),
  (o) => ({arriba: o.getBoundingClientRect().top, abajo: o.getBoundingClientRect().bottom,
           cabe: o.scrollHeight <= o.clientHeight + 1, texto: o.innerText}))"""


def _opciones_enteras(page) -> None:
    opciones = page.evaluate(JS_OPCIONES)
    assert len(opciones) >= 4, opciones
    assert all(o["cabe"] for o in opciones), [o["texto"] for o in opciones if not o["cabe"]]
    for una, siguiente in zip(opciones, opciones[1:], strict=False):
        assert una["abajo"] <= siguiente["arriba"] + 1, (una["texto"], siguiente["texto"])


def test_la_busqueda_sigue_sin_poder_traer_el_registro(browser, live_server, mesa_con_registro):
    """The registry is in memory from the page's load: searching needs no network."""
    sesion, rosa = mesa_con_registro["sesion"], mesa_con_registro["rosa"]
    contexto, page, pedidos_registro = _abrir_en_telefono(
        browser, live_server.url, f"/mesas/sesion/{sesion.pk}/"
    )
    pedidos = []
    page.route(re.compile(r"/registro\.json$"), lambda ruta: (pedidos.append(1), ruta.abort()))
    seccion = page.locator("#seccion-asistencia")

    # An attendee saved online replaces the section; its new search box uses what was loaded.
    buscar = seccion.get_by_role("combobox", name="Asistente")
    buscar.press_sequentially("a")  # a long list on a phone: it scrolls, each person whole
    expect(seccion.get_by_role("option").nth(3)).to_be_visible()
    _opciones_enteras(page)
    buscar.fill("")
    buscar.press_sequentially("zoila")
    seccion.get_by_role("option", name=re.compile("Zoila Andrango")).tap()
    seccion.get_by_role("button", name="Registrar asistencia").tap()
    expect(seccion.locator(".lista-asistentes")).to_contain_text("Zoila Andrango")
    # the server's answer has replaced the section (the outbox is empty) before the signal goes
    expect(page.locator("#pendientes")).to_have_attribute("data-pendientes", "0")
    expect(
        seccion.locator(".lista-asistentes li:not(.entrada-bandeja)", has_text="Zoila Andrango")
    ).to_have_count(1)

    contexto.set_offline(True)
    buscar = seccion.get_by_role("combobox", name="Asistente")
    # by cédula (the keyboard, not the finger: arrows and Enter choose)
    buscar.press_sequentially(rosa.identificacion)
    expect(seccion.get_by_role("listbox").get_by_role("option")).to_have_count(1)
    buscar.press("ArrowDown")
    buscar.press("Enter")
    expect(buscar).to_have_value("Rosa Elena Quishpé Farinango")
    # by the organisation's acronym
    buscar.fill("")
    buscar.press_sequentially("asokay")
    expect(seccion.get_by_role("option", name=re.compile("Rosa Elena"))).to_be_visible()
    assert pedidos == []  # never fetched again
    assert pedidos_registro == []
    contexto.close()


def test_persona_nueva_que_ya_esta_en_el_registro(browser, live_server, mesa_con_registro):
    """A walk-in typed with the name of a registry person: offered the existing person, on the
    phone as she is typed and by the server, and recorded once."""
    sesion, rosa, kayambi = (mesa_con_registro[k] for k in ("sesion", "rosa", "kayambi"))
    contexto, page, pedidos_registro = _abrir_en_telefono(
        browser, live_server.url, f"/mesas/sesion/{sesion.pk}/"
    )
    seccion = page.locator("#seccion-asistencia")
    seccion.get_by_text("¿No está en la lista? Registrar a una persona nueva").tap()
    expect(page.locator("#id_nuevo-tipo")).to_have_value("comunitario")
    _captura(page, "persona-nueva")
    page.locator("#id_nuevo-nombres").fill("rosa elena")
    page.locator("#id_nuevo-apellidos").fill("QUISHPE FARINANGO")
    aviso = seccion.locator(".aviso-coincidencia")
    expect(aviso).to_contain_text("Esta persona parece estar ya en el registro.")
    expect(aviso.get_by_role("button")).to_contain_text(
        "Registrar la asistencia de Rosa Elena Quishpé Farinango (Asociación Kayambi de Turismo)"
    )
    _captura(page, "persona-nueva-aviso")

    # Sent all the same: the server refuses the duplicate and offers her.
    page.locator("#id_nuevo-telefono").fill("0991234567")
    seccion.get_by_role("button", name="Añadir al mapa de actores y a la asistencia").tap()
    oferta = seccion.locator("fieldset.coincidencia")
    expect(oferta).to_contain_text("Ya hay una persona con ese nombre en el mismo cantón")
    expect(oferta).to_contain_text("Es otra persona")
    oferta.scroll_into_view_if_needed()
    _captura(page, "persona-nueva-oferta")
    oferta.get_by_label(re.compile("Registrar a Rosa Elena Quishpé Farinango")).check()
    oferta.get_by_role("button", name="Confirmar").tap()

    expect(seccion.locator(".lista-asistentes")).to_contain_text("Rosa Elena Quishpé Farinango")
    assert Actor.objects.filter(nombre_normalizado="rosa elena quishpe farinango").count() == 1
    asistencia = sesion.asistencias.get()
    assert asistencia.actor == rosa and asistencia.organizacion == kayambi
    assert pedidos_registro == []
    contexto.close()


class Retenidas:
    """The session's attendance saves, each held back on its way until the test lets it through
    (the server's answer late, as on a slow line)."""

    def __init__(self, page, sesion):
        self.page, self.pedidos = page, []
        ruta = re.compile(rf"/mesas/sesion/{sesion.pk}/asistencia/$")
        page.route(ruta, lambda pedido: self.pedidos.append(pedido))

    def esperar(self) -> None:
        """Until the outbox has sent its next save."""
        for _ in range(100):
            if self.pedidos:
                return
            self.page.wait_for_timeout(100)
        pytest.fail("the outbox never sent the save")

    def soltar(self) -> None:
        self.pedidos.pop().continue_()


def _elegir_con_las_flechas(page, buscar, nombre: str) -> None:
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(buscar).to_have_value(nombre)


def test_el_siguiente_asistente_mientras_el_servidor_aun_no_responde(
    browser, live_server, mesa_con_registro
):
    """A slow line: the server has not answered for one attendee while the next is typed, chosen
    and saved, and its answer arrives while a third is typed. Nothing typed is lost, the matches
    stay listed, each person is stored once (on a loaded CI the second save was refused, then the
    second search went blind)."""
    sesion = mesa_con_registro["sesion"]
    contexto, page, _ = _abrir_en_telefono(browser, live_server.url, f"/mesas/sesion/{sesion.pk}/")
    retenidas = Retenidas(page, sesion)
    seccion = page.locator("#seccion-asistencia")
    buscar = seccion.get_by_role("combobox", name="Asistente")
    lista = seccion.locator(".lista-asistentes")
    pendientes = page.locator("#pendientes")

    def opcion(nombre):
        return seccion.get_by_role("option", name=re.compile(nombre))

    buscar.press_sequentially("zoila")
    _elegir_con_las_flechas(page, buscar, "Zoila Andrango")
    # To the button and Enter, as the keyboard journey does; the focus comes back to the search
    # box and the next name is typed at once (its list must not be shut by the box's leaving)
    seccion.get_by_role("button", name="Registrar asistencia").focus()
    page.keyboard.press("Enter")
    expect(buscar).to_be_focused()
    page.keyboard.type("segu")
    expect(lista).to_contain_text("Zoila Andrango")  # kept on the phone, sent when it can be
    page.wait_for_timeout(400)
    expect(opcion("Segundo Quilumbaquín")).to_be_visible()
    retenidas.esperar()

    # Segundo chosen and saved while Zoila's answer has not come
    page.keyboard.type("ndo")
    _elegir_con_las_flechas(page, buscar, "Segundo Quilumbaquín")
    seccion.get_by_role("button", name="Registrar asistencia").tap()
    expect(lista).to_contain_text("Segundo Quilumbaquín")
    expect(pendientes).to_have_attribute("data-pendientes", "2")

    # Zoila's answer arrives while a third name is half typed
    buscar.press_sequentially("mar")
    expect(opcion("María Quishpi Tupiza")).to_be_visible()
    retenidas.soltar()
    retenidas.esperar()  # then the outbox sends Segundo, held too
    expect(pendientes).to_have_attribute("data-pendientes", "1")
    expect(buscar).to_be_focused()
    expect(buscar).to_have_value("mar")
    buscar.press_sequentially("ía")
    expect(opcion("María Quishpi Tupiza")).to_be_visible()
    _elegir_con_las_flechas(page, buscar, "María Quishpi Tupiza")
    retenidas.soltar()
    expect(pendientes).to_have_attribute("data-pendientes", "0")
    expect(buscar).to_have_value("María Quishpi Tupiza")  # Segundo's answer kept her too
    seccion.get_by_role("button", name="Registrar asistencia").tap()
    retenidas.esperar()
    retenidas.soltar()
    for nombre in ("Zoila Andrango", "Segundo Quilumbaquín", "María Quishpi Tupiza"):
        expect(lista.locator("li:not(.entrada-bandeja)", has_text=nombre)).to_have_count(1)
    nombres = sorted(a.actor.nombre for a in sesion.asistencias.select_related("actor"))
    assert nombres == ["María Quishpi Tupiza", "Segundo Quilumbaquín", "Zoila Andrango"]
    contexto.close()
