"""Property-based: random input posted to every form of the portal never gets a 500.

The forms are not listed by hand: every page of the permission matrix that Coordinación (staff
forms) or an anonymous visitor (public forms) may open is fetched, and every <form> on it (and
every hx-post) is read: its fields, their options and hidden values. Hypothesis then posts
random values to each: text with markup, quotes, formula signs, NUL bytes, huge numbers, dates
out of range, options that do not exist, files of random bytes. Any answer is fine but a 500.
Seeded and bounded (derandomize, few examples per form) so the test is fast and repeatable.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_matriz_urls import MATRIZ

pytestmark = pytest.mark.django_db

EJEMPLOS = 4
NO_ENVIAR = ("/i18n/", "/logout/", "/cuentas/", "/admin/")


class _Formularios(HTMLParser):
    def __init__(self):
        super().__init__()
        self.formularios = []
        self._actual = None
        self._select = None

    def handle_starttag(self, etiqueta, atributos):
        a = dict(atributos)
        if etiqueta == "form":
            metodo = (a.get("method") or "get").lower()
            accion = a.get("hx-post") or (a.get("action") if metodo == "post" else None)
            if a.get("hx-post") or metodo == "post":
                self._actual = {"accion": accion or "", "campos": {}, "archivos": []}
                self.formularios.append(self._actual)
            return
        if self._actual is None:
            if etiqueta == "button" and a.get("hx-post"):
                self.formularios.append({"accion": a["hx-post"], "campos": {}, "archivos": []})
            return
        nombre = a.get("name")
        if not nombre:
            return
        if etiqueta == "button":  # a named button says which action the form runs
            self._actual["campos"].setdefault(nombre, []).append(a.get("value", ""))
        elif etiqueta == "input":
            tipo = (a.get("type") or "text").lower()
            if tipo == "file":
                self._actual["archivos"].append(nombre)
            elif tipo in ("submit", "image"):
                self._actual["campos"].setdefault(nombre, []).append(a.get("value", ""))
            elif tipo in ("button", "reset"):
                return
            elif tipo in ("checkbox", "radio"):
                self._actual["campos"].setdefault(nombre, []).append(a.get("value", "on"))
            else:
                self._actual["campos"].setdefault(nombre, [a.get("value") or ""])
        elif etiqueta == "textarea":
            self._actual["campos"].setdefault(nombre, [""])
        elif etiqueta == "select":
            self._select = self._actual["campos"].setdefault(nombre, [])
        elif etiqueta == "option" and self._select is not None:
            self._select.append(a.get("value", ""))

    def handle_endtag(self, etiqueta):
        if etiqueta == "form":
            self._actual = None
        elif etiqueta == "select":
            self._select = None


def _formularios_de(html: str, url: str) -> list[dict]:
    lector = _Formularios()
    lector.feed(html)
    for f in lector.formularios:
        f["accion"] = f["accion"] or url
    return [f for f in lector.formularios if not f["accion"].startswith(NO_ENVIAR)]


TEXTO = st.text(
    alphabet=st.sampled_from(list("aZ09 ñá<>\"'&%;=+-@/\\\x00\n\t.,:") + ["\u202e", "😀"]),
    max_size=40,
)
VALOR = st.one_of(
    TEXTO,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "2024-02-30", "9999-12-31T23:59", "true"]),
)


def _estrategia(formulario: dict):
    campos = {}
    for nombre, opciones in formulario["campos"].items():
        conocidas = [o for o in opciones if o]
        campos[nombre] = st.one_of(
            VALOR, st.sampled_from(conocidas) if conocidas else VALOR, st.just(None)
        )
    archivos = {n: st.binary(max_size=256) for n in formulario["archivos"]}
    return st.fixed_dictionaries({**campos, **archivos})


PAGINAS_CON_FORMULARIO = [
    f for f in MATRIZ if f.esperado.split()[2] == "200" and not f.nombre.startswith("api-")
]


def _descubrir(cliente_rol, escenario):
    """(role, form) pairs of every form reachable from the matrix' pages."""
    vistos, encontrados = set(), []
    for fila in PAGINAS_CON_FORMULARIO:
        url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
        publica = fila.esperado.split()[0] == "200"
        rol = "anonimo" if publica else "coordinacion"
        respuesta = cliente_rol(rol).get(url)
        if respuesta.status_code != 200 or "html" not in respuesta.get("Content-Type", ""):
            continue
        for formulario in _formularios_de(respuesta.content.decode(), url):
            accion = re.sub(r"\d+", "N", formulario["accion"].split("?")[0])
            clave = (rol, accion, tuple(sorted(formulario["campos"])))
            if clave not in vistos:
                vistos.add(clave)
                encontrados.append((rol, formulario))
    return encontrados


