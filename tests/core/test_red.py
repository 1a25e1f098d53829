"""Issue 14, item 9: behind the documented proxy every visitor keeps their own allowance (rate
limits, login lockouts, the API throttle), and without a configured proxy a forged
X-Forwarded-For changes nothing."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.api import LimiteAnonimo
from core.red import ip_cliente

SEGUIMIENTO = reverse("comunicacion:seguimiento")
PROXY = "10.9.9.9"
VISITANTES = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "198.51.100.7", PROXY, "1.2.3.4"]


@pytest.fixture
def detras_del_proxy(settings):
    settings.PROXY_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PROXY_CONTADOR = 1


@pytest.fixture(autouse=True)
def _limites_limpios():
    claves = [f"comunicacion:seguimiento:{ip}" for ip in VISITANTES]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _meta(rf, remota=PROXY, xff=None):
    extra = {"REMOTE_ADDR": remota}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return rf.get("/", **extra)


def test_sin_proxy_configurado_solo_cuenta_remote_addr(rf, settings):
    settings.PROXY_IP_HEADER = ""
    assert ip_cliente(_meta(rf, "192.0.2.5", "203.0.113.1")) == "192.0.2.5"


def test_detras_del_proxy_la_entrada_que_anadio_el_proxy(rf, detras_del_proxy, settings):
    assert ip_cliente(_meta(rf, xff="203.0.113.1")) == "203.0.113.1"
    # What the client wrote itself (left) is never believed; the proxy appended the right-most.
    assert ip_cliente(_meta(rf, xff="1.2.3.4, 203.0.113.1")) == "203.0.113.1"
    assert ip_cliente(_meta(rf, xff="[2001:db8::1]:443")) == "2001:db8::1"
    assert ip_cliente(_meta(rf, xff="203.0.113.1:5123")) == "203.0.113.1"
    assert ip_cliente(_meta(rf, xff="basura")) == PROXY
    assert ip_cliente(_meta(rf)) == PROXY  # reached the app without the proxy
    settings.PROXY_CONTADOR = 2  # a load balancer in front of the proxy
    assert ip_cliente(_meta(rf, xff="1.2.3.4, 203.0.113.1, 10.0.0.2")) == "203.0.113.1"
    assert ip_cliente(_meta(rf, xff="203.0.113.1")) == PROXY  # too few hops: not trusted


def _seguir(client, xff, veces=1):
    estados = []
    for _ in range(veces):
        estados.append(
            client.post(
                SEGUIMIENTO,
                {"codigo": "AAAA-BBBB"},
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=xff,
            ).status_code
        )
    return estados


@pytest.mark.django_db
def test_dos_visitantes_detras_del_proxy_tienen_cada_uno_su_limite(client, detras_del_proxy):
    from comunicacion.views import SeguimientoView

    limite = SeguimientoView.LIMITE_POR_HORA
    assert 429 not in _seguir(client, "203.0.113.1", limite)
    assert _seguir(client, "203.0.113.1") == [429]
    # Forging an address in front of the proxy's entry does not escape the limit.
    assert _seguir(client, "1.2.3.4, 203.0.113.1") == [429]
    # Another visitor through the same proxy still has the whole allowance.
    assert _seguir(client, "203.0.113.2") == [200]


@pytest.mark.django_db
def test_sin_proxy_un_x_forwarded_for_falso_no_cambia_nada(client, settings):
    from comunicacion.views import SeguimientoView

    settings.PROXY_IP_HEADER = ""
    limite = SeguimientoView.LIMITE_POR_HORA
    assert 429 not in _seguir(client, "203.0.113.1", limite)
    assert _seguir(client, "203.0.113.3") == [429]
    assert _seguir(client, "198.51.100.7") == [429]


def _ingresar(client, clave, xff):
    return client.post(
        "/cuentas/login/",
        {"username": "coord", "password": clave},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=xff,
    )


@pytest.mark.django_db
def test_el_bloqueo_de_axes_es_por_visitante_detras_del_proxy(
    client, coordinadora, detras_del_proxy, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _ingresar(client, "equivocada", "203.0.113.1")
    assert _ingresar(client, "clave-de-prueba-123", "203.0.113.1").status_code == 429
    assert _ingresar(client, "clave-de-prueba-123", "9.9.9.9, 203.0.113.1").status_code == 429
    # The same user from another visitor's address is not locked out.
    assert _ingresar(client, "clave-de-prueba-123", "203.0.113.2").status_code == 302


@pytest.mark.django_db
def test_sin_proxy_axes_no_cree_la_cabecera(client, coordinadora, settings):
    settings.PROXY_IP_HEADER = ""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _ingresar(client, "equivocada", "203.0.113.1")
    assert _ingresar(client, "clave-de-prueba-123", "203.0.113.2").status_code == 429


def test_el_limite_de_la_api_usa_la_misma_direccion(rf, detras_del_proxy, settings):
    from rest_framework.request import Request

    limite = LimiteAnonimo()
    assert limite.get_ident(Request(_meta(rf, xff="1.2.3.4, 203.0.113.1"))) == "203.0.113.1"
    settings.PROXY_IP_HEADER = ""
    assert limite.get_ident(Request(_meta(rf, xff="203.0.113.1"))) == PROXY
