"""Issue 17 item 7 on the roadmap, as the coordinator sees it: "Mover" on the board says what it
did, and an activity marked done no longer shows a risk flag."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import pytest

from pactos.models import EstadoActividad, Salud

from .fixtures_hoja_de_ruta import actividad, claves_rapidas  # noqa: F401

pytestmark = pytest.mark.django_db

URL = "/pactos/hoja-de-ruta/"


def _en_linea(cliente, a, datos: dict):
    return cliente.post(f"{URL}actividades/{a.pk}/estado/", datos, headers={"HX-Request": "true"})


def _estado(html: str) -> str:
    """The activity page's "Estado" entry (not the progress form's options)."""
    inicio = html.index("<dd", html.index(">Estado</dt>"))
    return html[inicio : html.index("</dd>", inicio)]


def _tarjeta(html: str, a) -> str:
    inicio = html.index(f'id="tarjeta-{a.pk}"')
    return html[html.rindex("<article", 0, inicio) : html.index("</article>", inicio)]


def test_mover_en_el_tablero_confirma_lo_que_hizo(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    otra = actividad("instrumentos-sistema-informacion")
    html = _en_linea(
        cliente_de(coordinadora), a, {"estado": "en_curso", "vista": "tablero"}
    ).content.decode()
    assert 'role="status"' in html
    assert "Actividad movida a «En curso»." in html
    assert "tarjeta-movida" in _tarjeta(html, a) and "Movida aquí" in _tarjeta(html, a)
    assert "tarjeta-movida" not in _tarjeta(html, otra)


def test_mover_rechazado_no_confirma(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    html = _en_linea(
        cliente_de(coordinadora), a, {"estado": "bloqueada", "vista": "tablero"}
    ).content.decode()
    assert "Explique en las notas por qué está bloqueada." in html
    assert "está ahora en" not in html and "Movida aquí" not in html


def test_sin_htmx_el_mensaje_dice_a_donde_fue(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    respuesta = cliente_de(coordinadora).post(
        f"{URL}actividades/{a.pk}/estado/", {"estado": "en_curso"}, follow=True
    )
    mensajes = [str(m) for m in respuesta.context["messages"]]
    assert mensajes == [f"«{a.nombre}» está ahora en «En curso»."]


def test_la_fila_de_la_lista_dice_guardado(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    html = _en_linea(
        cliente_de(coordinadora), a, {"estado": "en_curso", "avance": "20", "vista": "lista"}
    ).content.decode()
    assert "Guardado." in html


def test_una_actividad_hecha_deja_de_estar_en_riesgo(cliente_de, coordinadora):
    a = actividad("pactos-convocatoria")
    cliente = cliente_de(coordinadora)
    cliente.post(
        a.get_absolute_url(),
        {"estado": "en_curso", "avance": "40", "salud": "ambar", "notas": "Faltan cantones."},
    )
    assert "Ámbar: en riesgo" in _estado(cliente.get(a.get_absolute_url()).content.decode())

    html = _en_linea(cliente, a, {"estado": "hecha", "vista": "lista"}).content.decode()
    assert "Ámbar: en riesgo" not in html
    a.refresh_from_db()
    assert (a.estado, a.salud) == (EstadoActividad.HECHA, Salud.VERDE)
    estado = _estado(cliente.get(a.get_absolute_url()).content.decode())
    assert "Hecha" in estado
    assert "Ámbar: en riesgo" not in estado and "Verde: según lo previsto" not in estado
    lista = cliente.get(URL).content.decode()
    fila = lista[lista.index(f'id="actividad-{a.pk}"') :]
    assert "Ámbar" not in fila[: fila.index("</tr>")]


def test_una_hecha_con_salud_antigua_no_la_muestra(cliente_de, coordinadora):
    """Rows stored before the fix (done and amber) show no health either."""
    a = actividad("pactos-convocatoria")
    type(a).objects.filter(pk=a.pk).update(estado=EstadoActividad.HECHA, salud=Salud.AMBAR)
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(a.get_absolute_url()).content.decode()
    assert "Ámbar: en riesgo" not in _estado(pagina)
    # The progress form offers green for it, as saving would store.
    assert '<option value="verde" selected>' in pagina
    lista = cliente.get(URL).content.decode()
    fila = lista[lista.index(f'id="actividad-{a.pk}"') :]
    assert "Ámbar" not in fila[: fila.index("</tr>")]
