"""The staff views' one write path: one view per action, refusals answered 400 on the form with
what was typed, objects of another event out of reach."""

import pytest

from eventos import services
from eventos.models import Evento, Invitado

pytestmark = pytest.mark.django_db


def test_un_formulario_invalido_responde_400_con_lo_escrito(evento, coordinadora, cliente_de):
    respuesta = cliente_de(coordinadora).post(
        f"/eventos/gestion/{evento.pk}/editar/",
        {"titulo": "Título escrito a mano", "tipo": evento.tipo},
    )
    assert respuesta.status_code == 400
    assert "Título escrito a mano" in respuesta.content.decode()
    evento.refresh_from_db()
    assert evento.titulo != "Título escrito a mano"


def test_una_accion_rechazada_explica_el_motivo(evento, coordinadora, cliente_de):
    cliente = cliente_de(coordinadora)
    respuesta = cliente.post(f"/eventos/gestion/{evento.pk}/invitados/enviar/")
    assert respuesta.status_code == 400
    assert "No hay invitados con correo pendientes de invitar." in respuesta.content.decode()
    respuesta = cliente.post(f"/eventos/gestion/{evento.pk}/invitados/recordatorio/")
    assert respuesta.status_code == 400
    assert "no hay a quién recordar" in respuesta.content.decode()


def test_la_sistematizacion_tiene_una_vista_por_accion(evento, coordinadora, cliente_de):
    cliente = cliente_de(coordinadora)
    base = f"/eventos/gestion/{evento.pk}/sistematizacion/"
    for accion in ("foto/", "informe/", "certificados/"):
        assert cliente.get(base + accion).status_code == 405, accion
    respuesta = cliente.post(base + "informe/")
    assert respuesta.status_code == 400
    assert "Registre primero la sistematización del evento." in respuesta.content.decode()
    respuesta = cliente.post(base + "certificados/")
    assert respuesta.status_code == 400
    assert "cuando el evento se ha realizado" in respuesta.content.decode()
    # The event has not happened yet: what was typed stays on the page.
    respuesta = cliente.post(base, {"resumen": "Resumen escrito antes de tiempo"})
    assert respuesta.status_code == 400
    assert "Resumen escrito antes de tiempo" in respuesta.content.decode()


def test_el_estado_de_una_tarea_y_el_equipo_por_su_url(evento, coordinadora, cliente_de):
    cliente = cliente_de(coordinadora)
    n = services.logistica_aplicar_plantilla(evento=evento, usuario=coordinadora)
    assert cliente.post(f"/eventos/gestion/{evento.pk}/logistica/plantilla/").status_code == 302
    assert evento.tareas.count() == n
    tarea = evento.tareas.first()
    url = f"/eventos/gestion/{evento.pk}/logistica/tarea/{tarea.pk}/estado/"
    assert cliente.post(url, {"estado": "no-existe"}).status_code == 400
    assert cliente.post(url, {"estado": "lista"}).status_code == 302
    tarea.refresh_from_db()
    assert tarea.estado == "lista"
    agregar = f"/eventos/gestion/{evento.pk}/equipo/agregar/"
    assert cliente.post(agregar, {"rol": "responsable"}).status_code == 400
    respuesta = cliente.post(agregar, {"usuario": coordinadora.pk, "rol": "logistica"})
    assert respuesta.status_code == 302
    miembro = evento.equipo.get()
    quitar = f"/eventos/gestion/{evento.pk}/equipo/{miembro.pk}/quitar/"
    assert cliente.post(quitar).status_code == 302
    assert not evento.equipo.exists()


def test_un_invitado_de_otro_evento_no_se_alcanza(
    evento, crear_evento, invitar, coordinadora, cliente_de
):
    otro = crear_evento(titulo="Otro evento")
    (ajeno,) = invitar(1, ev=otro)
    url = f"/eventos/gestion/{evento.pk}/invitados/{ajeno.pk}/respuesta/"
    assert cliente_de(coordinadora).post(url, {}).status_code == 404
    ajeno.refresh_from_db()
    assert ajeno.estado == Invitado.Estado.INVITADO


def test_la_llegada_rechazada_responde_al_htmx_con_el_motivo(
    evento, invitar, coordinadora, cliente_de
):
    (invitado,) = invitar(1)
    Evento.objects.filter(pk=evento.pk).update(estado=Evento.Estado.SISTEMATIZADO)
    respuesta = cliente_de(coordinadora).post(
        f"/eventos/gestion/{evento.pk}/acreditacion/{invitado.pk}/", HTTP_HX_REQUEST="true"
    )
    assert respuesta.status_code == 400
    html = respuesta.content.decode()
    assert "no se registran más llegadas" in html and "<html" not in html
    invitado.refresh_from_db()
    assert not invitado.asistio
