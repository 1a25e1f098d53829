"""A table's public page stays the same size however many sessions it has."""

import datetime

import pytest
from django.utils import timezone

from mesas.models import Acuerdo, Mesa, Sesion
from tests.factories import SesionFactory

pytestmark = pytest.mark.django_db


def test_la_pagina_de_una_mesa_muestra_las_12_ultimas_sesiones_y_enlaza_las_anteriores(client):
    mesa = Mesa.objects.order_by("orden").first()
    inicio = timezone.now() - datetime.timedelta(days=400)
    for n in range(1, 16):
        sesion = SesionFactory(
            mesa=mesa,
            inicio=inicio + datetime.timedelta(days=7 * n),
            estado=Sesion.Estado.ACTA_PUBLICADA,
        )
        Acuerdo.objects.create(sesion=sesion, numero=1, texto=f"Acuerdo de la sesión {n}")
    html = client.get(f"/mesas/{mesa.slug}/").content.decode()
    assert "Acuerdo de la sesión 15" in html and "Acuerdo de la sesión 4" in html
    assert "Acuerdo de la sesión 3" not in html
    assert "?sesiones=2" in html and "Sesiones anteriores" in html

    anteriores = client.get(f"/mesas/{mesa.slug}/?sesiones=2").content.decode()
    assert "Acuerdo de la sesión 3" in anteriores
    assert "Acuerdo de la sesión 15" not in anteriores
    assert "Sesiones siguientes" in anteriores
