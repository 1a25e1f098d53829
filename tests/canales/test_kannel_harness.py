"""The Kannel of the tests and of `make stack` (scripts/kannel.py), against a stand-in portal.

Real bearerbox, smsbox and fakesmsc; the portal is a small threading HTTP server that keeps every
request Kannel makes to it (the sms-service's get-url, the delivery reports' dlr-url).
"""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from scripts import kannel as arnes

CLAVE_ENTRANTE = "s3cr3t/+%x"  # characters a URL and Kannel's URL patterns must escape
TELEFONO = "+593991234567"
SESION = "Sesión mañana 10:00 en Cayambe"


class PortalFalso:
    """Answers 200 with an empty body (403 on a wrong clave), as canales' views do."""

    def __init__(self, tls: ssl.SSLContext | None = None):
        self.peticiones: list[tuple[str, dict[str, str]]] = []
        self._cambio = threading.Condition()
        portal = self

        class Manejador(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                partes = urllib.parse.urlsplit(self.path)
                datos = dict(urllib.parse.parse_qsl(partes.query, keep_blank_values=True))
                with portal._cambio:
                    portal.peticiones.append((partes.path, datos))
                    portal._cambio.notify_all()
                self.send_response(200 if datos.get("clave") == CLAVE_ENTRANTE else 403)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Manejador)
        if tls:
            self.servidor.socket = tls.wrap_socket(self.servidor.socket, server_side=True)
        esquema = "https" if tls else "http"
        self.url = f"{esquema}://127.0.0.1:{self.servidor.server_address[1]}"
        self._hilo = threading.Thread(target=self.servidor.serve_forever, daemon=True)
        self._hilo.start()

    def esperar(self, ruta: str, cuantas: int = 1, espera: float = 30) -> list[dict[str, str]]:
        """The query of the first `cuantas` requests to `ruta`, waiting up to `espera` s."""
        fin = time.monotonic() + espera
        with self._cambio:
            while True:
                encontradas = [datos for r, datos in self.peticiones if r == ruta]
                if len(encontradas) >= cuantas:
                    return encontradas[:cuantas]
                restante = fin - time.monotonic()
                if restante <= 0:
                    raise AssertionError(f"{ruta}: {len(encontradas)} de {cuantas} peticiones")
                self._cambio.wait(restante)

    def cerrar(self):
        self.servidor.shutdown()
        self.servidor.server_close()


@pytest.fixture
def portal():
    p = PortalFalso()
    yield p
    p.cerrar()


def sendsms(k: arnes.Kannel, para: str, texto: str, coding: int, **extra) -> tuple[int, str]:
    """The portal's call: GET sendsms with the UTF-8 text, as canales' Kannel gateway does."""
    parametros = {
        "username": k.usuario,
        "password": k.clave,
        "from": k.remitente,
        "to": para,
        "text": texto,
        "charset": "UTF-8",
        "coding": str(coding),
        **extra,
    }
    url = f"{k.sendsms_url}?{urllib.parse.urlencode(parametros)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as respuesta:
            return respuesta.status, respuesta.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_ucs2_llega_al_centro_sms_con_el_texto_exacto(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)

    assert sendsms(k, TELEFONO, SESION, coding=2) == (202, "0: Accepted for delivery")

    enviado = k.esperar_enviado(para=TELEFONO)
    assert (enviado.de, enviado.texto, enviado.codificacion) == ("2525", SESION, "ucs2")


def test_gsm7_llega_con_el_texto_exacto_si_cabe_en_el_alfabeto_gsm(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)
    texto = "Mañana 10:00 en Cayambe, ¿viene? ¡Gracias! Señor Muñoz: é ü Ñ"  # all in GSM 03.38

    assert sendsms(k, TELEFONO, texto, coding=0)[0] == 202

    enviado = k.esperar_enviado(para=TELEFONO)
    assert (enviado.texto, enviado.codificacion) == (texto, "gsm")


def test_gsm7_cambia_por_interrogacion_lo_que_el_alfabeto_gsm_no_tiene(kannel, portal):
    """á í ó ú are not GSM 03.38 characters: with coding=0 Kannel sends '?' in their place, so a
    text with them must go as UCS-2 (coding=2)."""
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)

    sendsms(k, TELEFONO, SESION, coding=0)

    assert k.esperar_enviado(para=TELEFONO).texto == "Sesi?n mañana 10:00 en Cayambe"


def test_un_mensaje_largo_llega_en_partes_y_el_arnes_las_une(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)
    texto = (
        "Pactos por Pichincha: la sesión de la mesa de agua es mañana a las 10:00 en la casa "
        "comunal de Cayambe. ¿Confirma su asistencia? Responda SI o NO."
    )  # 146 characters: 3 UCS-2 parts of 67

    assert sendsms(k, TELEFONO, texto, coding=2)[0] == 202

    enviado = k.esperar_enviado(para=TELEFONO)
    assert (enviado.texto, enviado.partes) == (texto, 3)


