"""An actor's page as each visitor meets it: the checks are core.vistas' (regla_admite_anonimos)."""

import pytest
from django.urls import reverse

from actores.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def publica(crear_actor):
    return crear_actor(nombre="Asociación Flores de Cayambe", visible_publico=True)


@pytest.fixture
def privada(crear_actor):
    return crear_actor(nombre="Red Interna de Riego", visible_publico=False)


def _url(actor) -> str:
    return reverse("actores:detalle", kwargs={"pk": actor.pk})


def _plantillas(respuesta) -> set[str]:
    return {t.name for t in respuesta.templates}


def test_un_visitante_anonimo_ve_la_ficha_publica_de_una_organizacion_publica(client, publica):
    respuesta = client.get(_url(publica))
    assert respuesta.status_code == 200
    assert _plantillas(respuesta) >= {"actores/publico_detalle.html"}
    assert "actores/detalle.html" not in _plantillas(respuesta)
    assert "Asociación Flores de Cayambe" in respuesta.text


def test_a_un_visitante_anonimo_se_le_pide_entrar_para_un_actor_que_no_es_publico(client, privada):
    url = _url(privada)
    respuesta = client.get(url)
    assert respuesta.status_code == 302
    assert respuesta["Location"] == f"{reverse('cuentas:login')}?next={url}"


def test_un_actor_que_no_existe_es_404_tambien_para_un_visitante_anonimo(client):
    ultimo = Actor.objects.order_by("pk").last()
    respuesta = client.get(
        reverse("actores:detalle", kwargs={"pk": (ultimo.pk if ultimo else 0) + 1})
    )
    assert respuesta.status_code == 404


def test_quien_entra_sin_rol_recibe_403_ante_un_actor_que_no_es_publico(
    cliente_de, sin_rol, privada
):
    assert cliente_de(sin_rol).get(_url(privada)).status_code == 403


def test_quien_entra_sin_rol_ve_la_ficha_publica(cliente_de, sin_rol, publica):
    respuesta = cliente_de(sin_rol).get(_url(publica))
    assert respuesta.status_code == 200
    assert _plantillas(respuesta) >= {"actores/publico_detalle.html"}
    assert "actores/detalle.html" not in _plantillas(respuesta)


def test_el_equipo_ve_el_registro_completo(cliente_de, coordinadora, privada):
    respuesta = cliente_de(coordinadora).get(_url(privada))
    assert respuesta.status_code == 200
    assert "actores/detalle.html" in _plantillas(respuesta)
    assert "Red Interna de Riego" in respuesta.text
