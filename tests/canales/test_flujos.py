"""Text messages from the person's side, with the gateway that keeps what it would send: a
table member with only a phone is convened and answers SI; a responsible texts its progress and
the coordinator confirms it; an unknown number's question becomes a citizen's message and its
answer goes back by SMS; BAJA stops everything; forged callbacks are refused; a gateway that is
down loses nothing. tests/canales/test_kannel.py runs the same journeys through a real Kannel."""

from __future__ import annotations

import hashlib
import hmac
import json
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse

from actores.models import Actor
from canales.models import BajaCanal, EnlaceCorto, MensajeCanal
from canales.pasarelas import PasarelaNoDisponible
from canales.pasarelas.registro import ENVIADOS
from canales.services import mensaje_despachar, mensajes_pendientes_enviar
from canales.texto import codificacion, segmentos
from comunicacion.models import Mensaje
from comunicacion.services import mensaje_responder, respuesta_enviar
from mesas.models import Invitacion
from mesas.services import convocatoria_enviar, sesion_cancelar
from pactos.models import Actualizacion, AvancePropuesto, Pacto
from pactos.services.avances_por_mensaje import recordatorio_por_texto
from tests.factories.actores import ActorFactory
from tests.factories.mesas import SesionFactory
from tests.factories.pactos import CompromisoFactory, PactoFactory
from tests.mensajes_de_texto import CLAVE, despachar_todo, llega_sms

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("pasarela_de_registro"),
]


def miembro_solo_celular(**extra) -> Actor:
    return ActorFactory(
        persona=True,
        email="",
        telefono="0987654321",
        consentimiento_sms=True,
        **extra,
    )


def test_un_miembro_sin_correo_es_convocado_por_sms_y_confirma_con_si(client, facilitador):
    miembro = miembro_solo_celular()
    sesion = SesionFactory(lugar="Casa parroquial de Ascazubi")

    resultado = convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=facilitador)

    assert resultado["por_texto"] == 1 and resultado["sin_correo"] == []
    [texto] = despachar_todo()
    assert texto.startswith("Mesa ") and f"sesion {sesion.numero}" in texto
    assert "Casa parroquial" in texto and "Responda SI o NO" in texto
    assert codificacion(texto) == "gsm7" and segmentos(texto) == 1, texto
    # The short link opens the invitation's own answer page.
    enlace = next(p for p in texto.split() if p.startswith("https://"))
    assert urlsplit(enlace).netloc == "pactos.pichincha.gob.ec"
    respuesta = client.get(urlsplit(enlace).path)
    assert respuesta.status_code == 302
    invitacion = Invitacion.objects.get(sesion=sesion, actor=miembro)
    assert respuesta["Location"] == reverse("mesas:invitacion", args=[invitacion.token])
    assert client.get(respuesta["Location"]).status_code == 200

    assert llega_sms(client, "+593987654321", "Sí.", kid="k-1").status_code == 200

    invitacion.refresh_from_db()
    assert invitacion.respuesta == Invitacion.Respuesta.CONFIRMADA
    [acuse] = despachar_todo()
    assert acuse.startswith("Mesa ") and "le esperamos" in acuse
    entrante = MensajeCanal.objects.get(direccion="entrante")
    assert entrante.actor == miembro
    assert "Confirmó su asistencia" in entrante.resultado


def test_la_misma_llamada_de_kannel_dos_veces_guarda_un_mensaje(client, facilitador):
    miembro = miembro_solo_celular()
    sesion = SesionFactory()
    convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=facilitador)
    despachar_todo()
    llega_sms(client, "0987654321", "NO", kid="k-7")
    llega_sms(client, "0987654321", "NO", kid="k-7")
    assert MensajeCanal.objects.filter(direccion="entrante").count() == 1
    assert len(despachar_todo()) == 1  # one acknowledgement
    assert Invitacion.objects.get().respuesta == Invitacion.Respuesta.DECLINADA


