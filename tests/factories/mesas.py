"""Sessions of the tables (the 13 tables themselves come with every install, by migration)."""

import datetime

import factory
from django.db.models import Max
from django.utils import timezone

from mesas.models import Asistencia, Mesa, Sesion

from .actores import ActorFactory


def mesa_de(slug: str = "turismo-cayambe") -> Mesa:
    return Mesa.objects.get(slug=slug)


class SesionFactory(factory.django.DjangoModelFactory):
    """A planned, in-person session of Cayambe's table tomorrow, numbered after the last one."""

    class Meta:
        model = Sesion

    class Params:
        dias = 1  # from now to its start

    mesa = factory.LazyFunction(mesa_de)
    numero = factory.LazyAttribute(
        lambda o: (o.mesa.sesiones.aggregate(m=Max("numero"))["m"] or 0) + 1
    )
    inicio = factory.LazyAttribute(
        lambda o: (timezone.now() + datetime.timedelta(days=o.dias)).replace(microsecond=0)
    )
    modalidad = Sesion.Modalidad.PRESENCIAL
    lugar = "Casa comunal"


class AsistenciaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Asistencia

    sesion = factory.SubFactory(SesionFactory)
    actor = factory.SubFactory(ActorFactory, persona=True)


def paginas_sin_senal_en_cada_estado(facilitador) -> list[str]:
    """The offline pages as `facilitador` meets them, in each state: a session open with people,
    the same choosing whom to invite, one closed, one cancelled (all of Cayambe's tourism table,
    which they now facilitate), and "Mis mesas"."""
    from mesas import services

    mesa = mesa_de("turismo-cayambe")
    mesa.facilitadores.add(facilitador)
    abierta = SesionFactory(mesa=mesa, dias=0)
    AsistenciaFactory(sesion=abierta, actor=ActorFactory(persona=True))
    cerrada = SesionFactory(mesa=mesa, dias=-3)
    AsistenciaFactory(sesion=cerrada, actor=ActorFactory(persona=True))
    services.sesion_cerrar(sesion=cerrada, version=cerrada.version, usuario=facilitador)
    cancelada = SesionFactory(mesa=mesa, dias=5)
    services.sesion_cancelar(
        sesion=cancelada, version=cancelada.version, motivo="Lluvias", usuario=facilitador
    )
    return [
        f"/mesas/sesion/{abierta.pk}/",
        f"/mesas/sesion/{abierta.pk}/?convocar=1",
        f"/mesas/sesion/{cerrada.pk}/",
        f"/mesas/sesion/{cancelada.pk}/",
        "/mesas/mis-mesas/",
    ]
