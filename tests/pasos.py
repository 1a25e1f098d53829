"""Steps several tests share: people created as staff create them (through actores' service)."""

from actores.models import Actor
from actores.services import actor_crear


def persona_comunitaria(nombres: str, apellidos: str, genero: str, **datos) -> Actor:
    """A community member of provincial scope, as a facilitator registers one; datos adds fields
    (an e-mail address, a canton)."""
    return actor_crear(
        usuario=None,
        datos={
            "naturaleza": Actor.Naturaleza.PERSONA,
            "nombres": nombres,
            "apellidos": apellidos,
            "genero": genero,
            "tipo": Actor.Tipo.COMUNITARIO,
            "ambito": Actor.Ambito.PROVINCIAL,
            **datos,
        },
    )