def test_convocar_dos_veces_no_repite_el_sms_y_una_cancelacion_se_avisa(client, facilitador):
    miembro = miembro_solo_celular()
    sesion = SesionFactory()
    convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=facilitador)
    convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=facilitador)
    assert len(despachar_todo()) == 1
    sesion_cancelar(sesion=sesion, version=sesion.version, motivo="Lluvias", usuario=facilitador)
    [aviso] = despachar_todo()
    assert "CANCELA" in aviso and segmentos(aviso) == 1


def test_una_llamada_falsa_a_la_entrada_de_kannel_se_rechaza(client):
    assert llega_sms(client, "0987654321", "SI", clave="adivinada").status_code == 403
    assert client.get(reverse("canales:kannel_entrante"), {"de": "0987654321"}).status_code == 403
    assert not MensajeCanal.objects.exists()
    assert Mensaje.objects.count() == 0


def test_baja_detiene_todo_y_se_confirma_una_sola_vez(client, facilitador):
    miembro = miembro_solo_celular()
    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=facilitador)
    despachar_todo()

    llega_sms(client, "0987654321", "baja")

    assert BajaCanal.objects.filter(numero="+593987654321").exists()
    [confirmacion] = despachar_todo()
    assert "no recibira mas mensajes" in confirmacion
    # Another convocation: nothing leaves for that number.
    otra = SesionFactory(dias=5)
    resultado = convocatoria_enviar(sesion=otra, actores=[miembro], usuario=facilitador)
    assert resultado["por_texto"] == 0
    assert despachar_todo() == []
    # ALTA undoes it.
    llega_sms(client, "0987654321", "ALTA")
    assert not BajaCanal.objects.exists()


def test_un_responsable_reporta_60_por_sms_y_la_coordinadora_lo_confirma(
    client, cliente_de, coordinadora
):
    lider = ActorFactory(telefono="0998887777", consentimiento_sms=True, canal_preferido="sms")
    pacto = PactoFactory(estado=Pacto.Estado.FIRMADO)
    compromiso = CompromisoFactory(pacto=pacto, lider=lider, titulo="Capacitar a 40 guías")

    assert recordatorio_por_texto(compromiso=compromiso, periodo="2026-12")
    [recordatorio] = despachar_todo()
    assert "Capacitar a 40 guias" in recordatorio and segmentos(recordatorio) == 1

    llega_sms(client, "+593998887777", "60 avanzamos con la capacitación")

    propuesta = AvancePropuesto.objects.get()
    assert (propuesta.avance, propuesta.texto) == (60, "avanzamos con la capacitación")
    assert propuesta.estado == "pendiente"
    compromiso.refresh_from_db()
    assert compromiso.avance == 0  # a text never changes the figures by itself
    [acuse] = despachar_todo()
    assert "60%" in acuse

    cliente = cliente_de(coordinadora)
    pagina = cliente.get(compromiso.get_absolute_url())
    assert "avanzamos con la capacitación" in pagina.content.decode()
    assert "Confirmar y registrar en el seguimiento" in pagina.content.decode()
    panel = cliente.get(reverse("core:panel")).content.decode()
    assert "Avances recibidos por SMS o WhatsApp por confirmar" in panel

    respuesta = cliente.post(
        reverse("pactos:avance_por_mensaje_confirmar", args=[compromiso.pk, propuesta.pk])
    )
    assert respuesta.status_code == 302
    compromiso.refresh_from_db()
    assert compromiso.avance == 60 and compromiso.estado == "en_curso"
    actualizacion = Actualizacion.objects.get(compromiso=compromiso)
    assert actualizacion.origen == "sms" and "avanzamos" in actualizacion.texto
    # Confirming twice is refused with a message, not a second update.
    otra = cliente.post(
        reverse("pactos:avance_por_mensaje_confirmar", args=[compromiso.pk, propuesta.pk])
    )
    assert otra.status_code == 400 and "ya fue revisado" in otra.content.decode()
    assert Actualizacion.objects.filter(compromiso=compromiso).count() == 1


