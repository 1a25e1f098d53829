"""Stored XSS: a script typed into any free-text field is shown as text on every page.

The scenario (conftest._construir) prefixes every name, title, description, summary, body,
note... of every record with a payload (a direct UPDATE, as a careless import or the admin could
leave it). test_matriz_urls then checks every answer of every URL, for every role, for the payload
as live markup; here, that the payload really is in place and a few pages where it matters most.
"""

import pytest
from django.urls import reverse

from .conftest import VIVA

pytestmark = pytest.mark.django_db


def test_la_carga_llega_a_los_campos_de_texto(escenario):
    for campo in ("actores.Actor.nombre", "comunicacion.Noticia.titulo", "pactos.Pacto.titulo"):
        assert campo in escenario.sembrados
    assert len(escenario.sembrados) > 30


@pytest.mark.parametrize(
    ("rol", "nombre", "kwargs", "visible"),
    [
        ("anonimo", "actores:participantes", lambda o: {}, lambda o: o.publico.nombre),
        ("anonimo", "comunicacion:noticia", lambda o: {"slug": o.noticia.slug}, None),
        ("anonimo", "comunicacion:noticias_rss", lambda o: {}, None),
        ("anonimo", "pactos:pacto_publico", lambda o: {"slug": o.pacto.slug}, None),
        ("coordinacion", "actores:detalle", lambda o: {"pk": o.privado.pk}, None),
        ("coordinacion", "pactos:hoja_de_ruta", lambda o: {}, None),
    ],
)
def test_la_carga_se_ve_como_texto(rol, nombre, kwargs, visible, cliente_rol, escenario):
    respuesta = cliente_rol(rol).get(reverse(nombre, kwargs=kwargs(escenario)))
    assert respuesta.status_code == 200
    cuerpo = respuesta.content.decode()
    assert VIVA not in cuerpo
    assert "&lt;svg onload=alert(1)&gt;" in cuerpo  # shown, escaped, not dropped
