import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from mesas import services
from mesas.correo import recordatorios_enviar
from mesas.models import Invitacion

pytestmark = pytest.mark.django_db


def test_convocatoria_por_correo_con_agenda_e_ics_y_confirmacion(
    convocar, cliente_de, client, fac_cayambe, sesion_cayambe, crear_persona
):
    services.punto_agenda_agregar(sesion=sesion_cayambe, titulo="Ruta del bizcocho")
    con_correo = crear_persona("Rosa", "Farinango", email="rosa@correo.ec")
    sin_correo = crear_persona("Segundo", "Sin Correo")
    respuesta = convocar(sesion_cayambe, con_correo, sin_correo, follow=True)
    html = respuesta.content.decode()
    assert "Invitaciones en camino: 1." in html and "Segundo Sin Correo" in html
    assert len(mail.outbox) == 1
    mensaje = mail.outbox[0]
    assert mensaje.to == ["rosa@correo.ec"] and "Ruta del bizcocho" in mensaje.body
    nombre, contenido, tipo = mensaje.attachments[0]
    assert nombre.endswith(".ics") and tipo == "text/calendar"
    evento = Calendar.from_ical(contenido).walk("VEVENT")[0]
    assert "Cayambe" in str(evento["summary"])

    invitacion = Invitacion.objects.get()
    assert invitacion.enviada_en is not None
    client.post(f"/mesas/invitacion/{invitacion.token}/", {"respuesta": "si"})
    invitacion.refresh_from_db()
    assert invitacion.respuesta == Invitacion.Respuesta.CONFIRMADA
    pagina = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert "Confirmó asistencia" in pagina


def test_recordatorio_el_dia_anterior_una_sola_vez(mesa_cayambe, crear_persona, crear_sesion):
    manana = crear_sesion(mesa_cayambe, dias=1)
    en_una_semana = crear_sesion(mesa_cayambe, dias=7)
    rosa = crear_persona(email="rosa@correo.ec")
    luis = crear_persona(email="luis@correo.ec")
    for sesion in (manana, en_una_semana):
        Invitacion.objects.create(sesion=sesion, actor=rosa, enviada_en=timezone.now())
    Invitacion.objects.create(sesion=manana, actor=luis, respuesta=Invitacion.Respuesta.DECLINADA)
    ahora = timezone.localtime(manana.inicio) - datetime.timedelta(days=1)
    assert recordatorios_enviar(ahora=ahora) == 1
    assert mail.outbox[0].to == ["rosa@correo.ec"] and "Recordatorio" in mail.outbox[0].subject
    assert recordatorios_enviar(ahora=ahora) == 0


def test_calendario_publico_sin_agenda(client, sesion_cayambe):
    services.punto_agenda_agregar(sesion=sesion_cayambe, titulo="Punto interno")
    respuesta = client.get("/mesas/turismo-cayambe/calendario.ics")
    assert respuesta["Content-Type"] == "text/calendar"
    assert b"Punto interno" not in respuesta.content
    assert len(Calendar.from_ical(respuesta.content).walk("VEVENT")) == 1
    assert client.get("/mesas/calendario.ics").status_code == 200


def test_una_organizacion_convocada_no_recibe_estimado_a(
    convocar, sesion_cayambe, crear_persona, organizacion
):
    """An association reads "Estimados/as integrantes de …", a person "Estimado/a …"."""
    persona = crear_persona("Rosa", "Farinango", email="rosa@correo.ec")
    convocar(sesion_cayambe, persona, organizacion)
    cuerpos = {m.to[0]: m.body for m in mail.outbox}
    assert cuerpos["kayambi@example.org"].startswith(
        "Estimados/as integrantes de Asociación de Turismo Comunitario Kayambi:"
    )
    assert "Estimado/a Asociación" not in cuerpos["kayambi@example.org"]
    assert cuerpos["rosa@correo.ec"].startswith("Estimado/a Rosa Farinango:")


def test_la_lista_de_convocables_llega_solo_cuando_se_pide(
    cliente_de, fac_cayambe, sesion_cayambe, crear_persona
):
    """The session page on a phone does not carry the long list of everyone who can be invited:
    "Elegir a quién invitar" brings it; a refused convocation shows it again with its error."""
    crear_persona("Zoila", "Convocable Andrango", email="zoila@correo.ec")
    cliente = cliente_de(fac_cayambe)
    url = f"/mesas/sesion/{sesion_cayambe.pk}/"

    pagina = cliente.get(url).content.decode()
    assert (
        "Elegir a quién invitar" in pagina and 'href="?convocar=1#seccion-convocatoria"' in pagina
    )
    assert "lista-convocables" not in pagina and 'name="actores"' not in pagina

    elegir = cliente.get(url, {"convocar": "1"}).content.decode()
    assert "lista-convocables" in elegir and 'name="actores"' in elegir
    assert "Zoila Convocable Andrango" in elegir
    assert "Enviar invitaciones" in elegir

    rechazada = cliente.post(f"{url}convocar/", {})
    assert rechazada.status_code == 400
    html = rechazada.content.decode()
    assert "lista-convocables" in html and "Elija al menos a una persona u organización." in html
