"""Fixtures of the consultation tests: a draft tourism pacto with three commitments, put to public
consultation through the services. Imported by tests/comunicacion/test_consulta*.py."""

import datetime

import pytest
from django.utils import timezone

from comunicacion.services import consulta as srv
from sie.models import Canton, Eje
from tests.referencia import reponer_datos_de_referencia

DATOS_COMENTARIO = {
    "nombre": "Rosa Guamán",
    "email": "rosa@example.org",
    "tipo": "propuesta",
    "texto": "Señalética en los accesos a los balnearios del río Caoní.",
    "destino": "texto",
}


def _mesas():
    reponer_datos_de_referencia(mesas=True)


@pytest.fixture
def pacto_borrador(db, coordinadora):
    from mesas.models import Acuerdo, Mesa, Sesion
    from pactos.services import pactos as pactos_srv

    _mesas()
    mesa = Mesa.objects.filter(tipo="turismo", canton__codigo="1709").first()
    sesion = Sesion.objects.create(
        mesa=mesa,
        numero=1,
        inicio=timezone.now() - datetime.timedelta(days=30),
        lugar="Casa comunal de Puerto Quito",
    )
    acuerdos = [
        Acuerdo.objects.create(sesion=sesion, numero=n, texto=texto)
        for n, texto in enumerate(
            ["Ruta del noroccidente", "Talleres de guianza", "Turismo comunitario"], start=1
        )
    ]
    pacto = pactos_srv.pacto_crear(
        eje=Eje.objects.get(codigo="turismo"),
        titulo="Pacto de turismo del noroccidente",
        usuario=coordinadora,
        preambulo="Los cantones del noroccidente comparten ríos y bosques.",
        estrategia="Una sola ruta turística con señalética común.",
        objetivos="Señalizar la ruta\nCapacitar guías",
    )
    for n, acuerdo in enumerate(acuerdos, start=1):
        pactos_srv.compromiso_consolidar(
            pacto=pacto,
            acuerdos=[acuerdo],
            titulo=f"Compromiso de prueba {n}",
            texto=f"Texto del compromiso {n}.",
            usuario=coordinadora,
        )
    return pacto


@pytest.fixture
def consulta(pacto_borrador, coordinadora):
    ahora = timezone.now()
    return srv.consulta_abrir(
        pacto=pacto_borrador,
        usuario=coordinadora,
        abre=ahora - datetime.timedelta(days=1),
        cierra=ahora + datetime.timedelta(days=20),
        presentacion="Comente el borrador.",
    )


@pytest.fixture
def comentar(consulta):
    """comentar(**datos) -> a published comment (received and confirmed through the services)."""

    def crear(confirmar=True, **extra):
        datos = {**DATOS_COMENTARIO, "canton": Canton.objects.get(codigo="1709"), **extra}
        comentario = srv.comentario_recibir(consulta=consulta, datos=datos, enviar=False)
        if confirmar:
            comentario = srv.comentario_confirmar(token=srv.comentario_token(comentario=comentario))
        return comentario

    return crear
