# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""The work queue on /panel/ (core.cola): what each role sees, counted against the data, with a
query count that stays flat from 1× to 10× the data, and the daily digest built from it."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comunicacion.models import Mensaje
from core.models import PreferenciasPanel
from core.services import resumenes_diarios_enviar
from mesas.models import Sesion
from pactos.models import AvancePropuesto, ContactoResponsable, Pacto
from sie.services import medicion_registrar
from tests.comunicacion._consulta import comentar, consulta, pacto_borrador  # noqa: F401
from tests.factories.actores import ActorFactory
from tests.factories.comunicacion import NoticiaFactory
from tests.factories.mesas import SesionFactory, mesa_de
from tests.factories.pactos import CompromisoFactory, PactoFactory
from tests.factories.sie import DatoMedicionFactory

pytestmark = pytest.mark.django_db


def _datos(k: int, *, facilitador, desde: int = 0) -> None:
    """k items of every kind the queues count (on Cayambe's table, which `facilitador` runs)."""
    mesa = mesa_de()
    mesa.facilitadores.add(facilitador)
    org = ActorFactory(nombre=f"Asociación {desde}")
    pacto = PactoFactory(
        estado=Pacto.Estado.FIRMADO, fecha_firma=timezone.localdate() - datetime.timedelta(days=5)
    )
    ayer = timezone.localdate() - datetime.timedelta(days=1)
    for i in range(desde, desde + k):
        SesionFactory(mesa=mesa, dias=3 + i)  # to come
        SesionFactory(mesa=mesa, dias=-(2 + i))  # past, still open
        SesionFactory(mesa=mesa, dias=-(40 + i), estado=Sesion.Estado.CERRADA)  # acta to publish
        compromiso = CompromisoFactory(pacto=pacto, plazo=ayer, lider=org)  # overdue, no contact
        AvancePropuesto.objects.create(  # texted progress to confirm
            compromiso=compromiso, numero="+593987654321", canal="sms", avance=50
        )
        m = Mensaje.objects.create(
            nombre="Vecina", email="v@example.org", asunto=f"M{i}", texto="?"
        )
        Mensaje.objects.filter(pk=m.pk).update(
            recibido=timezone.now() - datetime.timedelta(days=60)
        )
        Mensaje.objects.create(  # answered, its public version to review
            nombre="Vecino",
            email="w@example.org",
            asunto=f"R{i}",
            texto="?",
            publicar=True,
            estado=Mensaje.Estado.RESPONDIDO,
            respuesta="Sí.",
            respondido_en=timezone.now(),
        )
        NoticiaFactory(titulo=f"Borrador {i}")
        medicion_registrar(dato=DatoMedicionFactory(periodo=str(1990 + i), valor=Decimal(100 + i)))


def _cifras(html: str) -> dict[str, int]:
    """Each entry of the queue as the page shows it: {entry key: count}."""
    return {
        clave: int(n)
        for clave, n in re.findall(
            r'id="cola-([a-z_]+)">.*?<span class="badge[^"]*cifra-cola">(\d+)</span>', html, re.S
        )
    }


ESPERADO = {
    "coordinacion": {
        "mesas_por_cerrar",
        "mesas_actas_por_publicar",
        "pactos_avances_por_mensaje",
        "pactos_atrasados",
        "pactos_sin_contacto",
    },
    "facilitacion": {"mesas_proximas", "mesas_por_cerrar", "mesas_actas_por_publicar"},
    "comunicacion": {
        "comunicacion_mensajes_vencidos",
        "comunicacion_por_publicar",
        "comunicacion_comentarios",
        "comunicacion_borradores",
    },
    "analisis": {"sie_por_validar"},
}


def _panel(cliente):
    with CaptureQueriesContext(connection) as consultas:
        respuesta = cliente.get("/panel/")
    assert respuesta.status_code == 200
    return respuesta.content.decode(), len(consultas)


