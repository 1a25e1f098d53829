"""axe-core finds no serious or critical violation on the public pages and the session page.

Every control of each page must also show a focus ring when reached with the keyboard.

Issue #10, item 6. One browser, one demo dataset (`cargar_demo`), every page of PAGINAS visited in
one loop in Spanish, a sample also in English and on a phone; minor and moderate findings are
printed (run with `-s`).

How to add a page: append one `Pagina` to PAGINAS, e.g.

    Pagina("suscripción", "comunicacion:suscripcion"),
    Pagina("una consulta pública", "comunicacion:consulta", _consulta_demo, movil=True),

- `url` is a URL name (reversed in the language, so the English run gets /en/...);
- `kwargs` is a dict, or a function returning one when it needs the demo's rows (a pk);
- `estado` is the expected HTTP status (403 and 404 are pages too);
- `cuenta="facilitador"` visits it logged in as that demo account (anonymous otherwise);
- `ingles=True` also checks it in English (the markup is the same in both languages, so a sample
  of pages in English is enough; their `<html lang>` must say "en");
- `movil=True` also checks it 320 px wide (and that it does not scroll sideways);
- `con_errores=True` also checks it after sending its form empty (the page with the errors).
The page's data must come from `cargar_demo` (the app's demo.py), so the demo shows it too.
"""

import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from core.models import Documento
from eventos import enlaces
from eventos.models import Invitado
from mesas.models import Sesion
from tests.accesibilidad.revision import revisar, sin_anillo_de_foco

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLAVE_DEMO = "clave-demo-accesible-2026"
ESCRITORIO = {"width": 1280, "height": 800}
# WCAG 1.4.10 (reflow): usable 320 px wide without scrolling sideways, narrower than any phone.
TELEFONO = {"width": 320, "height": 700}


@dataclass(frozen=True)
class Pagina:
    nombre: str
    url: str
    kwargs: dict | Callable[[], dict] | None = None
    estado: int = 200
    cuenta: str | None = None
    ingles: bool = False  # also checked in English (/en/...)
    movil: bool = False  # also checked 320 px wide, in Spanish, and must not scroll sideways
    con_errores: bool = False  # also checked after sending its form empty (the errors shown)
    consulta: str = ""  # a query string ("?q=turismo")

    def ruta(self, idioma: str) -> str:
        kwargs = self.kwargs() if callable(self.kwargs) else self.kwargs
        with translation.override(idioma):
            return reverse(self.url, kwargs=kwargs) + self.consulta


def _sesion_abierta_del_facilitador() -> dict:
    sesion = (
        Sesion.objects.filter(
            mesa__facilitadores__username="facilitador", estado__in=Sesion.ESTADOS_EDITABLES
        )
        .order_by("pk")
        .first()
    )
    return {"pk": sesion.pk}


def _invitacion_a_un_evento() -> dict:
    invitado = Invitado.objects.filter(evento__slug=SOCIALIZACION).order_by("pk").first()
    return {"token": enlaces.token_respuesta(invitado)}


def _acta_publicada() -> dict:
    return {"uuid": Documento.objects.filter(tipo="acta_publica").order_by("pk").first().uuid}


def _consulta_demo() -> dict:
    from comunicacion.models import Consulta

    return {"pk": Consulta.objects.order_by("pk").first().pk}


def _confirmar_comentario_demo() -> dict:
    from comunicacion.models import Comentario
    from comunicacion.services import consulta

    pendiente = Comentario.objects.filter(estado="pendiente").order_by("pk").first()
    return {"token": consulta.comentario_token(comentario=pendiente)}


def _actor_demo() -> dict:
    from actores.models import Actor

    return {"pk": Actor.objects.order_by("pk").first().pk}


def _compromiso_demo() -> dict:
    from pactos.models import Compromiso

    return {"pk": Compromiso.objects.order_by("pk").first().pk}


def _mensaje_publicable_demo() -> dict:
    from comunicacion.models import Mensaje

    return {"pk": Mensaje.objects.filter(publicar=True).exclude(respuesta="").first().pk}


TURISMO = "estrategia-provincial-de-turismo-de-pichincha"
LANZAMIENTO = "lanzamiento-del-programa-pactos-por-pichincha"
SOCIALIZACION = "socializacion-de-resultados-de-los-pactos-por-pichincha"