def test_un_mensaje_del_telefono_llega_a_la_get_url_del_portal(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)

    k.inyectar(TELEFONO, "SI")
    k.inyectar("+593987654321", "Sí, mañana voy ¿a qué hora? 😀")

    primera, segunda = portal.esperar(arnes.RUTA_ENTRANTE, cuantas=2)
    assert {k: primera[k] for k in ("clave", "de", "para", "texto")} == {
        "clave": CLAVE_ENTRANTE,
        "de": TELEFONO,
        "para": "2525",
        "texto": "SI",
    }
    assert primera["id"] and primera["ts"].startswith(time.strftime("%Y-"))
    assert (segunda["de"], segunda["texto"]) == ("+593987654321", "Sí, mañana voy ¿a qué hora? 😀")
    assert primera["id"] != segunda["id"]
    assert k.enviados() == []  # Kannel itself answers nothing (max-messages = 0)


def test_los_informes_de_entrega_llegan_a_la_dlr_url(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)
    clave = urllib.parse.quote(CLAVE_ENTRANTE, safe="")
    dlr_url = f"{portal.url}/canales/kannel/entrega/?clave={clave}&ref=42&estado=%d&ts=%T"

    sendsms(k, TELEFONO, SESION, coding=2, **{"dlr-mask": "31", "dlr-url": dlr_url})

    informes = portal.esperar("/canales/kannel/entrega/", cuantas=2)
    # smsc_fake reports 8 (accepted by the SMSC) and 1 (delivered to the phone); smsbox calls the
    # dlr-url for both at once, so the portal may get "delivered" first.
    assert sorted((i["clave"], i["ref"], i["estado"]) for i in informes) == [
        (CLAVE_ENTRANTE, "42", "1"),
        (CLAVE_ENTRANTE, "42", "8"),
    ]
    assert all(i["ts"].isdigit() for i in informes)


def test_kannel_parado_rechaza_la_conexion_y_arrancado_otra_vez_envia(kannel, portal):
    k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)
    sendsms(k, TELEFONO, "antes", coding=0)
    k.esperar_enviado(texto="antes")

    k.parar()
    with pytest.raises(urllib.error.URLError) as error:
        sendsms(k, TELEFONO, "caído", coding=2)
    assert isinstance(error.value.reason, ConnectionRefusedError)
    with pytest.raises(RuntimeError, match="no está en marcha"):
        k.inyectar(TELEFONO, "nadie escucha")

    k.arrancar()
    assert sendsms(k, TELEFONO, "después", coding=0)[0] == 202
    k.esperar_enviado(texto="después")
    k.inyectar(TELEFONO, "de vuelta")
    assert portal.esperar(arnes.RUTA_ENTRANTE)[0]["texto"] == "de vuelta"
    assert [e.texto for e in k.enviados()] == ["antes", "después"]


def test_la_get_url_https_con_certificado_autofirmado_funciona(kannel, tmp_path):
    """The stack's portal is https://127.0.0.1:8443 with a self-signed certificate: smsbox's
    HTTP client does not check it (no ssl-trusted-ca-file in the core group)."""
    cert, clave = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-keyout", str(clave), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, clave)
    portal = PortalFalso(tls)
    try:
        k = kannel(portal.url, clave_entrante=CLAVE_ENTRANTE)
        k.inyectar(TELEFONO, "NO")
        assert portal.esperar(arnes.RUTA_ENTRANTE)[0]["texto"] == "NO"
    finally:
        portal.cerrar()


def test_linea_de_fakesmsc_de_un_mensaje_del_telefono():
    assert arnes.linea_entrante("+593991234567", "2525", "SI") == b"+593991234567 2525 text SI\n"
    assert arnes.linea_entrante("1", "2", "ñ") == b"1 2 ucs2 %00%F1\n"
    with pytest.raises(ValueError):
        arnes.linea_entrante("1", "2", "dos\nlíneas")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_kannel_portal_lleva_al_live_server_y_da_los_ajustes_del_portal(
    kannel_portal, live_server, settings
):
    assert kannel_portal.get_url.startswith(f"{live_server.url}/canales/kannel/entrante/?clave=")
    assert kannel_portal.sendsms_url == settings.KANNEL_SENDSMS_URL
    parametros = {
        "username": settings.KANNEL_USUARIO,
        "password": settings.KANNEL_CLAVE,
        "from": settings.KANNEL_REMITENTE,
        "to": TELEFONO,
        "text": SESION,
        "charset": "UTF-8",
        "coding": "2",
    }
    url = f"{settings.KANNEL_SENDSMS_URL}?{urllib.parse.urlencode(parametros)}"
    with urllib.request.urlopen(url, timeout=10) as respuesta:
        assert respuesta.status == 202
    assert kannel_portal.esperar_enviado(para=TELEFONO).texto == SESION
