"""Role × view table: Comunicación and Coordinación manage news and messages; nobody else."""

import pytest
from django.urls import reverse

from tests.ayudas_roles import CON_CUENTA

pytestmark = pytest.mark.django_db

# Administración is a superuser account: Django grants it every permission.
GESTIONAN = {"coordinacion", "comunicacion", "administracion"}


def _vistas(noticia, mensaje):
    return [
        reverse("comunicacion:noticias_gestion"),
        reverse("comunicacion:noticia_nueva"),
        reverse("comunicacion:noticia_gestion", args=[noticia.pk]),
        reverse("comunicacion:noticia_editar", args=[noticia.pk]),
        reverse("comunicacion:bandeja"),
        reverse("comunicacion:mensaje", args=[mensaje.pk]),
    ]


@pytest.mark.parametrize("rol", CON_CUENTA)
def test_tabla_de_permisos_de_las_vistas_de_gestion(
    rol, usuarios_por_rol, cliente_de, borrador, mensaje
):
    cliente = cliente_de(usuarios_por_rol[rol])
    for url in _vistas(borrador, mensaje):
        respuesta = cliente.get(url)
        esperado = 200 if rol in GESTIONAN else 403
        assert respuesta.status_code == esperado, (rol, url)
        if esperado == 403:
            assert "el rol de Comunicación o de Coordinación" in respuesta.content.decode()


def test_anonimo_va_a_iniciar_sesion(client, borrador, mensaje):
    for url in _vistas(borrador, mensaje):
        respuesta = client.get(url)
        assert respuesta.status_code == 302 and "next=" in respuesta["Location"]


@pytest.mark.parametrize("rol", CON_CUENTA)
def test_publicar_y_responder_segun_rol(rol, usuarios_por_rol, cliente_de, borrador, mensaje):
    cliente = cliente_de(usuarios_por_rol[rol])
    cliente.post(reverse("comunicacion:noticia_publicar", args=[borrador.pk]))
    cliente.post(reverse("comunicacion:mensaje", args=[mensaje.pk]), {"respuesta": "Hola."})
    borrador.refresh_from_db()
    mensaje.refresh_from_db()
    assert (borrador.estado == "publicada") is (rol in GESTIONAN)
    assert (mensaje.estado == "respondido") is (rol in GESTIONAN)


@pytest.mark.parametrize("rol", ["facilitacion", "analisis", "sin_rol"])
def test_los_servicios_tambien_niegan(rol, usuarios_por_rol, crear_noticia):
    from comunicacion import services
    from core.permisos import AccesoDenegado

    with pytest.raises(AccesoDenegado):
        services.noticia_crear(
            usuario=usuarios_por_rol[rol], datos={"titulo": "x", "resumen": "x", "cuerpo": "x"}
        )


def test_el_publico_entra_a_noticias_y_contacto(client, publicada):
    for url in (
        reverse("comunicacion:noticias"),
        publicada.get_absolute_url(),
        reverse("comunicacion:noticias_rss"),
        reverse("comunicacion:noticias_atom"),
        reverse("comunicacion:contacto"),
    ):
        assert client.get(url).status_code == 200, url
