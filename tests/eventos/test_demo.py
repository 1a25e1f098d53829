"""Demo content: the launch held and systematized, the socialization with every guest state."""

import pytest
from django.core import mail

from actores.demo import registrar_demo as demo_actores
from core.demo import cuentas_demo_crear
from eventos.demo import LANZAMIENTO, SOCIALIZACION, cargar_demo
from eventos.models import Evento, Invitado

pytestmark = pytest.mark.django_db


def test_demo_de_eventos(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    usuarios = cuentas_demo_crear(password="clave-demo-larga-123")
    demo_actores(usuarios=usuarios, salida=None)
    resultado = cargar_demo(usuarios=usuarios)
    assert LANZAMIENTO in resultado
    assert cargar_demo(usuarios=usuarios) == "ya estaban cargados"
    assert not mail.outbox  # demo data never writes to anyone

    lanzamiento = Evento.objects.get(titulo=LANZAMIENTO)
    assert lanzamiento.estado == Evento.Estado.SISTEMATIZADO
    assert lanzamiento.invitados.filter(asistio=True).count() >= 10
    assert lanzamiento.invitados.filter(origen=Invitado.Origen.SIN_INVITACION).count() == 3
    assert lanzamiento.sesiones.count() == 6 and lanzamiento.sistematizacion.resumen

    socializacion = Evento.objects.get(titulo=SOCIALIZACION)
    assert socializacion.estado == Evento.Estado.INVITACIONES
    estados = set(socializacion.invitados.values_list("estado", flat=True))
    assert estados == {e.value for e in Invitado.Estado}
    assert socializacion.invitados.filter(estado="confirmado").count() == socializacion.capacidad