def test_un_numero_desconocido_pregunta_y_recibe_la_respuesta_por_sms(client, comunicador):
    llega_sms(client, "0991112233", "Hola, cuando es la feria de Cayambe?")

    mensaje = Mensaje.objects.get()
    assert (mensaje.origen, mensaje.telefono, mensaje.email) == ("sms", "+593991112233", "")
    [acuse] = despachar_todo()
    assert mensaje.codigo in acuse

    mensaje_responder(mensaje=mensaje, usuario=comunicador, respuesta="El 12 de diciembre.")
    assert respuesta_enviar(mensaje_id=mensaje.pk)
    [respuesta] = despachar_todo()
    assert respuesta == f"Pactos por Pichincha ({mensaje.codigo}): El 12 de diciembre."


def test_un_numero_desconocido_que_insiste_no_inunda_la_bandeja(client, settings):
    from django.core.cache import cache

    settings.CANALES_ENTRANTES_POR_HORA = 3
    cache.delete("canales:entrantes:+593991112299")  # the counter of an earlier run
    for i in range(6):
        llega_sms(client, "0991112299", f"mensaje {i}", kid=f"spam-{i}")
    assert Mensaje.objects.count() == 3
    assert MensajeCanal.objects.filter(direccion="entrante", estado="descartado").count() == 3


def test_con_la_pasarela_caida_nada_se_pierde_y_sale_una_vez(settings, facilitador):
    settings.CANALES_PASARELA_SMS = "kannel"
    settings.KANNEL_SENDSMS_URL = "http://127.0.0.1:9/cgi-bin/sendsms"  # nothing listens
    from canales.pasarelas import _INSTANCIAS

    _INSTANCIAS.clear()
    miembro = miembro_solo_celular()
    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=facilitador)
    mensaje = MensajeCanal.objects.get()
    with pytest.raises(PasarelaNoDisponible):
        mensaje_despachar(mensaje_id=mensaje.pk)
    mensaje.refresh_from_db()
    assert (mensaje.estado, mensaje.intentos) == ("pendiente", 1)
    assert "Kannel no responde" in mensaje.error

    settings.CANALES_PASARELA_SMS = "registro"
    _INSTANCIAS.clear()
    assert mensajes_pendientes_enviar(antiguedad=0) == 1
    assert mensajes_pendientes_enviar(antiguedad=0) == 0
    assert len(ENVIADOS) == 1
    mensaje.refresh_from_db()
    assert mensaje.estado == "enviado" and mensaje.enviado_en is not None


def test_el_informe_de_entrega_de_kannel_marca_entregado(client, facilitador):
    convocatoria_enviar(
        sesion=SesionFactory(), actores=[miembro_solo_celular()], usuario=facilitador
    )
    despachar_todo()
    mensaje = MensajeCanal.objects.get()
    url = reverse("canales:kannel_entrega")
    assert client.get(url, {"clave": "x", "ref": mensaje.pk, "estado": 1}).status_code == 403
    assert client.get(url, {"clave": CLAVE, "ref": mensaje.pk, "estado": 8}).status_code == 200
    assert client.get(url, {"clave": CLAVE, "ref": mensaje.pk, "estado": 1}).status_code == 200
    mensaje.refresh_from_db()
    assert mensaje.estado == "entregado" and mensaje.entregado_en is not None
    # A late "taken by the SMSC" does not move it back.
    client.get(url, {"clave": CLAVE, "ref": mensaje.pk, "estado": 8})
    mensaje.refresh_from_db()
    assert mensaje.estado == "entregado"


def _firmado(cuerpo: bytes, secreto: str) -> str:
    return "sha256=" + hmac.new(secreto.encode(), cuerpo, hashlib.sha256).hexdigest()


