"""Steps several tests share: people and sessions created as staff create them (through the
actores and mesas services)."""

import datetime

from django.utils import timezone

from actores.models import Actor
from actores.services import actor_crear
from mesas import services as mesas_services
from mesas.models import Mesa, Sesion

# What a facilitator registers most people and organisations as.
COMUNITARIO_PROVINCIAL = {"tipo": Actor.Tipo.COMUNITARIO, "ambito": Actor.Ambito.PROVINCIAL}


def persona_comunitaria(nombres: str, apellidos: str, genero: str, **datos) -> Actor:
    """A community member of provincial scope, as a facilitator registers one; datos adds fields
    (an e-mail address, a canton)."""
    persona = {
        "naturaleza": Actor.Naturaleza.PERSONA,
        "nombres": nombres,
        "apellidos": apellidos,
        "genero": genero,
    }
    return actor_crear(usuario=None, datos={**COMUNITARIO_PROVINCIAL, **persona, **datos})


def organizacion_comunitaria(nombre: str, **datos) -> Actor:
    """A community organisation of provincial scope; datos adds fields (an e-mail address)."""
    organizacion = {"naturaleza": Actor.Naturaleza.ORGANIZACION, "nombre": nombre}
    return actor_crear(usuario=None, datos={**COMUNITARIO_PROVINCIAL, **organizacion, **datos})


def sesion_programada(dentro_de: datetime.timedelta, lugar: str, usuario=None) -> Sesion:
    """An in-person session of Cayambe's tourism table that starts dentro_de from now."""
    return mesas_services.sesion_crear(
        mesa=Mesa.objects.get(slug="turismo-cayambe"),
        inicio=(timezone.now() + dentro_de).replace(microsecond=0),
        modalidad="presencial",
        lugar=lugar,
        usuario=usuario,
    )