PAGINAS = [
    # Home (with the programme's roadmap) and the tables
    Pagina("inicio y hoja de ruta", "inicio", ingles=True, movil=True),
    Pagina("mesas", "mesas:lista"),
    Pagina("agenda", "agenda:lista", ingles=True, movil=True),
    Pagina("una mesa", "mesas:mesa", {"slug": "turismo-cayambe"}, ingles=True, movil=True),
    Pagina(
        "sesión con acta publicada",
        "mesas:sesion_publica",
        {"slug": "turismo-cayambe", "numero": 1},
        ingles=True,
    ),
    Pagina("estado del PDF de un acta", "core:documento", _acta_publicada),
    Pagina("participantes", "actores:participantes"),
    # Pactos
    Pagina("pactos", "pactos:pactos_publicos"),
    Pagina("un pacto", "pactos:pacto_publico", {"slug": TURISMO}, ingles=True),
    Pagina("un compromiso", "pactos:compromiso_publico", {"slug": TURISMO, "numero": 1}),
    # SIE
    Pagina("cantones", "sie:cantones"),
    Pagina("tablero de un cantón", "sie:canton", {"codigo": "1702"}, ingles=True),
    Pagina("indicadores", "sie:indicadores"),
    Pagina("un indicador", "sie:indicador", {"codigo": "AGR-01"}, ingles=True),
    Pagina("mapa", "sie:mapa"),
    Pagina("datos abiertos", "sie:datos"),
    # Events
    Pagina("eventos", "eventos:lista"),
    Pagina("un evento", "eventos:detalle", {"slug": LANZAMIENTO}, ingles=True),
    Pagina(
        "inscripción a un evento",
        "eventos:inscripcion",
        {"slug": SOCIALIZACION},
        con_errores=True,
    ),
    Pagina("respuesta a una invitación", "eventos:responder", _invitacion_a_un_evento),
    Pagina("invitación con enlace inválido", "eventos:responder", {"token": "x"}, estado=400),
    # Communication
    Pagina("noticias", "comunicacion:noticias"),
    Pagina("búsqueda", "core:buscar", consulta="?q=turismo", ingles=True, movil=True),
    Pagina(
        "una noticia",
        "comunicacion:noticia",
        {"slug": "las-mesas-de-turismo-sesionan-en-el-choco-andino"},
        ingles=True,
    ),
    Pagina("contacto", "comunicacion:contacto", ingles=True, con_errores=True),
    Pagina("contacto: gracias", "comunicacion:contacto_gracias"),
    Pagina("usted preguntó, respondimos", "comunicacion:respuestas"),
    Pagina("seguir un mensaje", "comunicacion:seguimiento"),
    Pagina("suscripción", "comunicacion:suscripcion"),
    Pagina("suscripción enviada", "comunicacion:suscripcion_enviada"),
    Pagina(
        "enlace de suscripción no válido",
        "comunicacion:suscripcion_baja",
        {"token": "x"},
        estado=404,
    ),
    # Public consultation on the draft tourism pacto
    Pagina("consultas públicas", "comunicacion:consultas"),
    Pagina("una consulta pública", "comunicacion:consulta", _consulta_demo, movil=True),
    Pagina("comentar el borrador", "comunicacion:comentar", _consulta_demo, con_errores=True),
    Pagina("comentario enviado", "comunicacion:comentario_enviado", _consulta_demo),
    Pagina(
        "confirmar un comentario", "comunicacion:comentario_confirmar", _confirmar_comentario_demo
    ),
    Pagina(
        "enlace de comentario no válido",
        "comunicacion:comentario_confirmar",
        {"token": "x"},
        estado=400,
    ),
    # Accounts and errors
    Pagina("declaración de accesibilidad", "core:accesibilidad"),
    Pagina("aviso de privacidad", "core:privacidad", ingles=True),
    Pagina("ingreso", "cuentas:login", ingles=True, con_errores=True),
    Pagina("restablecer la contraseña", "cuentas:clave_restablecer"),
    Pagina("error 404", "mesas:mesa", {"slug": "no-existe"}, estado=404, ingles=True),
    # The facilitator's pages
    Pagina(
        "registro de la sesión (facilitación)",
        "mesas:sesion",
        _sesion_abierta_del_facilitador,
        cuenta="facilitador",
        ingles=True,
        movil=True,
    ),
    Pagina("mis mesas (facilitación)", "mesas:mis_mesas", cuenta="facilitador"),
    Pagina(
        "una mesa y sus sesiones (facilitación)",
        "mesas:gestion",
        {"slug": "turismo-cayambe"},
        cuenta="facilitador",
    ),
    Pagina("panel (facilitación)", "core:panel", cuenta="facilitador"),
    Pagina(
        "búsqueda del equipo (facilitación)",
        "core:buscar_personal",
        cuenta="facilitador",
        consulta="?q=turismo",
    ),
    Pagina("error 403", "sie:gestion", estado=403, cuenta="facilitador"),
    # Staff pages with a record's history (core.historial) and a message's public version
    Pagina("un actor con su historial", "actores:detalle", _actor_demo, cuenta="coordinadora"),
    Pagina(
        "un compromiso con su historial",
        "pactos:compromiso_gestion",
        _compromiso_demo,
        cuenta="coordinadora",
    ),
    Pagina(
        "un mensaje y su versión pública",
        "comunicacion:mensaje",
        _mensaje_publicable_demo,
        cuenta="comunicacion",
    ),
]


