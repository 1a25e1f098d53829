"""Steps shared by the browser journeys of a table's session: its facilitator, logging in on the
phone and the session being held."""

import datetime
import re

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from actores.models import Actor
from core.roles import Rol
from mesas import services
from mesas.models import Mesa, Sesion
from tests.factories import ActorFactory

CLAVE = "clave-del-navegador-123"
TELEFONO = {"width": 390, "height": 844}


def facilitador_de(mesa: Mesa, django_user_model, **datos):
    usuario = django_user_model.objects.create(
        username="facilitador", password=make_password(CLAVE), **datos
    )
    usuario.groups.add(Group.objects.get_or_create(name=Rol.FACILITACION)[0])
    mesa.facilitadores.add(usuario)
    return usuario


def persona(nombres: str, apellidos: str, genero: str = "mujer") -> Actor:
    return ActorFactory(
        persona=True,
        nombres=nombres,
        apellidos=apellidos,
        genero=genero,
        ambito=Actor.Ambito.PROVINCIAL,
        canton=None,
    )


def sesion_en_curso(mesa: Mesa, facilitador, *, lugar: str) -> Sesion:
    """A session of the table that began an hour ago."""
    return services.sesion_crear(
        mesa=mesa,
        inicio=timezone.now() - datetime.timedelta(hours=1),
        lugar=lugar,
        usuario=facilitador,
    )


def entrar(page, base: str, ruta: str, *, usuario: str = "facilitador") -> None:
    """Open a staff page on a phone: sent to log in, then back on the page."""
    page.set_viewport_size(TELEFONO)
    page.goto(base + ruta)
    page.wait_for_url(re.compile(r"/cuentas/login/"))
    formulario = page.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill(usuario)
    formulario.locator("input[name=password]").fill(CLAVE)
    formulario.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(ruta)))