def _prueba(cliente, formulario, ajustes):
    @ajustes
    @given(datos=_estrategia(formulario))
    def enviar(datos):
        cuerpo = {}
        for nombre, valor in datos.items():
            if nombre in formulario["archivos"]:
                cuerpo[nombre] = SimpleUploadedFile("datos.csv", valor)
            elif valor is not None:
                cuerpo[nombre] = valor
        respuesta = cliente.post(formulario["accion"], cuerpo, HTTP_HX_REQUEST="true")
        assert respuesta.status_code < 500, (formulario["accion"], cuerpo)

    return enviar


def test_ningun_formulario_responde_500(cliente_rol, escenario, settings_fuzz):
    formularios = _descubrir(cliente_rol, escenario)
    assert len(formularios) >= 25, [f["accion"] for _, f in formularios]
    fallos = []
    for rol, formulario in formularios:
        try:
            _prueba(cliente_rol(rol), formulario, settings_fuzz)()
        except Exception as error:  # a 500 surfaces as the view's exception in the test client
            fallos.append(f"{formulario['accion']}: {type(error).__name__}: {str(error)[:300]}")
    assert not fallos, "\n".join(fallos)


@pytest.fixture
def settings_fuzz():
    return settings(
        max_examples=EJEMPLOS,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# What the fuzzing found, pinned as plain examples (each was a 500 or an open redirect).
@pytest.mark.parametrize(
    ("nombre", "kwargs", "datos"),
    [
        ("eventos:tarea_estado", lambda o: {"pk": o.evento.pk, "obj": 0}, {"estado": "lista"}),
        ("eventos:miembro_quitar", lambda o: {"pk": o.evento.pk, "obj": 0}, {}),
        ("actores:asignacion_eliminar", lambda o: {"pk": int("9" * 30)}, {}),
        ("eventos:tarea_estado", lambda o: {"pk": o.evento.pk, "obj": int("9" * 30)}, {}),
    ],
)
def test_un_id_que_no_es_numero_da_404(nombre, kwargs, datos, cliente_rol, escenario):
    url = reverse(nombre, kwargs=kwargs(escenario))
    assert cliente_rol("coordinacion").post(url, datos).status_code == 404


def test_volver_no_lleva_a_otro_sitio(cliente_rol, escenario):
    url = reverse("pactos:actividad_estado", kwargs={"pk": escenario.actividad.pk})
    cliente = cliente_rol("coordinacion")
    for ajeno in ("https://malo.example/", "//malo.example/x", "/\\malo.example"):
        respuesta = cliente.post(url, {"estado": "en_curso", "avance": "10", "volver": ajeno})
        assert respuesta.status_code == 302
        assert "malo.example" not in respuesta["Location"], ajeno
    respuesta = cliente.post(url, {"estado": "en_curso", "volver": "/pactos/hoja-de-ruta/tablero/"})
    assert respuesta["Location"] == "/pactos/hoja-de-ruta/tablero/"


def test_parametros_con_salto_de_linea_no_rompen_la_redireccion(cliente_rol, escenario):
    url = reverse("pactos:acuerdos_recuperar", kwargs={"pk": escenario.pacto_borrador.pk})
    respuesta = cliente_rol("coordinacion").post(url, {"parametros": "eje=1\r\nSet-Cookie: a=b"})
    assert respuesta.status_code in (302, 404)
    assert "\n" not in respuesta.get("Location", "")
