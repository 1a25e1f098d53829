"""The stack's Kannel: what a person uses from the phones' side (`scripts/stack.py sms`).

The portal's sendsms reaches the fake SMS centre, and a phone's answer reaches the portal's
/canales/kannel/entrante/ over the stack's TLS (Kannel's HTTP client, self-signed certificate).
"""

from __future__ import annotations

import urllib.parse
import urllib.request

from scripts import kannel as arnes
from tests.conftest import requiere_servicio
from tests.procesos import python

from .conftest import SCRIPT, Stack, esperar


def _sms(stack: Stack, *args: str) -> str:
    entorno = {**stack.entorno, "STACK_DIR": str(stack.directorio)}
    return python(str(SCRIPT), "sms", *args, entorno=entorno, timeout=60)


def test_el_stack_envia_por_kannel_y_un_telefono_responde_al_portal(stack: Stack):
    requiere_servicio("Kannel (apt-get install kannel kannel-extras)", arnes.disponible())
    entorno = stack.entorno
    parametros = {
        "username": entorno["KANNEL_USUARIO"],
        "password": entorno["KANNEL_CLAVE"],
        "from": entorno["KANNEL_REMITENTE"],
        "to": "+593991234567",
        "text": "Sesión mañana 10:00 en Cayambe",
        "charset": "UTF-8",
        "coding": "2",
    }
    url = f"{entorno['KANNEL_SENDSMS_URL']}?{urllib.parse.urlencode(parametros)}"
    with urllib.request.urlopen(url, timeout=30) as respuesta:
        assert respuesta.status == 202

    esperar(
        lambda: "+593991234567 (ucs2): Sesión mañana 10:00 en Cayambe" in _sms(stack, "--ver"),
        mensaje="el centro SMS falso del stack no recibió el mensaje",
    )

    _sms(stack, "--de", "+593987654321", "Sí, voy")
    acceso = stack.directorio / "logs" / "acceso.log"
    linea = esperar(
        lambda: next(
            (
                linea
                for linea in acceso.read_text(errors="replace").splitlines()
                if "/canales/kannel/entrante/" in linea and "Kannel/" in linea
            ),
            None,
        ),
        mensaje="Kannel no llamó a /canales/kannel/entrante/ del portal",
    )
    consulta = dict(
        urllib.parse.parse_qsl(urllib.parse.urlsplit(linea.split('"')[1].split()[1]).query)
    )
    assert consulta == {
        "clave": entorno["KANNEL_CLAVE_ENTRANTE"],
        "de": "+593987654321",
        "para": entorno["KANNEL_REMITENTE"],
        "texto": "Sí, voy",
        "id": consulta["id"],
        "ts": consulta["ts"],
    }
