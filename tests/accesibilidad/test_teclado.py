"""A facilitator records a session with the keyboard alone, and always sees where the focus is.

Issue #10, item 6. No mouse and no locator clicks: Tab and Shift+Tab move, Enter and Space act,
and the facilitator types into fields (a closed select picks an option by its first letters, as a
keyboard user does). Every stop the focus makes on the way must show a visible ring, and every
save must leave the focus in the form just used, not at the top of the page.
"""

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import TimeoutError, expect

from core.roles import Rol
from mesas import services
from mesas.models import Mesa, Sesion
from tests.accesibilidad.revision import revisar
from tests.pasos import persona_comunitaria

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLAVE = "clave-del-teclado-123"

# The element with the focus, described, or why its focus is not visible (None when it is).
JS_FOCO = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {descripcion: "body", problema: null};
  const texto = (e.getAttribute("aria-label") || e.innerText || e.name || e.id || "").trim();
  const descripcion = `${e.tagName.toLowerCase()} «${texto.slice(0, 50)}»`;
  // A date or time input's own parts (the calendar button) take the focus inside the browser's
  // shadow tree and draw their own ring; the input itself is not :focus then.
  if (e.tagName === "INPUT" && !e.matches(":focus")) return {descripcion, problema: null};
  const estilo = getComputedStyle(e);
  const anillo = estilo.outlineStyle !== "none" && parseFloat(estilo.outlineWidth) >= 2;
  const rect = e.getBoundingClientRect();
  const visible = rect.width > 0 && rect.height > 0;
  return {descripcion, problema: anillo && visible ? null : "sin anillo de foco visible"};
}"""


class Teclado:
    """Moves through the page with Tab / Shift+Tab only, checking each stop's focus ring."""

    def __init__(self, page):
        self.page = page
        self.sin_foco_visible: set[str] = set()

    def ir_a(self, selector: str, *, atras: bool = False, maximo: int = 150) -> None:
        # Past the last stop the focus leaves the document (the browser's own bar) and comes back.
        for paso in range(maximo):
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
            self.page.keyboard.press("Shift+Tab" if atras else "Tab")
            foco = self.page.evaluate(JS_FOCO)
            if foco["problema"]:
                self.sin_foco_visible.add(
                    f"{foco['descripcion']}: {foco['problema']} (paso {paso} hacia {selector})"
                )
        pytest.fail(f"Con {'Shift+Tab' if atras else 'Tab'} el foco nunca llega a {selector}")

    def escribir(self, texto: str) -> None:
        self.page.keyboard.type(texto)

    def rellenar(self, campos: dict[str, str]) -> None:
        """Tab to each field in turn and type its value."""
        for selector, texto in campos.items():
            self.ir_a(selector)
            self.escribir(texto)

    def pulsar(self, tecla: str) -> None:
        self.page.keyboard.press(tecla)

    def guardar(self, seccion: str, tecla: str, texto: str, motivo: str, *, lista="") -> None:
        """Submit the form of the session's #seccion-<seccion> with a key: the new text shows in
        the section (in its `lista`, when given) and the focus stays in the form."""
        self.ir_a(f"#seccion-{seccion} form button[type=submit]")
        self.pulsar(tecla)
        expect(self.page.locator(f"#seccion-{seccion} {lista}".rstrip())).to_contain_text(texto)
        self.esperar_foco(f"#seccion-{seccion} form *", motivo)

    def esperar_foco(self, selector: str, motivo: str) -> None:
        """htmx moves the focus once the new content has settled: wait for it, briefly."""
        try:
            self.page.wait_for_function(
                "s => document.activeElement.matches(s)", arg=selector, timeout=5_000
            )
        except TimeoutError:
            pytest.fail(f"{motivo}: el foco está en {self.page.evaluate(JS_FOCO)['descripcion']}")


def _entrar_y_abrir(page, teclado: Teclado, base: str, sesion) -> None:
    # Log in: the login page, reached from "Mis mesas", with Tab, typing and Enter
    page.goto(f"{base}/mesas/mis-mesas/")
    page.wait_for_url(re.compile(r"/cuentas/login/"))
    teclado.ir_a("input[name=username]")
    teclado.escribir("facilitador")
    teclado.ir_a("input[name=password]")
    teclado.escribir(CLAVE)
    teclado.pulsar("Enter")
    page.wait_for_url(lambda url: urlparse(url).path == "/mesas/mis-mesas/")
    teclado.ir_a(f"a[href$='/mesas/sesion/{sesion.pk}/']")
    teclado.pulsar("Enter")
    page.wait_for_url(lambda url: urlparse(url).path == f"/mesas/sesion/{sesion.pk}/")


