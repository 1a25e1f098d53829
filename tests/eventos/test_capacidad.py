"""Capacity and waiting list: by invitation and through the public registration form."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from eventos import enlaces, services
from eventos.models import Evento, Invitado

pytestmark = pytest.mark.django_db


def _responder_todos(invitados):
    for invitado in invitados:
        services.invitacion_responder(invitado=invitado, asiste=True)
    for invitado in invitados:
        invitado.refresh_from_db()
        services.confirmacion_despachar(invitado_id=invitado.pk)


def test_al_llenarse_el_aforo_pasan_a_lista_de_espera(crear_evento, invitar):
    evento = crear_evento(capacidad=2)
    invitados = invitar(4, ev=evento)
    mail.outbox.clear()
    _responder_todos(invitados)
    estados = [Invitado.objects.get(pk=i.pk).estado for i in invitados]
    assert estados == ["confirmado", "confirmado", "espera", "espera"]
    asuntos = sorted(m.subject.split(":")[0] for m in mail.outbox)
    assert asuntos == ["Asistencia confirmada"] * 2 + ["Lista de espera"] * 2


def test_quien_cancela_cede_el_cupo_al_primero_en_espera(crear_evento, invitar, coordinadora):
    evento = crear_evento(capacidad=2)
    a, b, c, d = invitar(4, ev=evento)
    _responder_todos([a, b, c, d])
    mail.outbox.clear()
    services.invitado_cancelar(invitado=a, usuario=coordinadora)
    c.refresh_from_db()
    d.refresh_from_db()
    assert c.estado == Invitado.Estado.CONFIRMADO  # first to wait, first served
    assert d.estado == Invitado.Estado.ESPERA
    services.confirmacion_despachar(invitado_id=c.pk)
    assert [m.to for m in mail.outbox] == [[c.email]]
    assert evento.invitados.filter(estado="confirmado").count() == 2


def test_ampliar_el_aforo_confirma_a_la_lista_de_espera(crear_evento, invitar, coordinadora):
    evento = crear_evento(capacidad=1)
    a, b, c = invitar(3, ev=evento)
    _responder_todos([a, b, c])
    services.evento_actualizar(evento=evento, usuario=coordinadora, datos={"capacidad": 3})
    assert evento.invitados.filter(estado="confirmado").count() == 3


def test_inscripcion_publica_con_aforo(crear_evento, client):
    evento = crear_evento(acceso=Evento.Acceso.PUBLICO, capacidad=1)
    datos = {
        "nombre": "Rosa Quilumbaquí",
        "email": "rosa@example.org",
        "organizacion": "Asociación de productores de leche",
        "tipo_actor": "comunitario",
        "genero": "mujer",
        "consentimiento": "on",
    }
    primera = client.post(f"/eventos/{evento.slug}/inscripcion/", datos, follow=True)
    assert "Su asistencia está confirmada." in primera.content.decode()
    segunda = client.post(
        f"/eventos/{evento.slug}/inscripcion/",
        {**datos, "nombre": "Segundo", "email": "segundo@example.org"},
        follow=True,
    )
    assert "lista de espera" in segunda.content.decode()
    repetida = client.post(f"/eventos/{evento.slug}/inscripcion/", datos)
    assert repetida.status_code == 400
    assert "Ese correo ya está inscrito en este evento." in repetida.content.decode()
    assert evento.invitados.filter(origen="inscripcion").count() == 2


def test_inscripcion_exige_consentimiento_y_rechaza_bots(crear_evento, client):
    evento = crear_evento(acceso=Evento.Acceso.PUBLICO)
    base = {"nombre": "Ana", "email": "ana@example.org"}
    sin = client.post(f"/eventos/{evento.slug}/inscripcion/", base)
    assert "Para inscribirse debe aceptar el tratamiento de sus datos." in sin.content.decode()
    bot = client.post(
        f"/eventos/{evento.slug}/inscripcion/",
        {**base, "consentimiento": "on", "sitio": "http://x"},
    )
    assert bot.status_code == 400
    assert not evento.invitados.exists()


def test_evento_por_invitacion_no_admite_inscripcion(evento):
    with pytest.raises(ValidationError) as error:
        services.inscripcion_registrar(
            evento=evento, datos={"nombre": "X", "email": "x@example.org", "consentimiento": True}
        )
    assert "no está abierta" in str(error.value)


def test_el_enlace_de_la_inscripcion_lleva_al_qr(crear_evento, client):
    evento = crear_evento(acceso=Evento.Acceso.PUBLICO)
    invitado = services.inscripcion_registrar(
        evento=evento, datos={"nombre": "Luis", "email": "luis@example.org", "consentimiento": True}
    )
    assert invitado.estado == Invitado.Estado.CONFIRMADO
    html = client.get(enlaces.url_respuesta(invitado, absoluta=False)).content.decode()
    assert "data:image/png;base64," in html


def test_el_invitado_libera_su_cupo_desde_su_enlace(crear_evento, invitar, client):
    evento = crear_evento(capacidad=1)
    a, b = invitar(2, ev=evento)
    _responder_todos([a, b])
    url = enlaces.url_respuesta(a, absoluta=False)
    assert "Ya no podré asistir" in client.get(url).content.decode()
    client.post(url + "cancelar/")
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.estado == Invitado.Estado.RECHAZADO
    assert b.estado == Invitado.Estado.CONFIRMADO  # took the freed seat
    # Cancelling is one-way: the same link cannot confirm again.
    client.post(url, {"respuesta": "si"})
    a.refresh_from_db()
    assert a.estado == Invitado.Estado.RECHAZADO


def test_inscripcion_limitada_por_conexion(crear_evento, client):
    from django.core.cache import cache

    from eventos.views import InscripcionView

    clave = "eventos:inscripcion:127.0.0.1"  # never cache.clear(): Redis may be the broker too
    cache.delete(clave)
    evento = crear_evento(acceso=Evento.Acceso.PUBLICO)
    url = f"/eventos/{evento.slug}/inscripcion/"
    for i in range(InscripcionView.LIMITE_POR_HORA):
        client.post(url, {"nombre": f"P{i}", "email": f"p{i}@example.org", "consentimiento": "on"})
    respuesta = client.post(url, {"nombre": "X", "email": "x@example.org", "consentimiento": "on"})
    assert respuesta.status_code == 429
    assert "Demasiadas inscripciones desde esta conexión" in respuesta.content.decode()
    assert evento.invitados.count() == InscripcionView.LIMITE_POR_HORA
    cache.delete(clave)


def test_el_equipo_registra_una_respuesta_por_telefono(evento, coordinadora, cliente_de):
    sin_correo = services.invitado_agregar(
        evento=evento, usuario=coordinadora, datos={"nombre": "Segundo Cuzco"}
    )
    cliente = cliente_de(coordinadora)
    url = f"/eventos/gestion/{evento.pk}/invitados/{sin_correo.pk}/respuesta/"
    respuesta = cliente.post(url, {"respuesta": "si"}, follow=True)
    assert "Respuesta de Segundo Cuzco registrada: Confirmado." in respuesta.content.decode()
    sin_correo.refresh_from_db()
    assert sin_correo.estado == Invitado.Estado.CONFIRMADO
    assert not mail.outbox  # no e-mail to send to
