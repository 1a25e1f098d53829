"""The communication plan: dated actions by role, and the product 3 figure on the roadmap."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comunicacion import services
from comunicacion.models import AccionComunicacion
from pactos.indicadores_programa import cifras_registradas, valor_de

pytestmark = pytest.mark.django_db

PLAN = reverse("comunicacion:plan")


@pytest.fixture
def accion(comunicador):
    return services.accion_guardar(
        usuario=comunicador,
        datos={
            "titulo": "Cuñas radiales en Puerto Quito",
            "fecha": timezone.localdate() + timedelta(days=5),
            "audiencia": "ciudadania",
            "canal": "radio",
        },
    )


@pytest.mark.parametrize(
    "rol,ver,gestionar",
    [
        ("coordinacion", 200, 200),
        ("comunicacion", 200, 200),
        ("facilitacion", 200, 403),
        ("analisis", 200, 403),
        ("administracion", 200, 200),
        ("sin_rol", 403, 403),
    ],
)
def test_permisos_del_plan(rol, ver, gestionar, usuarios_por_rol, cliente_de, accion):
    cliente = cliente_de(usuarios_por_rol[rol])
    assert cliente.get(PLAN).status_code == ver
    assert cliente.get(reverse("comunicacion:accion_nueva")).status_code == gestionar
    cliente.post(reverse("comunicacion:accion_estado", args=[accion.pk]), {"estado": "realizada"})
    accion.refresh_from_db()
    assert (accion.estado == "realizada") is (gestionar == 200)


def test_crear_una_accion_desde_el_formulario(cliente_de, comunicador):
    respuesta = cliente_de(comunicador).post(
        reverse("comunicacion:accion_nueva"),
        {
            "titulo": "Asamblea en Tabacundo",
            "fecha": "2026-12-10",
            "audiencia": "actores",
            "canal": "asamblea",
            "estado": "planificada",
        },
    )
    assert respuesta.status_code == 302
    accion = AccionComunicacion.objects.get()
    assert accion.responsable == comunicador and accion.fecha == date(2026, 12, 10)
    html = cliente_de(comunicador).get(PLAN).content.decode()
    assert "Asamblea en Tabacundo" in html and "diciembre 2026" in html.lower()


def test_formulario_del_plan_en_espanol(cliente_de, comunicador):
    html = cliente_de(comunicador).post(reverse("comunicacion:accion_nueva"), {}).content.decode()
    assert "Describa la acción." in html and "Indique la fecha de la acción." in html


def test_cifra_del_producto_3(accion, comunicador):
    cifras = {c.clave: c for c in cifras_registradas(3)}
    assert {"comunicacion_acciones", "comunicacion_noticias", "comunicacion_mensajes"} <= set(
        cifras
    )
    cifra = cifras["comunicacion_acciones"]
    assert valor_de(cifra) == 0
    services.accion_cambiar_estado(usuario=comunicador, accion=accion, estado="realizada")
    assert valor_de(cifra) == 1
    assert valor_de(cifra, hasta=timezone.localdate()) == 0  # its date is in five days


def test_marcar_realizada_lo_confirma_en_el_plan(cliente_de, comunicador, accion):
    """The communicator taps "Marcar realizada" and reads, back on the plan, that it was done."""
    respuesta = cliente_de(comunicador).post(
        reverse("comunicacion:accion_estado", args=[accion.pk]),
        {"estado": "realizada"},
        follow=True,
    )
    assert respuesta.redirect_chain[-1][0] == PLAN
    assert "Estado de la acción actualizado." in respuesta.content.decode()