def _whatsapp_de(numero: str, texto: str) -> bytes:
    """The body of Meta's webhook for a text message from `numero` (Cloud API, "messages")."""
    mensaje = {
        "from": numero,
        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
        "timestamp": "1749416383",
        "type": "text",
        "text": {"body": texto},
    }
    valor = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": "15550783881",
            "phone_number_id": "106540352242922",
        },
        "contacts": [{"profile": {"name": "Rosa"}, "wa_id": numero}],
        "messages": [mensaje],
    }
    cambios = [{"field": "messages", "value": valor}]
    datos = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": cambios}],
    }
    return json.dumps(datos).encode()


def _llega_whatsapp(client, cuerpo: bytes, secreto: str | None = None):
    """Meta's call to the webhook, signed with `secreto` (none: no signature header)."""
    firma = {"HTTP_X_HUB_SIGNATURE_256": _firmado(cuerpo, secreto)} if secreto else {}
    url = reverse("canales:whatsapp_webhook")
    return client.post(url, cuerpo, content_type="application/json", **firma)


def test_whatsapp_si_firmado_confirma_y_sin_firma_se_rechaza(client, settings, facilitador):
    settings.WHATSAPP_APP_SECRET = "secreto-de-la-app"
    miembro = ActorFactory(
        persona=True,
        telefono="0987654321",
        consentimiento_whatsapp=True,
        canal_preferido="whatsapp",
    )
    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=facilitador)
    assert MensajeCanal.objects.get().canal == "whatsapp"
    despachar_todo()
    cuerpo = _whatsapp_de("593987654321", "SI")
    sin_firma = _llega_whatsapp(client, cuerpo)
    assert sin_firma.status_code == 403
    falsa = _llega_whatsapp(client, cuerpo, "otro")
    assert falsa.status_code == 403
    assert Invitacion.objects.get().respuesta == Invitacion.Respuesta.SIN_RESPUESTA

    buena = _llega_whatsapp(client, cuerpo, "secreto-de-la-app")
    assert buena.status_code == 200
    assert Invitacion.objects.get().respuesta == Invitacion.Respuesta.CONFIRMADA


def test_los_mensajes_se_ven_en_la_pagina_del_actor_y_en_la_lista_solo_del_personal(
    client, cliente_de, coordinadora, facilitador, analista
):
    miembro = miembro_solo_celular()
    convocatoria_enviar(sesion=SesionFactory(), actores=[miembro], usuario=facilitador)
    despachar_todo()
    llega_sms(client, "0987654321", "SI")
    despachar_todo()

    pagina = cliente_de(coordinadora).get(reverse("actores:detalle", args=[miembro.pk]))
    html = pagina.content.decode()
    assert "Mensajes SMS y WhatsApp" in html and "Responda SI o NO" in html
    assert "Confirmó su asistencia" in html

    lista = cliente_de(coordinadora).get(reverse("canales:mensajes")).content.decode()
    assert "+593987654321" in lista and "Consumo por mes" in lista
    assert cliente_de(analista).get(reverse("canales:mensajes")).status_code == 403
    assert EnlaceCorto.objects.count() == 1


@override_settings(CANALES_PASARELA_SMS="registro")
def test_el_canal_preferido_sms_exige_celular_y_consentimiento():
    actor = ActorFactory(persona=True, telefono="+59322500000", canal_preferido="sms")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        actor.full_clean()
    assert "celular" in str(error.value)
    actor.telefono = "0987654321"
    with pytest.raises(ValidationError) as error:
        actor.full_clean()
    assert "consentimiento" in str(error.value)


def test_volver_a_invitar_por_sms_a_quien_no_respondio(facilitador):
    from mesas.services import invitaciones_reenviar

    miembro = miembro_solo_celular()
    sesion = SesionFactory()
    convocatoria_enviar(sesion=sesion, actores=[miembro], usuario=facilitador)
    despachar_todo()

    assert (
        invitaciones_reenviar(
            sesion=sesion, invitaciones=list(sesion.invitaciones.all()), usuario=facilitador
        )
        == 1
    )
    # A double click in the same minute sends one.
    invitaciones_reenviar(sesion=sesion, invitaciones=list(sesion.invitaciones.all()))
    [otra_vez] = despachar_todo()
    assert "Responda SI o NO" in otra_vez
