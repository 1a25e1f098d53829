"""The journeys of issue #19 through a real Kannel (bearerbox, smsbox and Debian's fakesmsc,
started by the test) and a real Celery worker on the `sms` queue: what the phone receives in the
fake SMS centre, and what its answers do in the portal.

The delivery time of each message (Kannel's delivery report minus the moment it left) is
printed, for the closing note: run with -s to see it."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import httpx
import pytest

from canales.models import BajaCanal, MensajeCanal
from canales.services import mensajes_pendientes_enviar
from mesas.models import Invitacion
from mesas.services import convocatoria_enviar
from pactos.models import AvancePropuesto, Pacto
from pactos.services.avances_por_mensaje import recordatorio_por_texto
from tests.factories.actores import ActorFactory
from tests.factories.mesas import SesionFactory
from tests.factories.pactos import CompromisoFactory, PactoFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CELULAR = "+593987654321"


@pytest.fixture
def sms(kannel_portal, celery_worker_real, settings):
    """The portal sending through the test's Kannel, with a worker on the sms queue."""
    from canales.pasarelas import _INSTANCIAS

    settings.CANALES_PASARELA_SMS = "kannel"
    _INSTANCIAS.clear()
    yield kannel_portal
    _INSTANCIAS.clear()


def esperar(condicion, espera: float = 30, mensaje: str = ""):
    fin = time.monotonic() + espera
    while time.monotonic() < fin:
        valor = condicion()
        if valor:
            return valor
        time.sleep(0.2)
    raise AssertionError(mensaje or "la condición no se cumplió a tiempo")


def recibidos(k, numero: str) -> list:
    return [e for e in k.enviados() if e.para.replace(" ", "") in (numero, numero.lstrip("+"))]


def informar_entrega(mensaje: MensajeCanal) -> float:
    """Seconds from leaving to Kannel's "delivered" report, once it arrived."""
    fila = esperar(
        lambda: MensajeCanal.objects.filter(pk=mensaje.pk, estado="entregado").first(),
        mensaje=f"sin informe de entrega de {mensaje}",
    )
    segundos = (fila.entregado_en - fila.enviado_en).total_seconds()
    print(f"[entrega] {fila.get_proposito_display()}: {segundos:.2f} s, {fila.texto!r}")
    return segundos


def test_convocatoria_por_kannel_con_enlace_que_funciona_y_si_confirma(sms, live_server):
    miembro = ActorFactory(persona=True, email="", telefono="0987654321", consentimiento_sms=True)
    sesion = SesionFactory(lugar="Casa parroquial de Ascazubi")

    convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=None)

    llegado = esperar(lambda: recibidos(sms, CELULAR), mensaje="la convocatoria no llegó")[0]
    assert llegado.texto.startswith("Mesa ") and "Responda SI o NO" in llegado.texto
    assert llegado.codificacion == "gsm" and llegado.partes == 1
    enlace = next(p for p in llegado.texto.split() if p.startswith("http"))
    assert enlace.startswith(live_server.url + "/e/")
    # The phone follows the link: the invitation's answer page, on the portal.
    pagina = httpx.get(enlace, follow_redirects=True, timeout=10)
    assert pagina.status_code == 200 and sesion.mesa.nombre in pagina.text
    invitacion = Invitacion.objects.get(sesion=sesion, actor=miembro)
    assert urlsplit(str(pagina.url)).path.endswith(f"/invitacion/{invitacion.token}/")
    informar_entrega(MensajeCanal.objects.get(proposito="convocatoria"))

    sms.inyectar(CELULAR, "Si")

    esperar(
        lambda: Invitacion.objects.get(pk=invitacion.pk).respuesta == "confirmada",
        mensaje="el SI no confirmó la asistencia",
    )
    acuse = esperar(lambda: len(recibidos(sms, CELULAR)) >= 2 and recibidos(sms, CELULAR)[1])
    assert "le esperamos" in acuse.texto
    informar_entrega(MensajeCanal.objects.get(proposito="acuse"))


def test_un_responsable_responde_60_por_kannel_y_queda_por_confirmar(sms):
    lider = ActorFactory(telefono="0998887777", consentimiento_sms=True, canal_preferido="sms")
    compromiso = CompromisoFactory(
        pacto=PactoFactory(estado=Pacto.Estado.FIRMADO), lider=lider, titulo="Capacitar guías"
    )

    recordatorio_por_texto(compromiso=compromiso, periodo="2026-12")
    llegado = esperar(lambda: recibidos(sms, "+593998887777"))[0]
    assert "Capacitar guias" in llegado.texto

    sms.inyectar("+593998887777", "60 avanzamos con la capacitación")

    propuesta = esperar(lambda: AvancePropuesto.objects.first(), mensaje="no llegó el avance")
    assert (propuesta.avance, propuesta.texto, propuesta.estado) == (
        60,
        "avanzamos con la capacitación",
        "pendiente",
    )
    compromiso.refresh_from_db()
    assert compromiso.avance == 0
    esperar(lambda: len(recibidos(sms, "+593998887777")) >= 2)


def test_baja_por_kannel_detiene_todo_lo_que_sigue(sms):
    miembro = ActorFactory(persona=True, email="", telefono="0987654321", consentimiento_sms=True)
    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=None)
    esperar(lambda: recibidos(sms, CELULAR))

    sms.inyectar(CELULAR, "BAJA")

    esperar(lambda: BajaCanal.objects.filter(numero=CELULAR).exists(), mensaje="BAJA no llegó")
    confirmacion = esperar(lambda: len(recibidos(sms, CELULAR)) >= 2 and recibidos(sms, CELULAR)[1])
    assert "no recibira mas mensajes" in confirmacion.texto
    convocatoria_enviar(sesion=SesionFactory(dias=4), actores=[miembro], usuario=None)
    mensajes_pendientes_enviar(antiguedad=0)
    time.sleep(2)
    assert len(recibidos(sms, CELULAR)) == 2


def test_con_kannel_caido_nada_se_pierde_y_sale_una_vez_al_volver(sms):
    miembro = ActorFactory(persona=True, email="", telefono="0987654321", consentimiento_sms=True)
    sms.parar()

    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=None)

    mensaje = MensajeCanal.objects.get()
    esperar(
        lambda: MensajeCanal.objects.get(pk=mensaje.pk).intentos >= 1,
        mensaje="el worker no intentó enviar",
    )
    fila = MensajeCanal.objects.get(pk=mensaje.pk)
    assert fila.estado == "pendiente" and "Kannel no responde" in fila.error

    sms.arrancar()
    mensajes_pendientes_enviar(antiguedad=0)  # the sweep of every minute

    esperar(lambda: recibidos(sms, CELULAR), mensaje="no salió al volver Kannel")
    time.sleep(6)  # the worker's own retry comes due: it must not send it again
    assert len(recibidos(sms, CELULAR)) == 1
    assert MensajeCanal.objects.get(pk=mensaje.pk).estado in ("enviado", "entregado")


def test_una_entrada_falsificada_al_portal_se_rechaza(sms, live_server):
    respuesta = httpx.get(
        f"{live_server.url}/canales/kannel/entrante/",
        params={"clave": "adivinada", "de": CELULAR, "texto": "SI"},
        timeout=10,
    )
    assert respuesta.status_code == 403
    assert not MensajeCanal.objects.exists()
