"""Citizens' messages: the public form (Spanish validation, honeypot, rate limit), the staff
inbox, the answer e-mailed once; personal data only for staff."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from comunicacion import services
from comunicacion.models import Mensaje
from comunicacion.services import publicacion
from comunicacion.views import ContactoView
from sie.models import Canton

pytestmark = pytest.mark.django_db

CONTACTO = reverse("comunicacion:contacto")


def test_un_visitante_envia_un_mensaje(client, datos_de_contacto):
    respuesta = client.post(CONTACTO, datos_de_contacto())
    assert respuesta.status_code == 302
    assert respuesta["Location"] == reverse("comunicacion:contacto_gracias")
    mensaje = Mensaje.objects.get()
    assert mensaje.estado == Mensaje.Estado.NUEVO
    assert mensaje.canton.codigo == "1702"
    assert "Recibimos su mensaje" in client.get(respuesta["Location"]).content.decode()


def test_validacion_en_espanol(client, datos_de_contacto):
    respuesta = client.post(
        CONTACTO, datos_de_contacto(nombre="", email="no-es-correo", asunto="", texto="")
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    assert "Escriba su nombre." in html
    assert "Escriba un correo electrónico válido" in html
    assert "Escriba el asunto de su mensaje." in html
    assert "Escriba su mensaje." in html
    respuesta = client.post(CONTACTO, datos_de_contacto(texto="x" * 4001))
    assert "El mensaje puede tener hasta 4000 caracteres." in respuesta.content.decode()
    assert not Mensaje.objects.exists()


def test_el_campo_trampa_detiene_a_los_robots(client, datos_de_contacto):
    respuesta = client.post(CONTACTO, datos_de_contacto(web="http://spam.example"))
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    assert "No pudimos procesar su mensaje." in respuesta.content.decode()
    assert not Mensaje.objects.exists()


def test_limite_por_conexion(client, datos_de_contacto):
    for _ in range(ContactoView.LIMITE_POR_HORA):
        assert client.post(CONTACTO, datos_de_contacto()).status_code == 302
    respuesta = client.post(CONTACTO, datos_de_contacto())
    assert respuesta.status_code == 429
    assert "Demasiados mensajes desde esta conexión" in respuesta.content.decode()
    assert Mensaje.objects.count() == ContactoView.LIMITE_POR_HORA
    # Another address is not affected.
    otra = client.post(CONTACTO, datos_de_contacto(), REMOTE_ADDR="10.0.0.9")
    assert otra.status_code == 302
    from django.core.cache import cache

    cache.delete("comunicacion:contacto:10.0.0.9")


def test_la_respuesta_se_envia_por_correo_una_vez(
    cliente_de, comunicador, mensaje, django_capture_on_commit_callbacks
):
    cliente = cliente_de(comunicador)
    url = reverse("comunicacion:mensaje", args=[mensaje.pk])
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente.post(
            url, {"respuesta": "Le invitamos a la próxima sesión en Puerto Quito."}
        )
    assert respuesta.status_code == 302
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.RESPONDIDO
    assert mensaje.respondido_por == comunicador
    assert mensaje.respuesta_enviada_en is not None
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["rosa@example.org"]
    assert "Consulta sobre la mesa de turismo" in correo.subject
    assert "Le invitamos a la próxima sesión en Puerto Quito." in correo.body
    assert "Estimado/a Rosa Guamán" in correo.body
    # A retried task, or a second answer, sends nothing more.
    assert services.respuesta_enviar(mensaje_id=mensaje.pk) is False
    with django_capture_on_commit_callbacks(execute=True):
        segunda = cliente.post(url, {"respuesta": "Otra"}, follow=True)
    assert "Este mensaje ya fue respondido." in segunda.content.decode()
    assert len(mail.outbox) == 1
    pagina = cliente.get(url).content.decode()
    assert "Enviada por correo." in pagina


def test_respuesta_vacia_se_rechaza(cliente_de, comunicador, mensaje):
    respuesta = cliente_de(comunicador).post(
        reverse("comunicacion:mensaje", args=[mensaje.pk]), {"respuesta": ""}
    )
    assert "Escriba la respuesta." in respuesta.content.decode()
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.NUEVO


def test_los_datos_personales_solo_para_el_equipo(
    client, cliente_de, comunicador, mensaje, publicada
):
    html = cliente_de(comunicador).get(reverse("comunicacion:bandeja")).content.decode()
    assert mensaje.asunto in html
    detalle = cliente_de(comunicador).get(reverse("comunicacion:mensaje", args=[mensaje.pk]))
    assert "rosa@example.org" in detalle.content.decode()
    client.logout()
    for url in (
        reverse("comunicacion:noticias"),
        publicada.get_absolute_url(),
        reverse("comunicacion:noticias_rss"),
        reverse("comunicacion:noticias_atom"),
        CONTACTO,
    ):
        assert "rosa@example.org" not in client.get(url).content.decode()


def test_plazo_de_15_dias_habiles_y_vencidos(cliente_de, comunicador, mensaje):
    from datetime import date, datetime, timedelta

    from django.utils import timezone

    from comunicacion.models import sumar_dias_habiles

    # Received on Monday 2 November 2026: 15 working days later is Monday 23 November.
    assert sumar_dias_habiles(date(2026, 11, 2), 15) == date(2026, 11, 23)
    Mensaje.objects.filter(pk=mensaje.pk).update(
        recibido=timezone.make_aware(datetime.now() - timedelta(days=30))
    )
    mensaje.refresh_from_db()
    assert mensaje.vencido
    html = cliente_de(comunicador).get(reverse("comunicacion:bandeja")).content.decode()
    assert "Vencido" in html
    detalle = cliente_de(comunicador).get(reverse("comunicacion:mensaje", args=[mensaje.pk]))
    assert "Vencido" in detalle.content.decode()
    services.mensaje_responder(
        mensaje=mensaje, usuario=comunicador, respuesta="Listo.", enviar=False
    )
    mensaje.refresh_from_db()
    assert not mensaje.vencido


def test_pregunto_respondimos_solo_con_permiso_y_sin_datos_personales(client, comunicador, db):
    canton = Canton.objects.get(codigo="1709")
    base = {"nombre": "Ana Pérez", "canton": canton, "texto": "¿Habrá señalética?"}
    con_permiso = services.mensaje_recibir(
        datos={**base, "email": "ana@example.org", "asunto": "Señalética", "publicar": True}
    )
    sin_permiso = services.mensaje_recibir(
        datos={**base, "email": "ana2@example.org", "asunto": "Asunto privado"}
    )
    sin_responder = services.mensaje_recibir(
        datos={**base, "email": "ana3@example.org", "asunto": "Aún sin respuesta", "publicar": True}
    )
    for m in (con_permiso, sin_permiso):
        services.mensaje_responder(
            mensaje=m, usuario=comunicador, respuesta="Sí, en 2027.", enviar=False
        )
    # Nothing is public until someone approves the public version (issue 17).
    html = client.get(reverse("comunicacion:respuestas")).content.decode()
    assert "Sí, en 2027." not in html and "señalética" not in html
    for m in (con_permiso, sin_permiso):
        try:
            publicacion.mensaje_publicacion_guardar(
                mensaje=m,
                usuario=comunicador,
                pregunta_publica=m.texto,
                respuesta_publica="Sí, en 2027.",
                aprobar=True,
            )
        except ValidationError:
            assert m == sin_permiso  # its sender did not agree to publication
    html = client.get(reverse("comunicacion:respuestas")).content.decode()
    assert "¿Habrá señalética?" in html and "Sí, en 2027." in html and "Puerto Quito" in html
    assert html.count("Sí, en 2027.") == 1
    assert "Asunto privado" not in html and sin_responder.asunto not in html
    assert "Ana Pérez" not in html and "ana@example.org" not in html


def test_el_formulario_guarda_el_permiso_de_publicar(client, datos_de_contacto):
    client.post(CONTACTO, datos_de_contacto(publicar="on"))
    assert Mensaje.objects.get().publicar is True
