"""A real Kannel for the tests of canales: scripts/kannel.py (bearerbox, smsbox, fakesmsc).

    def test_algo(kannel_portal):          # Kannel wired to live_server, settings.KANNEL_* set
        ...                                # the portal sends through kannel_portal.sendsms_url
        enviado = kannel_portal.esperar_enviado(para="+593991234567")
        kannel_portal.inyectar("+593991234567", "SI")

    def test_otro(kannel):                 # the factory, for any portal URL
        k = kannel("http://127.0.0.1:8000", clave_entrante="secreto")

Skipped when Debian's kannel / kannel-extras are missing, failed instead with REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import pytest

from scripts import kannel as arnes
from tests.conftest import requiere_servicio


@pytest.fixture
def kannel(tmp_path):
    """Factory: kannel(portal_url, clave_entrante="...", **opciones) -> a started arnes.Kannel.

    opciones are arnes.Kannel's (usuario, clave, remitente, puertos, get_url, nivel_registro).
    Every Kannel it started is stopped at the end of the test, failed or not; the object is
    restartable (.parar(), .arrancar()) with the same ports and settings."""
    requiere_servicio("Kannel (apt-get install kannel kannel-extras)", arnes.disponible())
    iniciados: list[arnes.Kannel] = []

    def crear(portal_url: str, clave_entrante: str = "clave-entrante-de-prueba", **opciones):
        directorio = tmp_path / f"kannel-{len(iniciados) + 1}"
        k = arnes.Kannel(
            directorio, portal_url=portal_url, clave_entrante=clave_entrante, **opciones
        )
        iniciados.append(k)
        return k.arrancar()

    yield crear
    for k in iniciados:
        k.parar()


@pytest.fixture
def kannel_portal(kannel, live_server, settings):
    """Kannel whose sms-service calls live_server's /canales/kannel/entrante/, and the portal's
    settings KANNEL_SENDSMS_URL, KANNEL_USUARIO, KANNEL_CLAVE, KANNEL_CLAVE_ENTRANTE and
    KANNEL_REMITENTE pointing at it (so the portal's dlr-url, built from PORTAL_URL, reaches
    live_server too)."""
    k = kannel(live_server.url)
    for nombre, valor in k.entorno().items():
        setattr(settings, nombre, valor)
    settings.PORTAL_URL = live_server.url
    return k
