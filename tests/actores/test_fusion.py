"""Duplicate detection and the merge: every relation, membership, history and participation is kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actores.models import Actor, CambioPosicion, Membresia, Relacion
from actores.services import actores_fusionar, membresia_crear, relacion_crear
from tests.factories import ActorFactory


@pytest.fixture
def duplicados(crear_actor, coordinadora):
    conservar = crear_actor(nombre="Junta de Riego El Pisque", email="", identificacion="")
    duplicado = crear_actor(nombre="JUNTA DE RIEGO  el Pisque", email="pisque@example.org")
    aliado = crear_actor(nombre="Asociación Aliada")
    financiador = crear_actor(nombre="Cooperación Financiadora")
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA)
    relacion_crear(origen=duplicado, destino=aliado, tipo="aliado", usuario=coordinadora)
    relacion_crear(origen=financiador, destino=duplicado, tipo="financia", usuario=coordinadora)
    relacion_crear(
        origen=financiador, destino=conservar, tipo="financia", usuario=coordinadora
    )  # will collide
    relacion_crear(
        origen=conservar, destino=duplicado, tipo="coordina", usuario=coordinadora
    )  # becomes a self-loop
    membresia_crear(
        persona=persona, organizacion=duplicado, usuario=coordinadora, cargo="Presidenta"
    )
    return conservar, duplicado, aliado, financiador, persona


def test_fusion_conserva_relaciones_y_membresias(duplicados, coordinadora):
    conservar, duplicado, aliado, financiador, persona = duplicados
    dup_pk = duplicado.pk
    actores_fusionar(conservar=conservar, duplicado=duplicado, usuario=coordinadora)
    assert not Actor.objects.filter(pk=dup_pk).exists()
    assert Relacion.objects.filter(origen=conservar, destino=aliado, tipo="aliado").exists()
    assert (
        Relacion.objects.filter(origen=financiador, destino=conservar, tipo="financia").count() == 1
    )
    assert not Relacion.objects.filter(origen=conservar, destino=conservar).exists()
    assert Membresia.objects.get(persona=persona).organizacion == conservar
    assert Relacion.objects.filter(origen=persona, destino=conservar, tipo="miembro_de").exists()
    assert (
        CambioPosicion.objects.filter(actor=conservar).count() == 2
    )  # its own and the duplicate's
    conservar.refresh_from_db()
    assert conservar.email == "pisque@example.org"  # empty field filled from the duplicate
    assert conservar.identificacion
    assert conservar.history.first().history_change_reason.startswith("Fusión")


def test_fusion_mueve_participaciones_de_apps_superiores(coordinadora):
    """Attendances (mesas), signatures (pactos) and guest-list rows (eventos) of the duplicate
    point at the surviving actor afterwards, without actores importing those apps."""
    from eventos.models import Evento, Invitado
    from mesas.models import Asistencia, Mesa, Sesion
    from pactos.models import Firmante, Pacto
    from sie.models import Eje

    conservar = ActorFactory(nombre="Cooperativa El Pisque")
    duplicado = ActorFactory(nombre="COOPERATIVA el Pisque")
    persona = ActorFactory(persona=True)
    inicio = timezone.now()
    sesion = Sesion.objects.create(
        mesa=Mesa.objects.get(slug="turismo-cayambe"), numero=1, inicio=inicio
    )
    asistencia = Asistencia.objects.create(sesion=sesion, actor=duplicado)
    representacion = Asistencia.objects.create(sesion=sesion, actor=persona, organizacion=duplicado)
    pacto = Pacto.objects.create(eje=Eje.objects.first(), titulo="Pacto de prueba", slug="prueba")
    firmante = Firmante.objects.create(
        pacto=pacto, organizacion=duplicado, persona="Rosa Quishpe", fecha=inicio.date()
    )
    evento = Evento.objects.create(
        titulo="Encuentro",
        slug="encuentro",
        inicio=inicio,
        fin=inicio + timedelta(hours=2),
        institucion_organizadora="Gobierno Provincial de Pichincha",
    )
    invitado = Invitado.objects.create(evento=evento, actor=duplicado, nombre="Cooperativa")

    actores_fusionar(conservar=conservar, duplicado=duplicado, usuario=coordinadora)

    assert not Actor.objects.filter(pk=duplicado.pk).exists()
    asistencia.refresh_from_db()
    representacion.refresh_from_db()
    firmante.refresh_from_db()
    invitado.refresh_from_db()
    assert asistencia.actor == conservar
    assert representacion.organizacion == conservar
    assert firmante.organizacion == conservar
    assert invitado.actor == conservar


def test_fusion_de_naturalezas_distintas_se_rechaza(crear_actor, coordinadora):
    from django.core.exceptions import ValidationError

    org = crear_actor()
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA)
    with pytest.raises(ValidationError):
        actores_fusionar(conservar=org, duplicado=persona, usuario=coordinadora)


def test_pagina_de_duplicados_y_fusion_web(duplicados, cliente_de, coordinadora, facilitador):
    conservar, duplicado = duplicados[:2]
    cliente = cliente_de(coordinadora)
    texto = cliente.get(reverse("actores:duplicados")).content.decode()
    assert "Mismo nombre" in texto and "Junta de Riego El Pisque" in texto
    respuesta = cliente.post(
        reverse("actores:fusionar"), {"conservar": conservar.pk, "duplicado": duplicado.pk}
    )
    assert respuesta.status_code == 302
    assert not Actor.objects.filter(pk=duplicado.pk).exists()
    assert cliente_de(facilitador).get(reverse("actores:duplicados")).status_code == 403
