"""Pactos and their commitments."""

import factory
from django.db.models import Max

from pactos.models import Compromiso, Pacto
from sie.models import Eje


class PactoFactory(factory.django.DjangoModelFactory):
    """A provincial tourism pacto in draft (the services move it along its states)."""

    class Meta:
        model = Pacto

    eje = factory.LazyFunction(lambda: Eje.objects.get(codigo="turismo"))
    titulo = factory.Sequence(lambda n: f"Pacto de prueba {n}")
    slug = factory.Sequence(lambda n: f"pacto-de-prueba-{n}")
    alcance = Pacto.Alcance.PROVINCIAL


def _siguiente_numero(compromiso) -> int:
    return (compromiso.pacto.compromisos.aggregate(m=Max("numero"))["m"] or 0) + 1


class CompromisoFactory(factory.django.DjangoModelFactory):
    """The next numbered commitment of a pacto; `acuerdos` and `socios` link existing rows."""

    class Meta:
        model = Compromiso
        skip_postgeneration_save = True

    pacto = factory.SubFactory(PactoFactory)
    numero = factory.LazyAttribute(_siguiente_numero)
    titulo = factory.Sequence(lambda n: f"Compromiso de prueba {n}")
    texto = "Texto del compromiso."

    @factory.post_generation
    def acuerdos(self, create, extraidos, **kwargs):
        if create and extraidos:
            self.acuerdos.add(*extraidos)

    @factory.post_generation
    def socios(self, create, extraidos, **kwargs):
        if create and extraidos:
            self.socios.add(*extraidos)
