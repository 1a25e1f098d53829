"""People, roles and assignments in the portal (/panel/personas/), from the user's side: the
invitation e-mail and its set-password link, roles a coordinator may not give, deactivation,
tables and organisations' contacts, and the commitment reminder that follows from them."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from core.models import CambioPersona
from core.roles import Rol
from mesas.models import Mesa
from pactos.models import Pacto
from pactos.services.pactos import recordatorios_enviar
from tests.factories.actores import ActorFactory
from tests.factories.pactos import CompromisoFactory, PactoFactory

pytestmark = pytest.mark.django_db
Usuario = get_user_model()


def _enlace(correo, portal: str) -> str:
    (enlace,) = [e for e in re.findall(r"https?://\S+", correo.body) if "/invitacion/" in e]
    assert enlace.startswith(portal)
    return enlace.removeprefix(portal)


def test_invitar_elegir_clave_ingresar_y_ver_su_menu(
    administrador, cliente_de, client, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_URL = "https://pactos.example.org"
    cliente = cliente_de(administrador)
    menu = cliente.get("/panel/").content.decode()
    # the staff menu has the people page and also the public list of participants (issue 17)
    assert "Personas y roles" in menu and 'href="/panel/personas/"' in menu
    assert "Participantes" in menu and 'href="/actores/participantes/"' in menu
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente.post(
            "/panel/personas/invitar/",
            {
                "correo": "Lucia@Example.org",
                "nombre": "Lucía",
                "apellido": "Andrango",
                "roles": [Rol.COMUNICACION],
            },
        )
    assert respuesta.status_code == 302
    persona = Usuario.objects.get(email="lucia@example.org")
    assert not persona.has_usable_password()
    pagina = cliente.get(respuesta["Location"]).content.decode()
    assert "Invitada: aún no eligió su contraseña" in pagina
    assert "Invitación enviada" in pagina  # the account's history: what, who
    (correo,) = mail.outbox
    assert correo.to == ["lucia@example.org"]
    ruta = _enlace(correo, "https://pactos.example.org")

    client.logout()
    formulario = client.get(ruta, follow=True)
    assert "Escriba su nueva contraseña dos veces." in formulario.content.decode()
    clave = "Quitumbe-2026-montaña"
    hecho = client.post(
        formulario.redirect_chain[-1][0], {"new_password1": clave, "new_password2": clave}
    )
    assert hecho.status_code == 302
    assert client.get(ruta, follow=True).context["validlink"] is False  # used once
    entrada = client.post("/cuentas/login/", {"username": "lucia@example.org", "password": clave})
    assert entrada.status_code == 302
    menu = client.get("/panel/").content.decode()
    assert 'href="/comunicacion/gestion/noticias/"' in menu
    assert 'href="/panel/personas/"' not in menu  # Participantes: Administración, Coordinación
    assert 'href="/sie/gestion/"' not in menu


def test_el_enlace_de_invitacion_vence(
    administrador, cliente_de, settings, client, django_capture_on_commit_callbacks
):
    settings.PORTAL_INVITACION_DIAS = 7
    with django_capture_on_commit_callbacks(execute=True):
        cliente_de(administrador).post(
            "/panel/personas/invitar/", {"correo": "p@example.org", "nombre": "P", "roles": []}
        )
    ruta = _enlace(mail.outbox[0], settings.PORTAL_URL)
    settings.PORTAL_INVITACION_DIAS = 0
    client.logout()
    # A link older than its lifetime (0 days here) no longer lets anyone choose a password.
    from core.services import generador_invitacion

    generador_invitacion._now = lambda: datetime.datetime.now() + datetime.timedelta(seconds=5)
    try:
        assert client.get(ruta, follow=True).context["validlink"] is False
    finally:
        del generador_invitacion._now


def test_coordinacion_no_puede_dar_administracion(coordinadora, facilitador, cliente_de):
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(f"/panel/personas/{facilitador.pk}/").content.decode()
    assert f'value="{Rol.ADMINISTRACION}"' not in pagina  # not even offered
    respuesta = cliente.post(
        f"/panel/personas/{facilitador.pk}/roles/",
        {"roles": [Rol.FACILITACION, Rol.ADMINISTRACION]},
    )
    assert respuesta.status_code == 400
    assert Rol.ADMINISTRACION not in set(facilitador.groups.values_list("name", flat=True))
    # The roles it may give, it gives, and the change is recorded with who made it.
    cliente.post(
        f"/panel/personas/{facilitador.pk}/roles/", {"roles": [Rol.FACILITACION, Rol.ANALISIS]}
    )
    assert set(facilitador.groups.values_list("name", flat=True)) == {
        Rol.FACILITACION,
        Rol.ANALISIS,
    }
    cambio = CambioPersona.objects.get(persona=facilitador, accion="roles")
    assert cambio.autor == coordinadora and "Análisis SIE" in cambio.detalle
    # Nor can it invite someone as Administración.
    respuesta = cliente.post(
        "/panel/personas/invitar/",
        {"correo": "x@example.org", "nombre": "X", "roles": [Rol.ADMINISTRACION]},
    )
    assert respuesta.status_code == 400
    assert not Usuario.objects.filter(email="x@example.org").exists()
    # Deactivating is Administración's.
    assert cliente.post(f"/panel/personas/{facilitador.pk}/desactivar/").status_code == 403


def test_desactivar_impide_ingresar_y_no_borra(administrador, facilitador, cliente_de, client):
    cliente = cliente_de(administrador)
    cliente.post(f"/panel/personas/{facilitador.pk}/desactivar/")
    facilitador.refresh_from_db()
    assert not facilitador.is_active
    client.logout()
    respuesta = client.post(
        "/cuentas/login/", {"username": "facil", "password": "clave-de-prueba-123"}
    )
    assert respuesta.status_code == 200 and not respuesta.wsgi_request.user.is_authenticated
    pagina = cliente_de(administrador).get(f"/panel/personas/{facilitador.pk}/").content.decode()
    assert "Cuenta desactivada" in pagina
    # Nobody deactivates their own account.
    cliente_de(administrador).post(f"/panel/personas/{administrador.pk}/desactivar/")
    administrador.refresh_from_db()
    assert administrador.is_active


def test_coordinacion_asigna_mesas_desde_la_pagina_de_la_persona(
    coordinadora, facilitador, cliente_de
):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(f"/panel/personas/{facilitador.pk}/").content.decode()
    assert "Mesas que facilita" in pagina
    cliente.post(f"/mesas/facilitacion/{facilitador.pk}/", {"mesas": [mesa.pk]})
    assert list(facilitador.mesas_facilitadas.all()) == [mesa]
    pagina = cliente.get(f"/panel/personas/{facilitador.pk}/").content.decode()
    assert "Empieza a facilitar" in pagina


def test_contacto_enlazado_desde_la_organizacion_recibe_el_recordatorio_con_enlace(
    coordinadora, crear_usuario, cliente_de, settings
):
    settings.PORTAL_URL = "https://pactos.example.org"
    org = ActorFactory(nombre="Asociación de Turismo Comunitario")
    pacto = PactoFactory(
        estado=Pacto.Estado.FIRMADO, fecha_firma=timezone.localdate() - datetime.timedelta(days=90)
    )
    compromiso = CompromisoFactory(
        pacto=pacto, lider=org, plazo=timezone.localdate() - datetime.timedelta(days=1)
    )
    contacto = crear_usuario("rosa", first_name="Rosa")
    cliente = cliente_de(coordinadora)
    actor = cliente.get(org.get_absolute_url()).content.decode()
    assert f'href="/pactos/organizaciones/{org.pk}/contactos/"' in actor
    pagina = cliente.get(f"/pactos/organizaciones/{org.pk}/contactos/").content.decode()
    assert "espera una persona de contacto" in pagina
    respuesta = cliente.post(
        f"/pactos/organizaciones/{org.pk}/contactos/", {"persona": contacto.pk}
    )
    assert respuesta.status_code == 302
    assert "rosa@example.org" in cliente.get(respuesta["Location"]).content.decode()
    assert CambioPersona.objects.filter(persona=contacto, accion="contacto").exists()
    persona = cliente.get(f"/panel/personas/{contacto.pk}/").content.decode()
    assert "Contacto de organizaciones" in persona and org.nombre in persona

    assert recordatorios_enviar() == 1
    (correo,) = mail.outbox
    assert correo.to == ["rosa@example.org"]
    assert (
        f"https://pactos.example.org/pactos/mis-compromisos/#compromiso-{compromiso.pk}"
        in correo.body
    )


def test_admin_en_espanol(administrador, cliente_de):
    cliente = cliente_de(administrador)
    indice = cliente.get("/admin/").content.decode()
    assert "Access attempts" not in indice and "Intentos de acceso" in indice
    lista = cliente.get("/admin/auth/group/").content.decode()
    assert ">Run<" not in lista and "Ejecutar" in lista
