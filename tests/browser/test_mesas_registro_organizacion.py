"""Recording attendees one after another on a phone: each keeps only what the facilitator chose.

Found on the production-like stack: after an attendee was recorded with an organisation, the
draft kept in the phone (registro.js) was never forgotten and came back into the fresh form, so
the next person recorded without touching the select was stored as representing the previous
person's organisation (and shown by it in public when not consenting to be named).
"""

import pytest
from playwright.sync_api import expect

from actores.models import Actor
from mesas import services
from mesas.models import Asistencia, Mesa
from tests.browser.mesas_pasos import entrar, facilitador_de, persona, sesion_en_curso
from tests.factories import ActorFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_la_organizacion_de_un_asistente_no_pasa_al_siguiente(page, live_server, django_user_model):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    rosa = persona("Rosa Elena", "Farinango")
    maria = persona("María", "Cacuango")
    ActorFactory(
        nombre="Asociación de Turismo de Olmedo", ambito=Actor.Ambito.PROVINCIAL, canton=None
    )
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa, maria])
    sesion = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Olmedo")

    entrar(page, live_server.url, f"/mesas/sesion/{sesion.pk}/")

    lista = page.locator("#seccion-asistencia .lista-asistentes")
    boton = page.locator("#seccion-asistencia").get_by_role("button", name="Registrar asistencia")
    page.select_option("#id_asistencia-actor", label="Rosa Elena Farinango")
    page.select_option("#id_asistencia-organizacion", label="Asociación de Turismo de Olmedo")
    boton.click()
    expect(lista).to_contain_text("Rosa Elena Farinango")

    # The fresh form asks again: the person select shows its prompt, the organisation is blank.
    expect(page.locator("#id_asistencia-actor option:checked")).to_have_text(
        "— Elija a la persona —"
    )
    expect(page.locator("#id_asistencia-organizacion")).to_have_value("")

    page.select_option("#id_asistencia-actor", label="María Cacuango")
    boton.click()
    expect(lista).to_contain_text("María Cacuango")
    expect(page.locator("#total-asistentes")).to_have_text("2")

    organizaciones = dict(
        Asistencia.objects.filter(sesion=sesion).values_list(
            "actor__nombre", "organizacion__nombre"
        )
    )
    assert organizaciones == {
        "Rosa Elena Farinango": "Asociación de Turismo de Olmedo",
        "María Cacuango": None,
    }
