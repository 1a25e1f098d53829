"""Recording attendees one after another on a phone: each keeps only what the facilitator chose.

Found on the production-like stack: after an attendee was recorded with an organisation, the
draft kept in the phone (registro.js) was never forgotten and came back into the fresh form, so
the next person recorded without touching the select was stored as representing the previous
person's organisation (and shown by it in public when not consenting to be named).
"""

import datetime
import re

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from actores.models import Actor
from actores.services import actor_crear
from core.roles import Rol
from mesas import services
from mesas.models import Asistencia, Mesa

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLAVE = "clave-del-navegador-123"


def _actor(**datos):
    return actor_crear(
        usuario=None,
        datos={
            "tipo": Actor.Tipo.COMUNITARIO,
            "ambito": Actor.Ambito.PROVINCIAL,
            **datos,
        },
    )


def test_la_organizacion_de_un_asistente_no_pasa_al_siguiente(page, live_server, django_user_model):
    facilitador = django_user_model.objects.create(
        username="facilitador", password=make_password(CLAVE)
    )
    facilitador.groups.add(Group.objects.get_or_create(name=Rol.FACILITACION)[0])
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    mesa.facilitadores.add(facilitador)
    persona = {"naturaleza": Actor.Naturaleza.PERSONA, "genero": "mujer"}
    rosa = _actor(nombres="Rosa Elena", apellidos="Farinango", **persona)
    maria = _actor(nombres="María", apellidos="Cacuango", **persona)
    _actor(naturaleza=Actor.Naturaleza.ORGANIZACION, nombre="Asociación de Turismo de Olmedo")
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa, maria])
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=timezone.now() - datetime.timedelta(hours=1),
        lugar="Casa comunal de Olmedo",
        por=facilitador,
    )

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/cuentas/login/?next=/mesas/sesion/{sesion.pk}/")
    formulario = page.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill("facilitador")
    formulario.locator("input[name=password]").fill(CLAVE)
    formulario.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/mesas/sesion/{sesion.pk}/"))

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