def test_cola_de_cada_rol_cuenta_los_datos_con_consultas_planas(usuarios_por_rol, cliente_de):
    facilitador = usuarios_por_rol["facilitacion"]
    _datos(1, facilitador=facilitador)
    primero = {}
    for rol, claves in ESPERADO.items():
        html, n = _panel(cliente_de(usuarios_por_rol[rol]))
        cifras = _cifras(html)
        assert set(cifras) == claves, rol
        # Comments need a consultation: none here, the others count the one item of each kind.
        assert all(v == (0 if k == "comunicacion_comentarios" else 1) for k, v in cifras.items())
        primero[rol] = n
    _datos(9, facilitador=facilitador, desde=1)
    for rol, claves in ESPERADO.items():
        html, n = _panel(cliente_de(usuarios_por_rol[rol]))
        cifras = _cifras(html)
        assert set(cifras) == claves, rol
        assert all(v == (0 if k == "comunicacion_comentarios" else 10) for k, v in cifras.items())
        assert n == primero[rol], f"{rol}: {primero[rol]} consultas con 1×, {n} con 10×"
    # Administración sees every entry whose page it may open (a superuser here: all of them but
    # the facilitator's own next sessions, which are nobody's but the facilitator's).
    html, _n = _panel(cliente_de(usuarios_por_rol["administracion"]))
    assert {"pactos_atrasados", "sie_por_validar", "core_invitaciones"} <= set(_cifras(html))


def test_cola_vacia_en_espanol_claro_y_areas_debajo(coordinadora, cliente_de):
    html = cliente_de(coordinadora).get("/panel/").content.decode()
    assert "Nada espera por usted ahora mismo." in html
    assert "Ninguna sesión pasada sigue abierta." in html
    assert "Todos los compromisos en seguimiento están al día." in html
    assert html.index('id="cola"') < html.index('id="accesos"')


def test_cada_elemento_enlaza_donde_se_resuelve(facilitador, coordinadora, cliente_de):
    _datos(1, facilitador=facilitador)
    sesion = Sesion.objects.filter(estado=Sesion.Estado.CERRADA).get()
    html = cliente_de(facilitador).get("/panel/").content.decode()
    assert f'href="/mesas/sesion/{sesion.pk}/"' in html
    compromiso = Pacto.objects.get().compromisos.get()
    html = cliente_de(coordinadora).get("/panel/").content.decode()
    assert f'href="/pactos/compromisos/{compromiso.pk}/"' in html
    assert f'href="/pactos/organizaciones/{compromiso.lider_id}/contactos/"' in html
    assert "/pactos/compromisos/tablero/?atrasados=on" in html
    # Linking a contact takes the commitment off the coordinator's list.
    ContactoResponsable.objects.create(usuario=facilitador, actor=compromiso.lider)
    assert (
        _cifras(cliente_de(coordinadora).get("/panel/").content.decode())["pactos_sin_contacto"]
        == 0
    )


def test_resumen_diario_por_correo_para_quien_lo_pide(facilitador, cliente_de, settings):
    settings.PORTAL_URL = "https://pactos.example.org"
    _datos(1, facilitador=facilitador)
    cliente = cliente_de(facilitador)
    assert "Recibir este resumen cada mañana" in cliente.get("/panel/").content.decode()
    respuesta = cliente.post("/panel/resumen-diario/", {"resumen_diario": "on"})
    assert respuesta.status_code == 302
    assert "Dejar de recibirlo" in cliente.get("/panel/").content.decode()

    assert resumenes_diarios_enviar() == 1
    assert resumenes_diarios_enviar() == 0  # once a day
    (correo,) = mail.outbox
    assert correo.to == [facilitador.email]
    assert "Sesiones por cerrar: 1" in correo.body
    enlaces = re.findall(r"https?://\S+", correo.body)
    assert enlaces and all(e.startswith("https://pactos.example.org/") for e in enlaces)
    sesion = Sesion.objects.filter(estado=Sesion.Estado.CERRADA).get()
    assert f"https://pactos.example.org/mesas/sesion/{sesion.pk}/" in enlaces

    cliente.post("/panel/resumen-diario/", {})
    assert not PreferenciasPanel.objects.get(usuario=facilitador).resumen_diario


def test_comentarios_sin_respuesta_en_la_cola_de_comunicacion(comunicador, comentar, cliente_de):
    publicado = comentar()
    comentar(confirmar=False)  # waiting for its author's confirmation: nothing to do yet
    html = cliente_de(comunicador).get("/panel/").content.decode()
    assert _cifras(html)["comunicacion_comentarios"] == 1
    destino = f"/comunicacion/gestion/consultas/{publicado.consulta_id}/"
    assert f'href="{destino}?estado=publicado&amp;sin_respuesta=1"' in html
