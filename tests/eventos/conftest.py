"""Fixtures of the eventos tests: events built through the services, guests of every kind."""

from datetime import timedelta

import pytest
from django.utils import timezone

from actores.models import Actor
from eventos import services
from eventos.models import Evento
from sie.models import Parroquia
from tests.factories import ActorFactory
from tests.referencia import reponer_datos_de_referencia


@pytest.fixture(autouse=True)
def _datos_de_referencia(request):
    """A transactional test may have flushed the data migrations' rows: put them back."""
    if request.node.get_closest_marker("django_db"):
        reponer_datos_de_referencia()


@pytest.fixture
def parroquia(db):
    return Parroquia.objects.select_related("canton").get(canton__codigo="1703", nombre="Alóag")


def datos_evento(parroquia, **extra) -> dict:
    inicio = timezone.now() + timedelta(days=10)
    datos = {
        "tipo": Evento.Tipo.SOCIALIZACION,
        "titulo": "Socialización de resultados de los pactos",
        "resumen": "Compartimos los resultados de las mesas.",
        "inicio": inicio,
        "fin": inicio + timedelta(hours=4),
        "modalidad": Evento.Modalidad.PRESENCIAL,
        "lugar": "Auditorio del GAD de Mejía",
        "parroquia": parroquia,
        "direccion": "Av. Pablo Guarderas y Bolívar",
        "institucion_organizadora": "Gobierno Provincial de Pichincha",
        "acceso": Evento.Acceso.INVITACION,
        "publicado": True,
    }
    datos.update(extra)
    return datos


@pytest.fixture
def crear_evento(parroquia, coordinadora):
    def crear(**extra):
        return services.evento_crear(usuario=coordinadora, datos=datos_evento(parroquia, **extra))

    return crear


@pytest.fixture
def evento(crear_evento):
    return crear_evento()


@pytest.fixture
def crear_actor(db):
    def crear(**extra):
        datos = {"tipo": Actor.Tipo.PUBLICO, "ambito": Actor.Ambito.PROVINCIAL, "influencia": 3}
        return ActorFactory(persona=True, **{**datos, **extra})

    return crear


@pytest.fixture
def invitar(evento, coordinadora):
    """invitar(n) puts n guests with e-mail on the list, already invited (no answer yet)."""

    def invitar_(n: int, ev=None, **extra):
        ev = ev or evento
        creados = []
        for i in range(n):
            creados.append(
                services.invitado_agregar(
                    evento=ev,
                    usuario=coordinadora,
                    datos={
                        "nombre": f"Invitado {ev.pk}-{i}",
                        "email": f"i{ev.pk}-{i}@example.org",
                        **extra,
                    },
                )
            )
        services.invitaciones_despachar(evento_id=ev.pk)
        for invitado in creados:
            invitado.refresh_from_db()
        return creados

    return invitar_


@pytest.fixture
def dos_de_tres_asistieron(evento, invitar, coordinadora, settings, tmp_path):
    """Three guests invited to the event; the first two said yes and came (files to tmp_path)."""
    settings.MEDIA_ROOT = tmp_path
    invitados = invitar(3)
    for invitado in invitados[:2]:
        services.invitacion_responder(invitado=invitado, asiste=True)
        services.asistencia_registrar(invitado=invitado, usuario=coordinadora)
    return invitados


def ya_fue(evento) -> None:
    """The event took place: it began yesterday and ended 20 hours ago."""
    Evento.objects.filter(pk=evento.pk).update(
        inicio=timezone.now() - timedelta(days=1), fin=timezone.now() - timedelta(hours=20)
    )
    evento.refresh_from_db()


@pytest.fixture
def programar(evento, coordinadora):
    """programar(titulo, fin, ponentes=[...], moderadores=[...]) puts a session in the event's
    programme, from the event's start to fin."""

    def programar_(titulo: str, fin, **participantes):
        return services.sesion_guardar(
            evento=evento,
            usuario=coordinadora,
            datos={"titulo": titulo, "inicio": evento.inicio, "fin": fin},
            **participantes,
        )

    return programar_


@pytest.fixture(autouse=True)
def _hash_rapido(settings):
    # Users are created in almost every test; the production hasher costs a second each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _sin_limite_de_inscripciones():
    # The registration throttle counts per address in the cache (Redis keeps it between runs).
    from django.core.cache import cache

    cache.delete("eventos:inscripcion:127.0.0.1")
    yield
    cache.delete("eventos:inscripcion:127.0.0.1")