def _agenda_y_asistencia(page, teclado: Teclado, rosa, segundo) -> None:
    # The skip link is the first stop and jumps over the header and menus
    teclado.ir_a("a[href='#contenido']")
    teclado.pulsar("Enter")
    teclado.esperar_foco("main#contenido", "el enlace «Saltar al contenido» lleva al contenido")

    # An agenda item (the agenda comes after the agreements on the page)
    teclado.rellenar({"#id_agenda-titulo": "Ruta turística del Quitsato"})
    teclado.guardar(
        "agenda",
        "Space",
        "Ruta turística del Quitsato",
        "tras guardar, el foco sigue en la agenda",
    )
    expect(page.locator("#anuncios")).to_have_text("Punto de agenda añadido.")

    # Attendance, back up the page with Shift+Tab; the focus returns to the search box for the
    # next one. Typing a name lists the registry's matches; the arrows and Enter choose one.
    buscar = "#seccion-asistencia [role=combobox]"
    teclado.ir_a(buscar, atras=True)
    for persona, tecla in ((rosa, "Enter"), (segundo, "Space")):
        teclado.esperar_foco(buscar, "lista para la siguiente persona")
        teclado.escribir(persona.nombres.split()[0])
        # as a person does, wait until the matches are listed (a loaded phone takes a moment)
        expect(
            page.locator("#seccion-asistencia [role=option]", has_text=persona.nombre)
        ).to_be_visible()
        teclado.pulsar("ArrowDown")
        teclado.pulsar("Enter")
        expect(page.locator(buscar)).to_have_value(persona.nombre)
        teclado.ir_a("#seccion-asistencia form button[type=submit]")
        teclado.pulsar(tecla)
        expect(page.locator("#seccion-asistencia .lista-asistentes")).to_contain_text(
            persona.nombre
        )
    expect(page.locator("#total-asistentes")).to_have_text("2")
    teclado.esperar_foco(buscar, "lista para la siguiente persona")


def _intervencion_y_acuerdo(page, teclado: Teclado) -> None:
    # An intervention on the new agenda item (offered at once, without reloading)
    teclado.rellenar(
        {
            "#id_intervencion-actor": "Segundo",
            "#id_intervencion-punto": "1",
            "#id_intervencion-resumen": "Propone señalética bilingüe en el Quitsato.",
        }
    )
    teclado.guardar(
        "intervencion",
        "Enter",
        "Propone señalética bilingüe",
        "tras registrar la intervención",
    )

    # An agreement with a responsible person chosen in the list box by typing her name
    teclado.rellenar(
        {
            "#id_acuerdo-texto": "Inventariar los atractivos del cantón",
            "#id_acuerdo-responsables": "Rosa",
        }
    )
    teclado.guardar(
        "acuerdo",
        "Enter",
        "Inventariar los atractivos del cantón",
        "tras registrar el acuerdo",
        lista=".lista-acuerdos",
    )


def _datos_de_la_sesion(page, teclado: Teclado) -> None:
    # Save the session's data: open the disclosure with Enter, fill the objective, save
    teclado.ir_a("#seccion-datos > summary", atras=True)
    teclado.pulsar("Enter")
    teclado.rellenar({"#id_objetivo": "Priorizar la ruta del Quitsato."})
    teclado.ir_a("#seccion-datos button[type=submit]")
    teclado.pulsar("Enter")
    expect(page.get_by_text("Datos de la sesión guardados.")).to_be_visible()


def _comprobar_lo_guardado(sesion, rosa, segundo) -> None:
    # Everything is really stored
    sesion.refresh_from_db()
    assert sesion.objetivo == "Priorizar la ruta del Quitsato."
    assert set(sesion.asistencias.values_list("actor", flat=True)) == {rosa.pk, segundo.pk}
    punto = sesion.agenda.get()
    assert punto.titulo == "Ruta turística del Quitsato"
    intervencion = sesion.intervenciones.get()
    assert (intervencion.actor, intervencion.punto) == (segundo, punto)
    assert intervencion.resumen == "Propone señalética bilingüe en el Quitsato."
    acuerdo = sesion.acuerdos.get()
    assert acuerdo.texto == "Inventariar los atractivos del cantón"
    assert list(acuerdo.responsables.all()) == [rosa]


def _revisar_y_cerrar(page, teclado: Teclado, sesion) -> None:
    # The page with its records passes axe too.
    hallazgos = revisar(page, "registro de la sesión con datos")
    assert not hallazgos.graves, hallazgos.informe(hallazgos.graves)

    # Close the session and reach the acta's download link, still with the keyboard alone
    teclado.ir_a("#seccion-cierre button[type=submit]")
    page.once("dialog", lambda dialogo: dialogo.accept())  # closing asks for confirmation
    teclado.pulsar("Enter")
    expect(page.get_by_text("Sesión cerrada: su registro está congelado.")).to_be_visible()
    teclado.ir_a("#documento-estado a[download]")
    sesion.refresh_from_db()
    assert sesion.estado == Sesion.Estado.CERRADA


def test_registrar_una_sesion_solo_con_el_teclado(
    page, live_server, django_user_model, celery_en_proceso
):
    facilitador = django_user_model.objects.create(
        username="facilitador", first_name="Luis Alberto", password=make_password(CLAVE)
    )
    facilitador.groups.add(Group.objects.get_or_create(name=Rol.FACILITACION)[0])
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    mesa.facilitadores.add(facilitador)
    rosa = persona_comunitaria("Rosa Elena", "Farinango", "mujer")
    segundo = persona_comunitaria("Segundo", "Quilumbaquín", "hombre")
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa, segundo])
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=timezone.now() - datetime.timedelta(hours=1),
        lugar="Casa comunal de Ayora",
        usuario=facilitador,
    )
    teclado = Teclado(page)
    _entrar_y_abrir(page, teclado, live_server.url, sesion)
    _agenda_y_asistencia(page, teclado, rosa, segundo)
    _intervencion_y_acuerdo(page, teclado)
    _datos_de_la_sesion(page, teclado)
    _comprobar_lo_guardado(sesion, rosa, segundo)
    _revisar_y_cerrar(page, teclado, sesion)

    assert not teclado.sin_foco_visible, sorted(teclado.sin_foco_visible)
