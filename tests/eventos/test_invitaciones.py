"""Personal invitation links: one answer per guest, not guessable, not transferable."""

import pytest
from django.core import mail, signing

from eventos import enlaces, services
from eventos.models import Correo, Evento, Invitado

pytestmark = pytest.mark.django_db


def test_enviar_invitaciones_una_vez_por_invitado(evento, coordinadora, client):
    for i in range(3):
        services.invitado_agregar(
            evento=evento,
            usuario=coordinadora,
            datos={"nombre": f"P{i}", "email": f"p{i}@example.org"},
        )
    services.invitado_agregar(evento=evento, usuario=coordinadora, datos={"nombre": "Sin correo"})
    assert services.invitaciones_enviar(evento=evento, usuario=coordinadora) == 3
    evento.refresh_from_db()
    assert evento.estado == Evento.Estado.INVITACIONES
    # Eager tasks run in process (no REDIS_URL) — run the dispatcher explicitly in any case.
    services.invitaciones_despachar(evento_id=evento.pk)
    services.invitaciones_despachar(evento_id=evento.pk)
    assert len(mail.outbox) == 3
    assert Correo.objects.filter(tipo=Correo.Tipo.INVITACION).count() == 3
    assert evento.invitados.filter(estado=Invitado.Estado.INVITADO).count() == 3
    assert evento.invitados.get(nombre="Sin correo").estado == Invitado.Estado.POR_INVITAR
    cuerpo = mail.outbox[0].body
    assert "/eventos/invitacion/" in cuerpo and "Socialización de resultados" in cuerpo


def test_el_enlace_confirma_una_sola_vez(invitar, client):
    (invitado,) = invitar(1)
    url = enlaces.url_respuesta(invitado, absoluta=False)
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "¿Nos acompañará?" in pagina.content.decode()
    client.post(url, {"respuesta": "si"})
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.CONFIRMADO
    # The same link cannot change the answer afterwards.
    respuesta = client.post(url, {"respuesta": "no"}, follow=True)
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.CONFIRMADO
    html = respuesta.content.decode()
    assert "Ya registramos su respuesta a esta invitación." in html
    assert "Su asistencia está confirmada." in html
    assert "data:image/png;base64," in html  # the check-in QR


def test_confirmacion_por_correo_con_qr_adjunto(invitar, client):
    (invitado,) = invitar(1)
    mail.outbox.clear()
    services.invitacion_responder(invitado=invitado, asiste=True)
    services.confirmacion_despachar(invitado_id=invitado.pk)
    services.confirmacion_despachar(invitado_id=invitado.pk)  # a second delivery sends nothing
    assert len(mail.outbox) == 1
    mensaje = mail.outbox[0]
    assert mensaje.subject.startswith("Asistencia confirmada")
    nombre, contenido, tipo = mensaje.attachments[0]
    assert tipo == "image/png" and contenido.startswith(b"\x89PNG")


def test_enlace_alterado_da_error_en_espanol(invitar, client):
    (invitado,) = invitar(1)
    token = enlaces.token_respuesta(invitado)
    alterado = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    respuesta = client.get(f"/eventos/invitacion/{alterado}/")
    assert respuesta.status_code == 400
    assert "Este enlace de invitación no es válido" in respuesta.content.decode()
    assert client.post(f"/eventos/invitacion/{alterado}/", {"respuesta": "si"}).status_code == 400
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.INVITADO


def test_un_enlace_no_sirve_para_otro_invitado(invitar):
    a, b = invitar(2)
    # Someone who knows their own link puts the other guest's id in it: the signature breaks.
    valor = signing.b64_encode(signing.JSONSerializer().dumps([b.pk, a.clave])).decode()
    firma = enlaces.token_respuesta(a).split(":")[-1]
    with pytest.raises(enlaces.EnlaceInvalido):
        enlaces.invitado_por_token_respuesta(f".{valor}:{firma}")
    # Correctly signed but with the wrong key (revoked or guessed): refused as well.
    falso = signing.dumps([b.pk, a.clave], salt=enlaces.SAL_RESPUESTA, compress=True)
    with pytest.raises(enlaces.EnlaceInvalido):
        enlaces.invitado_por_token_respuesta(falso)
    # The check-in token is not an answer link (different salt).
    with pytest.raises(enlaces.EnlaceInvalido):
        enlaces.invitado_por_token_respuesta(enlaces.token_acreditacion(a))
    assert enlaces.invitado_por_token_respuesta(enlaces.token_respuesta(a)) == a


def test_los_enlaces_no_se_adivinan(invitar):
    invitados = invitar(5)
    tokens = {enlaces.token_respuesta(i) for i in invitados}
    claves = {i.clave for i in invitados}
    assert len(tokens) == 5 and len(claves) == 5
    assert all(len(c) >= 24 for c in claves)  # 18 random bytes, url-safe base64


def test_declinar(invitar, client):
    (invitado,) = invitar(1)
    client.post(enlaces.url_respuesta(invitado, absoluta=False), {"respuesta": "no"})
    invitado.refresh_from_db()
    assert invitado.estado == Invitado.Estado.RECHAZADO
    assert invitado.respondido_en is not None


def test_no_se_responde_a_un_evento_realizado(invitar, evento, coordinadora):
    (invitado,) = invitar(1)
    Evento.objects.filter(pk=evento.pk).update(estado=Evento.Estado.REALIZADO)
    with pytest.raises(Exception) as error:
        services.invitacion_responder(invitado=invitado, asiste=True)
    assert "ya se realizó" in str(error.value)
