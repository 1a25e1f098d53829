"""Steps shared by the browser journeys of a table's session: its facilitator, logging in on the
phone and the session being held."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from actores.models import Actor
from core.roles import Rol
from mesas import services
from mesas.models import Mesa, Sesion
from tests.browser import navegador
from tests.browser.navegador import cuenta
from tests.factories import ActorFactory

TELEFONO = {"width": 390, "height": 844}


def facilitador_de(mesa: Mesa, django_user_model, **datos):
    usuario = cuenta(django_user_model, "facilitador", Rol.FACILITACION, **datos)
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
    navegador.entrar(page, base + ruta, usuario, re.escape(ruta))
    if page.locator("script[data-sw]").count():
        # the page keeps itself for use without signal once loaded: wait until it has, or a copy
        # kept later (after a correction) could answer a slow reload with an older page
        expect(page.locator("html[data-sin-senal]")).to_have_count(1, timeout=20_000)
