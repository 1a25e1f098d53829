"""Actors of the map."""

import factory
from stdnum.ec import ruc as stdnum_ruc

from actores.models import Actor
from actores.validadores import digito_verificador_cedula
from sie.models import Canton


def cedula_valida(n: int) -> str:
    return digito_verificador_cedula(f"17{n % 6}{n:06d}"[:9])


def ruc_sociedad_valido(n: int) -> str:
    """A company RUC that even passes the historical modulo-11 check (computed with stdnum)."""
    for k in range(10):
        base = f"179{n:05d}{k}"
        for d in "0123456789":
            if stdnum_ruc.is_valid(base + d + "001"):
                return base + d + "001"
    raise AssertionError(n)


class ActorFactory(factory.django.DjangoModelFactory):
    """An organisation in Cayambe with a valid RUC; `persona=True` gives a person instead;
    `sin_contacto=True`, one with no canton, e-mail, phone nor cédula/RUC."""

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    class Params:
        persona = factory.Trait(
            naturaleza=Actor.Naturaleza.PERSONA,
            nombre="",
            nombres=factory.Sequence(lambda n: f"Rosa {n}"),
            apellidos="Quishpe Farinango",
            identificacion=factory.Sequence(cedula_valida),
            email=factory.Sequence(lambda n: f"persona{n}@example.org"),
            telefono="0991234567",
            genero=Actor.Genero.MUJER,
        )
        sin_contacto = factory.Trait(canton=None, email="", telefono="", identificacion="")

    naturaleza = Actor.Naturaleza.ORGANIZACION
    nombre = factory.Sequence(lambda n: f"Organización de prueba {n}")
    tipo = Actor.Tipo.COMUNITARIO
    ambito = Actor.Ambito.CANTONAL
    canton = factory.LazyFunction(lambda: Canton.objects.get(codigo="1702"))
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    telefono = "+59322500000"
    identificacion = factory.Sequence(lambda n: ruc_sociedad_valido(n + 1))

    @factory.post_generation
    def ejes(self, create, extraidos, **kwargs):
        if create and extraidos:
            self.ejes.set(extraidos)

    @factory.post_generation
    def sectores(self, create, extraidos, **kwargs):
        if create and extraidos:
            self.sectores.set(extraidos)
