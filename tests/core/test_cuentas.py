"""Accounts: login, logout, password reset by e-mail and login throttling (django-axes)."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core import mail

from core.roles import Rol

pytestmark = pytest.mark.django_db

CLAVE = "clave-de-prueba-123"


def _ingresar(client, username, password, **extra):
    return client.post("/cuentas/login/", {"username": username, "password": password}, **extra)


def test_los_cinco_roles_existen_como_grupos():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Rol.values)
    assert len(Rol.values) == 5


def test_pagina_de_ingreso_en_espanol(client):
    html = client.get("/cuentas/login/").content.decode()
    assert "Ingreso del equipo del programa" in html
    assert "¿Olvidó su contraseña?" in html


def test_ingreso_lleva_al_panel_y_salida_por_post(client, coordinadora):
    respuesta = _ingresar(client, "coord", CLAVE)
    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/panel/"
    assert client.get("/panel/").status_code == 200

    # Logging out is a POST (a GET link could be triggered by any page).
    assert client.get("/cuentas/logout/").status_code == 405
    respuesta = client.post("/cuentas/logout/")
    assert respuesta.status_code == 302 and respuesta["Location"] == "/"
    assert client.get("/panel/").status_code == 302


def test_ingreso_respeta_next_local_y_rechaza_externo(client, coordinadora):
    respuesta = client.post(
        "/cuentas/login/?next=/sie/cantones/", {"username": "coord", "password": CLAVE}
    )
    assert respuesta["Location"] == "/sie/cantones/"
    client.post("/cuentas/logout/")
    respuesta = client.post(
        "/cuentas/login/?next=https://malicioso.example/", {"username": "coord", "password": CLAVE}
    )
    assert respuesta["Location"] == "/panel/"


def test_clave_equivocada_da_mensaje_en_espanol(client, coordinadora):
    respuesta = _ingresar(client, "coord", "no-es-esta")
    assert respuesta.status_code == 200
    assert "Por favor, introduzca un nombre de usuario y clave correctos" in (
        respuesta.content.decode()
    )


def test_restablecer_clave_por_correo_de_punta_a_punta(client, coordinadora):
    respuesta = client.post("/cuentas/clave/restablecer/", {"email": "coord@example.org"})
    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/cuentas/clave/enviada/"
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["coord@example.org"]
    assert "Pactos por Pichincha" in correo.subject
    assert "Su usuario es: coord" in correo.body

    enlace = re.search(r"https?://[^/\s]+(/cuentas/clave/[^\s]+/)", correo.body).group(1)
    respuesta = client.get(enlace)  # Django swaps the token for a session and redirects
    assert respuesta.status_code == 302
    formulario = respuesta["Location"]
    assert "Elija una contraseña nueva" in client.get(formulario).content.decode()

    nueva = "otra-clave-muy-segura-456"
    respuesta = client.post(formulario, {"new_password1": nueva, "new_password2": nueva})
    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/cuentas/clave/cambiada/"
    assert "Su contraseña fue cambiada" in client.get(respuesta["Location"]).content.decode()

    assert _ingresar(client, "coord", CLAVE).status_code == 200  # the old one no longer works
    assert _ingresar(client, "coord", nueva)["Location"] == "/panel/"
    # The link is single-use.
    assert "El enlace no es válido" in client.get(enlace, follow=True).content.decode()


def test_restablecer_con_correo_desconocido_no_revela_nada(client, coordinadora):
    respuesta = client.post("/cuentas/clave/restablecer/", {"email": "nadie@example.org"})
    assert respuesta["Location"] == "/cuentas/clave/enviada/"
    assert mail.outbox == []


def test_enlace_manipulado_explica_que_no_es_valido(client, coordinadora):
    html = client.get("/cuentas/clave/MQ/token-falso/", follow=True).content.decode()
    assert "El enlace no es válido o ya fue usado" in html


def test_bloqueo_tras_cinco_fallos_y_recuperacion(client, coordinadora, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert _ingresar(client, "coord", "equivocada").status_code == 200
    respuesta = _ingresar(client, "coord", "equivocada")  # the fifth failure locks
    assert respuesta.status_code == 429

    # Even the right password is refused now, with the Spanish lockout page.
    respuesta = _ingresar(client, "coord", CLAVE)
    assert respuesta.status_code == 429
    html = respuesta.content.decode()
    assert "Demasiados intentos fallidos" in html
    assert "15 minutos" in html
    assert "_auth_user_id" not in client.session

    # Another address is not locked out for this user, nor is another user from this address.
    assert _ingresar(client, "coord", CLAVE, REMOTE_ADDR="10.0.0.9").status_code == 302
    client.post("/cuentas/logout/")

    # After the cool-off (15 minutes) the attempts no longer count.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16)
    )
    respuesta = _ingresar(client, "coord", CLAVE)
    assert respuesta.status_code == 302 and respuesta["Location"] == "/panel/"


def test_bloqueo_de_un_usuario_no_afecta_a_otro(client, coordinadora, facilitador):
    for _ in range(5):
        _ingresar(client, "coord", "equivocada")
    assert _ingresar(client, "coord", CLAVE).status_code == 429
    assert _ingresar(client, "facil", CLAVE).status_code == 302


def test_pagina_de_bloqueo_en_ingles(client, coordinadora):
    for _ in range(5):
        client.post("/en/cuentas/login/", {"username": "coord", "password": "x"})
    respuesta = client.post("/en/cuentas/login/", {"username": "coord", "password": CLAVE})
    assert respuesta.status_code == 429
    assert "Too many failed attempts" in respuesta.content.decode()


def test_cambiar_la_clave_estando_dentro(client, coordinadora):
    assert client.get("/cuentas/clave/cambiar/")["Location"].startswith("/cuentas/login/")
    _ingresar(client, "coord", CLAVE)
    html = client.get("/").content.decode()
    assert 'href="/cuentas/clave/cambiar/"' in html
    nueva = "clave-nueva-del-equipo-789"
    respuesta = client.post(
        "/cuentas/clave/cambiar/",
        {"old_password": "equivocada", "new_password1": nueva, "new_password2": nueva},
    )
    assert respuesta.status_code == 200
    assert "Su contraseña antigua es incorrecta" in respuesta.content.decode()
    respuesta = client.post(
        "/cuentas/clave/cambiar/",
        {"old_password": CLAVE, "new_password1": nueva, "new_password2": nueva},
    )
    assert respuesta["Location"] == "/cuentas/clave/cambiar/listo/"
    assert "Su contraseña fue cambiada." in client.get(respuesta["Location"]).content.decode()
    client.post("/cuentas/logout/")
    assert _ingresar(client, "coord", nueva)["Location"] == "/panel/"


def test_404_en_ingles(client):
    respuesta = client.get("/en/no-existe/")
    assert respuesta.status_code == 404
    assert "We could not find this page" in respuesta.content.decode()
