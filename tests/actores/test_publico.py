"""The public pages and the API never show e-mail, phone or ids, nor people."""

import pytest
from django.urls import reverse

from actores.models import Actor
from actores.selectors import datos_publicos


@pytest.fixture
def mapa_mixto(crear_actor, sector, eje_agro):
    publica = crear_actor(
        nombre="Cooperativa Visible",
        visible_publico=True,
        email="secreto-org@example.org",
        telefono="0991112233",
        ejes=[eje_agro],
        sectores=[sector],
    )
    oculta = crear_actor(nombre="Gremio Reservado", email="gremio@example.org")
    persona = crear_actor(
        naturaleza=Actor.Naturaleza.PERSONA,
        nombres="Sisa",
        apellidos="Cabascango Lema",
        email="sisa@example.org",
    )
    return publica, oculta, persona


def _sin_datos_personales(texto: str, *actores):
    for a in actores:
        for valor in (
            a.email,
            a.identificacion,
            str(a.telefono),
            a.telefono.as_national if a.telefono else "",
        ):
            if valor:
                assert valor not in texto, valor


def test_pagina_publica_de_participantes(client, mapa_mixto):
    publica, oculta, persona = mapa_mixto
    texto = client.get(reverse("actores:participantes")).content.decode()
    assert "Cooperativa Visible" in texto
    assert "Gremio Reservado" not in texto
    assert "Sisa" not in texto
    _sin_datos_personales(texto, publica, oculta, persona)


def test_ficha_publica_sin_datos_personales(client, mapa_mixto):
    publica, oculta, persona = mapa_mixto
    respuesta = client.get(publica.get_absolute_url())
    assert respuesta.status_code == 200
    texto = respuesta.content.decode()
    assert "Cooperativa Visible" in texto
    _sin_datos_personales(texto, publica)
    assert "Historial de cambios" not in texto
    # Non-public actors: anonymous → login; a logged-in citizen → 403.
    assert client.get(oculta.get_absolute_url()).status_code == 302
    assert client.get(persona.get_absolute_url()).status_code == 302


def test_ciudadano_con_cuenta_no_ve_actores_no_publicos(cliente_de, sin_rol, mapa_mixto):
    publica, oculta, persona = mapa_mixto
    cliente = cliente_de(sin_rol)
    assert cliente.get(persona.get_absolute_url()).status_code == 403
    assert cliente.get(reverse("actores:lista")).status_code == 403
    assert cliente.get(reverse("actores:mapa")).status_code == 403
    texto = cliente.get(publica.get_absolute_url()).content.decode()
    _sin_datos_personales(texto, publica)


def test_api_solo_organizaciones_publicas_sin_datos_personales(client, mapa_mixto):
    publica, oculta, persona = mapa_mixto
    respuesta = client.get("/api/v1/actores/")
    assert respuesta.status_code == 200
    datos = respuesta.json()
    filas = datos["results"] if isinstance(datos, dict) else datos
    assert [f["nombre"] for f in filas] == ["Cooperativa Visible"]
    fila = filas[0]
    assert set(fila) == {
        "id",
        "nombre",
        "siglas",
        "tipo",
        "tipo_nombre",
        "ambito",
        "canton",
        "ejes",
        "sectores",
        "sitio_web",
    }
    assert fila["sectores"] == ["floricultura"]
    _sin_datos_personales(respuesta.content.decode(), publica, oculta, persona)
    assert client.get(f"/api/v1/actores/{oculta.pk}/").status_code == 404
    assert client.get(f"/api/v1/actores/{persona.pk}/").status_code == 404


def test_representacion_publica_sin_campos_personales(mapa_mixto):
    publica = mapa_mixto[0]
    datos = datos_publicos(actor=publica)
    for campo in ("email", "telefono", "identificacion", "genero", "nombres", "apellidos"):
        assert campo not in datos


def test_una_persona_no_puede_publicarse(crear_actor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as e:
        crear_actor(naturaleza=Actor.Naturaleza.PERSONA, visible_publico=True)
    assert "personas nunca" in str(e.value)
