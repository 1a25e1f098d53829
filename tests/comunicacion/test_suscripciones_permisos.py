"""Role × view table of the messages workflow and subscriptions: staff pages for Comunicación and
Coordinación (and the superuser), public pages for everyone, and actions denied by the services."""

import pytest
from django.urls import reverse

from comunicacion.models import Mensaje
from tests.ayudas_roles import CON_CUENTA, ROLES

pytestmark = pytest.mark.django_db

GESTIONAN = {"coordinacion", "comunicacion", "administracion"}


def _personal(mensaje):
    return [
        reverse("comunicacion:bandeja"),
        reverse("comunicacion:bandeja") + "?estado=vencidos",
        reverse("comunicacion:mensaje", args=[mensaje.pk]),
        reverse("comunicacion:suscripciones_gestion"),
    ]


@pytest.mark.parametrize("rol", CON_CUENTA)
def test_tabla_de_las_vistas_del_equipo(rol, usuarios_por_rol, cliente_de, mensaje):
    cliente = cliente_de(usuarios_por_rol[rol])
    esperado = 200 if rol in GESTIONAN else 403
    for url in _personal(mensaje):
        assert cliente.get(url).status_code == esperado, (rol, url)


@pytest.mark.parametrize("rol", CON_CUENTA)
def test_tabla_de_las_acciones_sobre_un_mensaje(
    rol, usuarios_por_rol, cliente_de, mensaje, comunicador
):
    cliente = cliente_de(usuarios_por_rol[rol])
    asignar = reverse("comunicacion:mensaje_asignar", args=[mensaje.pk])
    cliente.post(asignar, {"asignado_a": comunicador.pk})
    cliente.post(reverse("comunicacion:mensaje_anotar", args=[mensaje.pk]), {"texto": "Nota"})
    mensaje.refresh_from_db()
    puede = rol in GESTIONAN
    assert (mensaje.estado == Mensaje.Estado.ASIGNADO) is puede
    assert mensaje.notas.filter(texto="Nota").exists() is puede


def test_anonimo_va_a_iniciar_sesion(client, mensaje):
    for url in _personal(mensaje):
        respuesta = client.get(url)
        assert respuesta.status_code == 302 and "next=" in respuesta["Location"], url


@pytest.mark.parametrize("rol", ROLES)
def test_las_paginas_publicas_abren_para_todos(
    rol, usuarios_por_rol, cliente_de, paginas_de_suscripcion
):
    from comunicacion.models import Suscripcion

    suscripcion = Suscripcion.objects.create(email="x@example.org", tipo="noticias")
    cliente = cliente_de(usuarios_por_rol[rol])
    for url in [reverse("comunicacion:seguimiento"), *paginas_de_suscripcion(suscripcion)]:
        assert cliente.get(url).status_code == 200, (rol, url)