@pytest.fixture
def datos_demo(settings):
    from config.celery import app

    settings.DEMO_PASSWORD = CLAVE_DEMO
    antes = app.conf.task_always_eager
    app.conf.task_always_eager = True  # the demo's actas are ready, as on a running portal
    try:
        call_command("cargar_demo", stdout=io.StringIO())
    finally:
        app.conf.task_always_eager = antes


def _entrar(page, base: str, usuario: str) -> None:
    page.goto(f"{base}{reverse('cuentas:login')}")
    formulario = page.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill(usuario)
    formulario.locator("input[name=password]").fill(CLAVE_DEMO)
    formulario.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"^(?!.*/cuentas/login/)"))


def _enviar_vacio(page) -> None:
    """Send the page's form as it is, past the browser's own checks, to get the server's errors."""
    with page.expect_navigation():
        page.evaluate(
            """() => {
              const form = document.querySelector("main form[method=post]");
              form.noValidate = true;
              form.requestSubmit();
            }"""
        )
    assert page.locator(".is-invalid, .alert-danger").count(), f"sin errores en {page.url}"


def test_ninguna_violacion_grave_o_critica(page, live_server, datos_demo):
    graves, leves, tiempos = [], [], []
    cuenta_actual = None
    for pagina in sorted(PAGINAS, key=lambda p: p.cuenta or ""):
        if pagina.cuenta != cuenta_actual:
            page.context.clear_cookies()
            if pagina.cuenta:
                _entrar(page, live_server.url, pagina.cuenta)
            cuenta_actual = pagina.cuenta
        visitas = [("es", ESCRITORIO)] + ([("en", ESCRITORIO)] if pagina.ingles else [])
        if pagina.movil:
            visitas.append(("es", TELEFONO))
        for idioma, pantalla in visitas:
            nombre = f"{pagina.nombre} [{idioma}, {pantalla['width']} px]"
            page.set_viewport_size(pantalla)
            inicio = time.monotonic()
            respuesta = page.goto(live_server.url + pagina.ruta(idioma))
            assert respuesta.status == pagina.estado, f"{nombre}: HTTP {respuesta.status}"
            assert page.get_attribute("html", "lang") == idioma, nombre
            if pantalla is TELEFONO:
                ancho = page.evaluate("document.documentElement.scrollWidth")
                assert ancho <= TELEFONO["width"], f"{nombre}: se desplaza de lado ({ancho} px)"
            revisiones = [revisar(page, f"{nombre} {page.url}")]
            # the markup is the same in English and on a phone: rings checked once per page
            if (
                pantalla is ESCRITORIO
                and idioma == "es"
                and (sin_anillo := sin_anillo_de_foco(page))
            ):
                graves.append(f"{nombre}: foco sin anillo visible en {', '.join(sin_anillo)}")
            if pagina.con_errores:
                _enviar_vacio(page)
                revisiones.append(revisar(page, f"{nombre} con errores {page.url}"))
            tiempos.append(time.monotonic() - inicio)
            for hallazgos in revisiones:
                if hallazgos.graves:
                    graves.append(hallazgos.informe(hallazgos.graves))
                if hallazgos.leves:
                    leves.append(hallazgos.informe(hallazgos.leves))

    print(f"\naxe: {len(tiempos)} páginas en {sum(tiempos):.1f} s")
    print("Violaciones menores o moderadas:\n" + ("\n".join(leves) or "  ninguna"))
    assert not graves, "Violaciones graves o críticas:\n" + "\n".join(graves)
