"""Issue 14 item 7: the dashboard's figures count each commitment once when a filter walks a
relation with several rows (partners): averages and sums were weighted by the partners."""

import re

import pytest
from django.urls import reverse

from pactos.models import Compromiso, Pacto

pytestmark = pytest.mark.django_db


def test_el_avance_medio_filtrado_por_responsable_pesa_cada_compromiso_una_vez(
    cliente_de, coordinadora, eje_turismo, crear_organizacion
):
    lider, socio_a, socio_b = (
        crear_organizacion(n) for n in ("Líder Uno", "Socia Dos", "Socia Tres")
    )
    pacto = Pacto.objects.create(eje=eje_turismo, titulo="Pacto", estado="firmado")
    con_socios = Compromiso.objects.create(
        pacto=pacto, numero=1, titulo="A", texto="A", lider=lider, avance=80, presupuesto=1000
    )
    con_socios.socios.add(socio_a, socio_b)
    Compromiso.objects.create(
        pacto=pacto, numero=2, titulo="B", texto="B", lider=lider, avance=20, presupuesto=500
    )
    html = (
        cliente_de(coordinadora)
        .get(reverse("pactos:tablero_compromisos"), {"responsable": lider.pk})
        .content.decode()
    )
    texto = re.sub(r"<[^>]+>", " ", html)
    texto = re.sub(r"\s+", " ", texto)
    assert "Avance medio 50 %" in texto
    assert f"{eje_turismo.nombre} 2 50 %" in texto  # "Por eje": count and average
    assert "Líder Uno 2 0 50 %" in texto  # "Por responsable": count, overdue, average
    assert re.search(r"Presupuesto \(USD\) 1[ .,\u00a0]?500", texto), texto[:3000]
