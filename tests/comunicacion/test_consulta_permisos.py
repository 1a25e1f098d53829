# ruff: noqa: F811 - the fixtures imported from _consulta are used as arguments
"""Role × action table of the consultation's views: the public reads and comments; Comunicación
and Coordinación moderate and answer; only Coordinación opens and closes; the closing report is
for the programme's team. Administración is a superuser and may do everything."""

import pytest
from django.urls import reverse

from comunicacion.models import Comentario, Consulta, RespuestaOficial
from tests.ayudas_roles import EQUIPO, ROLES

from ._consulta import comentar, consulta, pacto_borrador  # noqa: F401

pytestmark = pytest.mark.django_db

TODOS = set(ROLES)
MODERAN = {"coordinacion", "comunicacion", "administracion"}
ABREN = {"coordinacion", "administracion"}

# action: (method, url name, argument, who may)
TABLA = {
    "ver la lista pública": ("get", "comunicacion:consultas", None, TODOS),
    "ver la consulta": ("get", "comunicacion:consulta", "consulta", TODOS),
    "ver el formulario": ("get", "comunicacion:comentar", "consulta", TODOS),
    "leer el RSS": ("get", "comunicacion:consulta_rss", "consulta", TODOS),
    "ver la gestión": ("get", "comunicacion:consultas_gestion", None, MODERAN),
    "ver la cola de moderación": ("get", "comunicacion:consulta_moderar", "consulta", MODERAN),
    "abrir una consulta": ("get", "comunicacion:consulta_abrir", None, ABREN),
    "ocultar un comentario": ("post", "comunicacion:comentario_ocultar", "comentario", MODERAN),
    "responder": ("post", "comunicacion:consulta_responder", "consulta", MODERAN),
    "cerrar la consulta": ("post", "comunicacion:consulta_cerrar", "consulta", ABREN),
    "pedir el informe": ("post", "core:documento_solicitar", "informe", EQUIPO),
}


def _hecho(accion, consulta, comentario) -> bool:
    """Whether a POST action actually changed the data."""
    comentario.refresh_from_db()
    consulta.refresh_from_db()
    return {
        "ocultar un comentario": comentario.estado == Comentario.Estado.OCULTO,
        "responder": RespuestaOficial.objects.exists(),
        "cerrar la consulta": consulta.estado == Consulta.Estado.CERRADA,
    }.get(accion, True)


@pytest.mark.parametrize("accion", list(TABLA))
@pytest.mark.parametrize("rol", ROLES)
def test_tabla_de_permisos(rol, accion, usuarios_por_rol, cliente_de, consulta, comentar):
    from core.models import Documento

    metodo, nombre, argumento, pueden = TABLA[accion]
    comentario = comentar()
    args = {
        None: [],
        "consulta": [consulta.pk],
        "comentario": [comentario.pk],
        "informe": ["consulta_informe", consulta.pk],
    }[argumento]
    datos = {
        "motivo": "Fuera de tema.",
        "comentarios": [comentario.pk],
        "texto": "Gracias por su aporte.",
        "decision": "no_aplica",
    }
    cliente = cliente_de(usuarios_por_rol[rol])
    url = reverse(nombre, args=args)
    respuesta = cliente.get(url) if metodo == "get" else cliente.post(url, datos)
    permitido = rol in pueden
    if permitido:
        assert respuesta.status_code in (200, 302), (rol, accion, respuesta.status_code)
        if metodo == "post":
            assert _hecho(accion, consulta, comentario), (rol, accion)
            assert "/cuentas/login/" not in respuesta.get("Location", "")
    elif rol == "anonimo":
        assert respuesta.status_code == 302 and "/cuentas/login/" in respuesta["Location"]
    else:
        # core answers 404 for a document one may not see: it does not reveal that it exists.
        esperado = 404 if nombre == "core:documento_solicitar" else 403
        assert respuesta.status_code == esperado, (rol, accion, respuesta.status_code)
    if metodo == "post" and not permitido:
        comentario.refresh_from_db()
        consulta.refresh_from_db()
        assert comentario.estado == Comentario.Estado.PUBLICADO
        assert not RespuestaOficial.objects.exists()
        assert consulta.estado == Consulta.Estado.ABIERTA
        assert not Documento.objects.filter(tipo="consulta_informe").exists()


def test_la_pagina_403_dice_que_falta(cliente_de, analista, consulta):
    respuesta = cliente_de(analista).get(
        reverse("comunicacion:consulta_moderar", args=[consulta.pk])
    )
    assert respuesta.status_code == 403
    assert "el rol de Comunicación o de Coordinación" in respuesta.content.decode()
    respuesta = cliente_de(analista).get(reverse("comunicacion:consulta_abrir"))
    assert "el rol de Coordinación" in respuesta.content.decode()


def test_el_publico_no_ve_correos_ni_puede_tocar_comentarios_ajenos(client, consulta, comentar):
    comentario = comentar()
    pagina = client.get(consulta.get_absolute_url()).content.decode()
    assert "rosa@example.org" not in pagina
    assert "Moderar y responder" not in pagina
    # A visitor cannot hide or answer someone else's comment.
    client.post(reverse("comunicacion:comentario_ocultar", args=[comentario.pk]), {"motivo": "x"})
    comentario.refresh_from_db()
    assert comentario.estado == Comentario.Estado.PUBLICADO
