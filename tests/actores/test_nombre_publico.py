"""The one rule for a person's name in public (actores.selectors.nombre_publico), and where the
staff record the consent to be named: the actor form and the actor page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from actores.selectors import (
    actores_para_publicar,
    nombre_publico,
    nombres_publicos,
    personas_sin_consentimiento_de_nombre,
)
from tests.factories import ActorFactory
from tests.personas_publicas import (
    CONSIENTE,
    ORGANIZACION,
    ORGANIZACION_DE_RESERVADO,
    crear_personas,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas():
    return crear_personas()


def test_regla_del_nombre_publico(personas):
    p = personas
    # (actor, organisation they acted for, what the public reads)
    casos = [
        (p.consiente, None, CONSIENTE),
        (p.consiente, p.organizacion, CONSIENTE),
        (p.reservado, p.organizacion, ORGANIZACION),  # the one they attended for, first
        (p.reservado, None, ORGANIZACION_DE_RESERVADO),  # else their membership
        (p.sin_organizacion, None, "Participante"),
        (p.sin_organizacion, p.organizacion, ORGANIZACION),
        (p.organizacion, None, ORGANIZACION),  # organisations are always named
        (None, None, ""),
    ]
    for actor, organizacion, esperado in casos:
        assert nombre_publico(actor=actor, organizacion=organizacion) == esperado, (
            actor,
            organizacion,
        )
    with translation.override("en"):
        assert nombre_publico(actor=p.sin_organizacion) == "Participant"


def test_consentimiento_de_datos_no_basta_para_nombrar(personas):
    assert personas.reservado.consentimiento_datos
    assert not personas.reservado.consentimiento_nombre_publico
    assert set(personas_sin_consentimiento_de_nombre()) == {
        personas.reservado,
        personas.sin_organizacion,
    }


def test_lista_de_nombres_en_una_consulta_y_sin_repetir(personas):
    ActorFactory.create_batch(5, persona=True)  # no consent to be named, no organisation
    with CaptureQueriesContext(connection) as consultas:
        actores = list(actores_para_publicar().order_by("pk"))
        nombres = nombres_publicos(actores=actores)
    assert len(consultas.captured_queries) == 1
    assert nombres == [ORGANIZACION, ORGANIZACION_DE_RESERVADO, CONSIENTE, "Participante"]


def test_ficha_y_formulario_registran_el_consentimiento(cliente_de, coordinadora, personas):
    actor = personas.sin_organizacion
    cliente = cliente_de(coordinadora)
    ficha = cliente.get(actor.get_absolute_url()).content.decode()
    assert "No aceptó: en las páginas públicas" in ficha

    url = reverse("actores:editar", args=[actor.pk])
    formulario = cliente.get(url)
    assert 'name="consentimiento_nombre_publico"' in formulario.content.decode()
    assert "que su nombre aparezca en las publicaciones del portal" in formulario.content.decode()
    datos = {
        k: v
        for k, v in formulario.context["form"].initial.items()
        if v not in (None, False) and k not in ("ejes", "sectores")
    }
    datos.update(consentimiento_nombre_publico="on", activo="on")
    assert cliente.post(url, datos).status_code == 302
    actor.refresh_from_db()
    assert actor.consentimiento_nombre_publico
    assert "Aceptó que su nombre aparezca" in cliente.get(actor.get_absolute_url()).content.decode()
    # the history keeps who changed it and when
    assert actor.history.first().consentimiento_nombre_publico
    assert not actor.history.last().consentimiento_nombre_publico
