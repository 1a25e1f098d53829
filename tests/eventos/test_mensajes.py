"""An event's invitation and reminders by SMS or WhatsApp, from the guest's side, with the gateway
that keeps what it would send (as tests/canales/test_flujos.py): a guest of the map with only a
phone is invited by SMS, opens the short link and answers SI; a reminder round reaches who has
not answered and NO declines; a full event puts a SI on the waiting list; a confirmed guest's NO
frees the seat for the next; nothing leaves twice."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from actores.models import Actor
from canales.models import MensajeCanal
from canales.texto import codificacion, segmentos
from eventos import services
from eventos.models import Evento, Invitado
from tests.factories.actores import ActorFactory
from tests.mensajes_de_texto import despachar_todo, llega_sms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pasarela_de_registro")]


def solo_celular(telefono: str = "0987654321", **extra) -> Actor:
    return ActorFactory(persona=True, email="", telefono=telefono, consentimiento_sms=True, **extra)


@pytest.fixture
def a_la_lista(evento, coordinadora):
    def agregar(*actores, ev=None):
        ev = ev or evento
        services.invitados_agregar_desde_actores(evento=ev, actores=actores, usuario=coordinadora)
        return [ev.invitados.get(actor=actor) for actor in actores]

    return agregar


def test_un_invitado_solo_con_celular_recibe_la_invitacion_y_confirma_con_si(
    client, cliente_de, coordinadora, evento, a_la_lista, mailoutbox
):
    persona = solo_celular()
    [invitado] = a_la_lista(persona)

    respuesta = cliente_de(coordinadora).post(f"/eventos/gestion/{evento.pk}/invitados/enviar/")

    assert respuesta.status_code == 302
    [texto] = despachar_todo()
    assert texto.startswith("Invitacion: ") and "Responda SI o NO" in texto
    assert "Socializacion de resultados" in texto and "Auditorio" in texto
    assert codificacion(texto) == "gsm7" and segmentos(texto) == 1, texto
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.INVITADO and invitado.invitado_en
    assert mailoutbox == []  # no address: nothing by e-mail
    # The short link opens the guest's own answer page.
    enlace = next(p for p in texto.split() if p.startswith("https://"))
    assert urlsplit(enlace).netloc == "pactos.pichincha.gob.ec"
    cliente = cliente_de(None)
    redirige = cliente.get(urlsplit(enlace).path)
    assert redirige.status_code == 302
    assert redirige["Location"].startswith("/eventos/invitacion/")
    pagina = cliente.get(redirige["Location"])
    assert pagina.status_code == 200
    assert f"Hola, {invitado.nombre}." in pagina.content.decode()
    assert "Sí, asistiré" in pagina.content.decode()

    assert llega_sms(client, "+593987654321", "Sí, ahí estaré", kid="e-1").status_code == 200

    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.CONFIRMADO and invitado.respondido_en
    [acuse] = despachar_todo()
    assert "gracias, le esperamos" in acuse and segmentos(acuse) == 1
    entrante = MensajeCanal.objects.get(direccion="entrante")
    assert entrante.actor == persona and entrante.respuesta_a.proposito == "invitacion_evento"
    assert "Confirmó su asistencia" in entrante.resultado
    # The coordinator sees the conversation on the guest list.
    lista = cliente_de(coordinadora).get(f"/eventos/gestion/{evento.pk}/invitados/")
    pagina = lista.content.decode()
    assert "3 mensajes de texto con los invitados" in pagina
    assert "Sí, ahí estaré" in pagina and "Confirmó su asistencia" in pagina


def test_enviar_dos_veces_no_repite_el_sms_y_quien_prefiere_correo_no_lo_recibe(
    cliente_de, coordinadora, evento, a_la_lista, mailoutbox
):
    celular = solo_celular()
    con_correo = ActorFactory(
        persona=True, email="ana@example.org", telefono="0991112233", consentimiento_sms=True
    )
    prefiere_sms = ActorFactory(
        persona=True,
        email="luis@example.org",
        telefono="0993334444",
        consentimiento_sms=True,
        canal_preferido="sms",
    )
    a_la_lista(celular, con_correo, prefiere_sms)

    services.invitaciones_enviar(evento=evento, usuario=coordinadora)
    assert len(despachar_todo()) == 2  # the phone-only guest and the one who prefers SMS
    nuevo = solo_celular(telefono="0995556666")
    a_la_lista(nuevo)
    services.invitaciones_enviar(evento=evento, usuario=coordinadora)
    [solo_el_nuevo] = despachar_todo()
    assert MensajeCanal.objects.filter(numero="+593995556666").count() == 1
    assert "Responda SI o NO" in solo_el_nuevo
    numeros = set(MensajeCanal.objects.values_list("numero", flat=True))
    assert "+593991112233" not in numeros  # has an e-mail and did not choose SMS


def test_un_recordatorio_llega_a_quien_no_respondio_y_no_declina(
    client, coordinadora, evento, a_la_lista
):
    ya_respondio, sin_respuesta = solo_celular(), solo_celular(telefono="0998887777")
    primero, segundo = a_la_lista(ya_respondio, sin_respuesta)
    services.invitaciones_enviar(evento=evento, usuario=coordinadora)
    despachar_todo()
    llega_sms(client, "0987654321", "SI", kid="e-2")
    despachar_todo()

    recordatorio = services.recordatorio_crear(evento=evento, usuario=coordinadora)
    services.recordatorio_despachar(recordatorio_id=recordatorio.pk)
    services.recordatorio_despachar(recordatorio_id=recordatorio.pk)  # a retried task

    [texto] = despachar_todo()
    assert texto.startswith("Recuerde: ") and segmentos(texto) == 1, texto
    assert MensajeCanal.objects.get(proposito="recordatorio_evento").numero == "+593998887777"

    llega_sms(client, "0998887777", "no", kid="e-3")

    segundo.refresh_from_db()
    assert segundo.estado == Invitado.Estado.RECHAZADO
    [acuse] = despachar_todo()
    assert "gracias por avisar" in acuse
    assert MensajeCanal.objects.filter(
        direccion="entrante", respuesta_a__proposito="recordatorio_evento"
    ).exists()


def test_con_el_aforo_lleno_un_si_va_a_la_lista_de_espera_y_un_no_libera_el_cupo(
    client, coordinadora, crear_evento, a_la_lista
):
    evento = crear_evento(capacidad=1, titulo="Taller de turismo comunitario")
    primera, segunda = solo_celular(), solo_celular(telefono="0998887777")
    a, b = a_la_lista(primera, segunda, ev=evento)
    services.invitaciones_enviar(evento=evento, usuario=coordinadora)
    despachar_todo()

    llega_sms(client, "0987654321", "SI", kid="e-4")
    llega_sms(client, "0998887777", "SI", kid="e-5")

    a.refresh_from_db(), b.refresh_from_db()
    assert (a.estado, b.estado) == (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA)
    primero, espera = despachar_todo()
    assert "le esperamos" in primero and "lista de espera" in espera
    assert segmentos(espera) == 1

    # The confirmed guest can no longer come: NO frees the seat for the waiting list.
    llega_sms(client, "0987654321", "NO puedo", kid="e-6")

    a.refresh_from_db(), b.refresh_from_db()
    assert (a.estado, b.estado) == (Invitado.Estado.RECHAZADO, Invitado.Estado.CONFIRMADO)


def test_un_si_despues_del_evento_no_se_registra_y_se_explica(
    client, coordinadora, evento, a_la_lista
):
    [invitado] = a_la_lista(solo_celular())
    services.invitaciones_enviar(evento=evento, usuario=coordinadora)
    despachar_todo()
    Evento.objects.filter(pk=evento.pk).update(
        inicio=timezone.now() - timedelta(days=2), fin=timezone.now() - timedelta(days=1)
    )

    llega_sms(client, "0987654321", "SI", kid="e-7")

    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.INVITADO
    [acuse] = despachar_todo()
    assert "ya se realizo" in acuse and segmentos(acuse) == 1
    assert "Respuesta no registrada" in MensajeCanal.objects.get(direccion="entrante").resultado
