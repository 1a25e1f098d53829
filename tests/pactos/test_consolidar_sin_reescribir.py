"""Issue 17 item 4: consolidating without retyping, as the coordinator sees it. Choosing agreements
drafts the commitment; a refused submit keeps everything and names each field; an agreement
already used in another pacto says where."""

import re
from html import unescape

import pytest
from django.urls import reverse

from pactos.models import Compromiso
from pactos.services import pactos as srv

pytestmark = pytest.mark.django_db


def _valor(html: str, nombre: str) -> str:
    campo = re.search(rf'<input[^>]*name="{nombre}"[^>]*>', html)
    if campo:
        valor = re.search(r'value="([^"]*)"', campo.group(0))
        return unescape(valor.group(1)) if valor else ""
    area = re.search(rf'<textarea[^>]*name="{nombre}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return unescape(area.group(1))


def _casilla(html: str, acuerdo) -> str:
    inicio = html.index(f'id="acuerdo-{acuerdo.pk}"')
    return html[html.rindex("<input", 0, inicio) : html.index(">", inicio)]


def _lider_elegido(html: str, organizacion) -> bool:
    """Whether the form's leader select has `organizacion` selected."""
    lider = re.search(r'<select[^>]*name="lider".*?</select>', html, re.S).group(0)
    return bool(re.search(rf'<option value="{organizacion.pk}" selected>', lider))


def _enviar(cliente, accion: str, pacto, datos: dict):
    """The consolidation form of `pacto`, sent by one of its buttons (`accion`: a URL name)."""
    return cliente.post(reverse(f"pactos:{accion}", args=[pacto.pk]), datos)


def test_un_enlace_con_acuerdos_abre_el_compromiso_redactado(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo
):
    elegidos = [acuerdos_turismo[4], acuerdos_turismo[1]]
    url = reverse("pactos:consolidar", args=[pacto_borrador.pk])
    respuesta = cliente_de(coordinadora).get(
        url, {"acuerdos": [a.pk for a in elegidos] + ["x"], "estado": "pendiente"}
    )
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert all("checked" in _casilla(html, a) for a in elegidos)
    assert "checked" not in _casilla(html, acuerdos_turismo[0])
    # The title comes from the first in the page's order (Quito's table before Cayambe's).
    assert _valor(html, "titulo") == acuerdos_turismo[1].texto
    texto = _valor(html, "texto")
    assert texto.splitlines() == [
        f"- {acuerdos_turismo[1].texto} ({acuerdos_turismo[1].sesion.mesa.nombre}, sesión 1, "
        "acuerdo 2)",
        f"- {acuerdos_turismo[4].texto} ({acuerdos_turismo[4].sesion.mesa.nombre}, sesión 1, "
        "acuerdo 2)",
    ]
    # Going back after creating keeps the filters, not the ticks.
    assert _valor(html, "parametros") == "estado=pendiente"


def test_cada_casilla_lleva_la_propuesta_que_el_guion_usa(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo
):
    """The page's script joins the ticked rows' proposals; they are the server's own."""
    html = cliente_de(coordinadora).get(reverse("pactos:consolidar", args=[pacto_borrador.pk]))
    html = html.content.decode()
    casilla = _casilla(html, acuerdos_turismo[0])
    assert f'data-titulo="{acuerdos_turismo[0].texto}"' in unescape(casilla)
    assert "sesión 1, acuerdo 1)" in unescape(casilla)
    assert "pactos/consolidar.js" in html


def test_un_envio_rechazado_lo_conserva_todo_y_nombra_cada_campo(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo, organizacion
):
    cliente = cliente_de(coordinadora)
    elegidos = [acuerdos_turismo[0], acuerdos_turismo[3]]
    datos = {"acuerdos": [a.pk for a in elegidos], "titulo": "", "texto": ""}
    respuesta = _enviar(
        cliente,
        "compromiso_consolidar",
        pacto_borrador,
        {**datos, "lider": organizacion.pk, "parametros": "mesa=&q=rutas"},
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert "Este campo es requerido." not in html
    assert "Título del compromiso: Escriba el título del compromiso." in html
    assert "Texto del compromiso: Escriba el texto del compromiso." in html
    # Beside each field, and read with it.
    assert 'id="titulo-error"' in html and 'aria-describedby="titulo-error"' in html
    assert 'id="texto-error"' in html and 'aria-describedby="texto-error"' in html
    assert all("checked" in _casilla(html, a) for a in elegidos)
    assert _lider_elegido(html, organizacion)
    assert _valor(html, "parametros") == "mesa=&q=rutas"

    solo_texto = _enviar(
        cliente, "compromiso_consolidar", pacto_borrador, {**datos, "texto": "Rutas con señales."}
    )
    html = solo_texto.content.decode()
    assert _valor(html, "texto") == "Rutas con señales."
    assert "Escriba el texto del compromiso." not in html
    assert not Compromiso.objects.exists()


def test_un_acuerdo_usado_en_otro_pacto_dice_donde(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo, eje_turismo
):
    otro = srv.pacto_crear(eje=eje_turismo, titulo="Pacto de Cayambe", usuario=coordinadora)
    srv.compromiso_consolidar(
        pacto=otro, acuerdos=[acuerdos_turismo[5]], titulo="A", texto="A", usuario=coordinadora
    )
    tercero = srv.compromiso_consolidar(
        pacto=otro, acuerdos=[acuerdos_turismo[4]], titulo="B", texto="B", usuario=coordinadora
    )
    html = cliente_de(coordinadora).get(reverse("pactos:consolidar", args=[pacto_borrador.pk]))
    filas = html.content.decode().split("<tr")
    fila = next(f for f in filas if f'id="acuerdo-{acuerdos_turismo[4].pk}"' in f)
    assert "Ya está en el pacto Pacto de Cayambe, compromiso 2" in fila
    assert tercero.get_absolute_url() in fila
    assert "Pendiente" not in fila
    libre = next(f for f in filas if f'id="acuerdo-{acuerdos_turismo[0].pk}"' in f)
    assert "Pendiente" in libre and "Ya está" not in libre


def test_otra_accion_rechazada_conserva_lo_escrito_para_el_compromiso(
    cliente_de, coordinadora, pacto_borrador, acuerdos_turismo, organizacion
):
    """A discard refused (no reason) keeps the commitment's title, text and leader typed in the
    same form, and a refused commitment keeps the reason typed for a discard."""
    cliente = cliente_de(coordinadora)
    acuerdos = [acuerdos_turismo[0].pk]
    compromiso = {"titulo": "Rutas señalizadas", "texto": "Señalizar las rutas."}
    respuesta = _enviar(
        cliente,
        "acuerdos_descartar",
        pacto_borrador,
        {"acuerdos": acuerdos, **compromiso, "lider": organizacion.pk, "motivo": ""},
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert _valor(html, "titulo") == "Rutas señalizadas"
    assert _valor(html, "texto") == "Señalizar las rutas."
    assert _lider_elegido(html, organizacion)
    assert "Escriba el título del compromiso." not in html

    respuesta = _enviar(
        cliente,
        "compromiso_consolidar",
        pacto_borrador,
        {"acuerdos": acuerdos, "titulo": "", "texto": "", "motivo": "Repetido"},
    )
    assert _valor(respuesta.content.decode(), "motivo") == "Repetido"
