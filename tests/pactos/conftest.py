"""Fixtures of pactos' tests: tables' agreements, organisations and pactos in each state."""

import datetime

import pytest
from django.utils import timezone

from actores.models import Actor
from mesas.models import Acuerdo, Mesa, Sesion
from pactos.models import Pacto
from pactos.services import pactos as srv
from sie.models import Eje
from tests.factories import ActorFactory


@pytest.fixture
def eje_turismo(db):
    return Eje.objects.get(codigo="turismo")


@pytest.fixture
def crear_organizacion(db):
    def crear(nombre: str, **extra) -> Actor:
        return ActorFactory(
            sin_contacto=True,
            nombre=nombre,
            tipo=Actor.Tipo.PUBLICO,
            ambito=Actor.Ambito.PROVINCIAL,
            email=f"{nombre.lower().replace(' ', '')[:20]}@secreto.example.org",
            **extra,
        )

    return crear


@pytest.fixture
def organizacion(crear_organizacion):
    return crear_organizacion("Cámara de Turismo de Cayambe")


def _sesion(mesa: Mesa, numero: int, dias: int = 30) -> Sesion:
    return Sesion.objects.create(
        mesa=mesa,
        numero=numero,
        inicio=timezone.now() - datetime.timedelta(days=dias),
        lugar="Casa comunal",
        estado=Sesion.Estado.CERRADA,
    )


@pytest.fixture
def acuerdos_turismo(db):
    """Three agreements in each of two cantonal tourism tables (Quito, Cayambe)."""
    acuerdos = []
    for orden, mesa in enumerate(Mesa.objects.filter(tipo="turismo").order_by("orden")[:2]):
        sesion = _sesion(mesa, 1, dias=40 - orden)
        for n, texto in enumerate(
            [
                "Señalizar las rutas de aviturismo",
                "Capacitar a guías locales en atención al visitante",
                "Crear una agenda cultural compartida",
            ],
            start=1,
        ):
            acuerdos.append(
                Acuerdo.objects.create(sesion=sesion, numero=n, texto=f"{texto} ({mesa.canton})")
            )
    return acuerdos


@pytest.fixture
def acuerdo_agro(db):
    mesa = Mesa.objects.filter(tipo="agropecuario").first()
    return Acuerdo.objects.create(sesion=_sesion(mesa, 1), numero=1, texto="Riego tecnificado")


@pytest.fixture
def pacto_borrador(coordinadora, eje_turismo):
    return srv.pacto_crear(
        eje=eje_turismo,
        titulo="Estrategia provincial de turismo",
        usuario=coordinadora,
        preambulo="Las ocho mesas cantonales acuerdan.",
        estrategia="Turismo sostenible y comunitario.",
        objetivos="Más visitantes\nMejor empleo",
    )


@pytest.fixture
def llevar_a(coordinadora, organizacion):
    """Move a pacto up to the wanted state through the services."""

    def llevar(pacto: Pacto, estado: str) -> Pacto:
        orden = ["borrador", "consulta", "acordado", "firmado", "publicado"]
        if not pacto.compromisos.exists():
            raise AssertionError("el pacto necesita compromisos")
        for siguiente in orden[orden.index(pacto.estado) + 1 : orden.index(estado) + 1]:
            if siguiente == "firmado":
                if not pacto.firmantes.exists():
                    srv.firmante_agregar(
                        pacto=pacto,
                        organizacion=organizacion,
                        persona="Ana Pérez",
                        cargo="Presidenta",
                        fecha=timezone.localdate(),
                    )
                pacto.compromisos.filter(lider__isnull=True).update(lider=organizacion)
            pacto = srv.pacto_cambiar_estado(pacto=pacto, estado=siguiente, usuario=coordinadora)
        return pacto

    return llevar


@pytest.fixture
def compromiso(pacto_borrador, acuerdos_turismo, coordinadora, organizacion):
    return srv.compromiso_consolidar(
        pacto=pacto_borrador,
        acuerdos=acuerdos_turismo[:1] + acuerdos_turismo[3:4],
        titulo="Rutas de aviturismo señalizadas",
        texto="Señalizar las rutas de aviturismo de Quito y Cayambe.",
        usuario=coordinadora,
        lider=organizacion,
    )


@pytest.fixture
def pacto_publicado(compromiso, llevar_a):
    return llevar_a(compromiso.pacto, "publicado")


@pytest.fixture
def responsable(crear_usuario, organizacion):
    user = crear_usuario("responsable")
    srv.contacto_responsable_asignar(usuario=user, actor=organizacion)
    return user


@pytest.fixture(autouse=True)
def claves_rapidas_pactos(settings):
    """Users are created with a fast hasher: PBKDF2 costs about a second per user here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
