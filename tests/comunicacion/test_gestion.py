"""The staff news desk: create as draft, edit, publish, withdraw; preview of drafts."""

import pytest
from django.urls import reverse

from comunicacion.models import Noticia
from sie.models import Canton, Eje

pytestmark = pytest.mark.django_db


def test_crear_editar_y_publicar_desde_las_pantallas(cliente_de, comunicador, client):
    cliente = cliente_de(comunicador)
    turismo = Eje.objects.get(codigo="turismo")
    pedro = Canton.objects.get(codigo="1705")
    respuesta = cliente.post(
        reverse("comunicacion:noticia_nueva"),
        {
            "titulo": "Feria de turismo en Pedro Moncayo",
            "resumen": "Productores y operadores se encuentran.",
            "cuerpo": "Una **feria** con 40 emprendimientos.",
            "ejes": [turismo.pk],
            "cantones": [pedro.pk],
        },
    )
    noticia = Noticia.objects.get(titulo="Feria de turismo en Pedro Moncayo")
    assert respuesta.status_code == 302
    assert noticia.estado == "borrador" and noticia.autor == comunicador
    assert list(noticia.ejes.all()) == [turismo]

    vista_previa = cliente.get(reverse("comunicacion:noticia_gestion", args=[noticia.pk]))
    assert "<strong>feria</strong>" in vista_previa.content.decode()
    assert "Borrador: solo el equipo la ve." in vista_previa.content.decode()

    cliente.post(
        reverse("comunicacion:noticia_editar", args=[noticia.pk]),
        {"titulo": noticia.titulo, "resumen": "Resumen nuevo.", "cuerpo": noticia.cuerpo},
    )
    noticia.refresh_from_db()
    assert noticia.resumen == "Resumen nuevo."
    assert noticia.ejes.count() == 0  # unchecked in the form

    cliente.post(reverse("comunicacion:noticia_publicar", args=[noticia.pk]))
    noticia.refresh_from_db()
    assert noticia.estado == "publicada" and noticia.publicada_en is not None
    client.logout()
    assert client.get(noticia.get_absolute_url()).status_code == 200


def test_formulario_con_errores_en_espanol(cliente_de, comunicador):
    respuesta = cliente_de(comunicador).post(reverse("comunicacion:noticia_nueva"), {})
    assert respuesta.status_code == 400  # an invalid form keeps what was typed
    html = respuesta.content.decode()
    assert "Escriba el título de la noticia." in html
    assert "Escriba un resumen de una o dos frases." in html
    assert "Escriba el texto de la noticia." in html
    assert not Noticia.objects.exists()


def test_lista_de_gestion_muestra_borradores(cliente_de, coordinadora, borrador, publicada):
    html = cliente_de(coordinadora).get(reverse("comunicacion:noticias_gestion")).content.decode()
    assert borrador.titulo in html and publicada.titulo in html
    html = (
        cliente_de(coordinadora)
        .get(reverse("comunicacion:noticias_gestion"), {"estado": "borrador"})
        .content.decode()
    )
    assert borrador.titulo in html and publicada.titulo not in html
