"""Three people for the consent-to-be-named tests, and the check every public answer must pass.

- CONSIENTE accepted being named in public: her name appears.
- RESERVADO gave data consent (contact) but not to be named; he belongs to an organisation.
- SIN_ORGANIZACION gave no consent at all and belongs to no organisation: "Participante".
"""

from dataclasses import dataclass
from datetime import date

from actores.models import Actor
from actores.services import actor_actualizar, membresia_crear
from tests.pasos import organizacion_comunitaria, persona_comunitaria

CONSIENTE = "Rosa Elvira Farinango Lema"
RESERVADO = "Segundo Aurelio Quilumbaquín Tupiza"
SIN_ORGANIZACION = "Lucía Mercedes Tipán Ulcuango"
ORGANIZACION = "Asociación de Turismo Comunitario Kayambi"
ORGANIZACION_DE_RESERVADO = "Cooperativa Agrícola Nueva Esperanza"
# What must never be in a public answer: each non-consenting person's surnames (a full name can be
# split across lines in a PDF, and a page may shorten it).
OCULTOS = ("Quilumbaquín", "Quilumbaqu", "Tupiza", "Tipán", "Ulcuango")


@dataclass
class Personas:
    consiente: Actor
    reservado: Actor
    sin_organizacion: Actor
    organizacion: Actor
    organizacion_de_reservado: Actor


def persona(nombres, apellidos, genero=Actor.Genero.MUJER, **extra) -> Actor:
    return persona_comunitaria(nombres, apellidos, genero, **extra)


def crear_personas() -> Personas:
    organizacion = organizacion_comunitaria(ORGANIZACION)
    otra = organizacion_comunitaria(ORGANIZACION_DE_RESERVADO)
    consiente = persona("Rosa Elvira", "Farinango Lema", consentimiento_nombre_publico=True)
    reservado = persona(
        "Segundo Aurelio",
        "Quilumbaquín Tupiza",
        genero=Actor.Genero.HOMBRE,
        consentimiento_datos=True,
        consentimiento_fecha=date(2026, 3, 1),
        consentimiento_finalidad="Convocatorias de la mesa",
    )
    membresia_crear(persona=reservado, organizacion=otra, usuario=None, cargo="Socio")
    sin_organizacion = persona("Lucía Mercedes", "Tipán Ulcuango")
    return Personas(consiente, reservado, sin_organizacion, organizacion, otra)


def sin_nombres_ocultos(texto: str, donde: str) -> None:
    for oculto in OCULTOS:
        assert oculto not in texto, f"{donde} nombra a quien no lo autorizó ({oculto})"


def nombra_a_todos(texto: str, donde: str) -> None:
    """What the staff read (and the acta for signature) names everybody."""
    for nombre in (CONSIENTE, RESERVADO, SIN_ORGANIZACION):
        assert nombre in texto, f"{donde} no nombra a {nombre}"


def retirar_consentimiento(actor: Actor, usuario) -> Actor:
    """The staff record, through actores' service, that actor no longer agrees to be named."""
    return actor_actualizar(
        actor=actor, usuario=usuario, datos={"consentimiento_nombre_publico": False}
    )
