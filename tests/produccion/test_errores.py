"""Item 8's pages and API calls answer without a 500 on the stack; the rate limits count the
client, not a header anyone can forge (the stack trusts no proxy header)."""

from __future__ import annotations

import pytest

ROLES = ["coordinadora", "facilitador", "comunicacion", "analista", "admin"]


@pytest.mark.parametrize("usuario", ROLES)
def test_mapa_de_actores_para_cada_rol(stack, usuario):
    cliente = stack.cliente()
    cliente.entrar(usuario, stack.demo_password)
    respuesta = cliente.get("/actores/mapa/")
    assert respuesta.status < 500, f"/actores/mapa/ como {usuario}: {respuesta.status}"


@pytest.mark.parametrize("anio", ["0", "-5", "99999999", "dos%20mil"])
def test_mediciones_con_anio_fuera_de_rango(stack, anio):
    respuesta = stack.get(f"/api/v1/mediciones/?anio={anio}")
    assert respuesta.status in (200, 400), f"/api/v1/mediciones/?anio={anio}: {respuesta.status}"


def test_el_limite_no_se_reinicia_con_una_cabecera_inventada(stack):
    visitante = stack.cliente()
    ruta = "/comunicacion/seguimiento/"
    respuestas = [visitante.post(ruta, {"codigo": "AAAA-BBBB-CCCC-DDDD"}).status for _ in range(11)]
    assert respuestas[-1] == 429, f"11 intentos en una hora no llegaron al límite: {respuestas}"
    falsa = visitante.post(
        ruta, {"codigo": "AAAA-BBBB-CCCC-DDDD"}, cabeceras={"X-Forwarded-For": "203.0.113.9"}
    )
    assert falsa.status == 429, (
        f"con X-Forwarded-For inventado el límite se reinició ({falsa.status}): el portal tomó "
        "la dirección del cliente de una cabecera que nadie configuró como confiable"
    )


def test_el_recorrido_del_sitio_publico_no_encuentra_errores(sitio_publico):
    assert not sitio_publico.errores, "respuestas 5xx al visitante:\n" + "\n".join(
        sitio_publico.errores
    )


def test_el_recorrido_de_la_coordinadora_no_encuentra_errores(sitio_personal):
    assert not sitio_personal.errores, "respuestas 5xx a la coordinadora:\n" + "\n".join(
        sitio_personal.errores
    )
