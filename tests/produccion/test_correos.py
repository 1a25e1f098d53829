"""Every link of every e-mail a full journey sends opens on the portal's public address.

The journey (viaje_correos.py, in the stack's shell) makes the portal send each kind of mail:
table convocation with RSVP and .ics, the day-before reminder (as beat sends it), an event
invitation, a reminder round and the confirmation with its QR code, a consultation comment's
confirmation, a subscription's confirmation and a digest, a commitment reminder and the weekly
roadmap summary. Every link is read from what the person receives: text and HTML bodies, headers
(List-Unsubscribe), .ics attachments and QR codes decoded from the images with zbarimg.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import requiere_servicio

from .conftest import Stack

AQUI = Path(__file__).parent
URL = re.compile(r"""https?://[^\s<>"'()\[\]{}]+""")
TIPOS = (
    "convocatoria_mesa",
    "recordatorio_mesa",
    "invitacion_evento",
    "recordatorio_evento",
    "confirmacion_evento",
    "confirmacion_comentario",
    "confirmacion_suscripcion",
    "resumen_suscripcion",
    "recordatorio_compromiso",
    "resumen_hoja_de_ruta",
)
# Mails that exist to make someone act on the portal carry its link (reminders to staff may not).
CON_ENLACE = set(TIPOS) - {"recordatorio_compromiso", "resumen_hoja_de_ruta"}


def _limpiar(url: str) -> str:
    return url.rstrip(".,;:!?>")


def _ics_desplegado(texto: str) -> str:
    """RFC 5545 folds long lines: a line starting with a space continues the previous one."""
    return re.sub(r"\r?\n[ \t]", "", texto)


def qr_de(imagen: bytes) -> list[str]:
    with tempfile.NamedTemporaryFile(suffix=".png") as archivo:
        archivo.write(imagen)
        archivo.flush()
        salida = subprocess.run(
            ["zbarimg", "-q", "--raw", archivo.name], capture_output=True, text=True
        )
    return [linea.strip() for linea in salida.stdout.splitlines() if linea.strip()]


def enlaces_de(mensaje) -> list[tuple[str, str]]:
    """(where, url) for every link a person can follow in the message."""
    enlaces = []
    for cabecera in ("List-Unsubscribe", "List-Help", "List-Subscribe", "List-Archive"):
        for valor in mensaje.get_all(cabecera) or []:
            enlaces += [(cabecera, _limpiar(u)) for u in URL.findall(str(valor))]
    for parte in mensaje.walk():
        if parte.is_multipart():
            continue
        tipo = parte.get_content_type()
        nombre = parte.get_filename() or tipo
        carga = parte.get_payload(decode=True) or b""
        if tipo.startswith("image/"):
            enlaces += [(f"QR {nombre}", u) for u in qr_de(carga)]
        elif tipo == "text/calendar" or nombre.endswith(".ics"):
            texto = _ics_desplegado(carga.decode("utf-8", "replace"))
            enlaces += [(f".ics {nombre}", _limpiar(u)) for u in URL.findall(texto)]
        elif tipo.startswith("text/"):
            texto = carga.decode(parte.get_content_charset() or "utf-8", "replace")
            enlaces += [(tipo, _limpiar(u)) for u in URL.findall(texto)]
    return enlaces


@pytest.fixture(scope="module")
def viaje(stack: Stack):
    requiere_servicio("zbarimg (zbar-tools)", bool(shutil.which("zbarimg")))
    codigo = (
        f"MAILDIR = {str(stack.maildir)!r}\n"
        + (AQUI / "como_beat.py").read_text()
        + "\n"
        + (AQUI / "viaje_correos.py").read_text()
    )
    resultado = stack.consulta(codigo)
    mensajes = stack.mensajes()
    por_tipo = {
        tipo: [mensajes[clave] for clave in claves if clave in mensajes]
        for tipo, claves in resultado["correos"].items()
    }
    return {"faltan": resultado["faltan"], "por_tipo": por_tipo, "todos": mensajes}


def test_llega_cada_tipo_de_correo(viaje):
    vacios = [tipo for tipo in TIPOS if not viaje["por_tipo"].get(tipo)]
    assert not viaje["faltan"] and not vacios, (
        f"correos que no llegaron: {viaje['faltan']}; tipos sin mensaje: {vacios}"
    )


def test_cada_enlace_apunta_a_la_direccion_publica(stack, viaje):
    base = stack.url + "/"
    fuera, sin_enlaces = [], []
    for tipo, mensajes in viaje["por_tipo"].items():
        for mensaje in mensajes:
            enlaces = enlaces_de(mensaje)
            if not enlaces and tipo in CON_ENLACE:
                sin_enlaces.append(f"{tipo}: «{mensaje['Subject']}»")
            fuera += [
                f"{tipo} «{mensaje['Subject']}» ({donde}): {url}"
                for donde, url in enlaces
                if not url.startswith(base)
            ]
    assert not sin_enlaces, f"correos sin ningún enlace al portal: {sin_enlaces}"
    assert not fuera, f"{len(fuera)} enlaces no empiezan por PORTAL_URL={stack.url}:\n" + "\n".join(
        fuera[:40]
    )


def test_cada_enlace_abre(stack, viaje):
    base = stack.url + "/"
    enlaces = sorted(
        {
            url
            for mensajes in viaje["por_tipo"].values()
            for mensaje in mensajes
            for _donde, url in enlaces_de(mensaje)
            if url.startswith(base)
        }
    )
    assert enlaces, f"ningún enlace de los correos apunta a {stack.url}"
    rotos = []
    for url in enlaces:
        respuesta = stack.get(url, seguir=False)
        if not 200 <= respuesta.status < 400:
            rotos.append(f"{respuesta.status} {url}")
    assert not rotos, "enlaces de los correos que no abren:\n" + "\n".join(rotos)


def test_convocatoria_lleva_respuesta_y_calendario_del_portal(stack, viaje):
    for mensaje in viaje["por_tipo"].get("convocatoria_mesa") or pytest.fail("sin convocatoria"):
        enlaces = enlaces_de(mensaje)
        respuesta = [u for d, u in enlaces if d.startswith("text/") and "/invitacion" in u]
        assert respuesta, f"la convocatoria no trae el enlace de respuesta: {enlaces}"
        calendario = [u for d, u in enlaces if d.startswith(".ics")]
        assert calendario and all(u.startswith(stack.url + "/") for u in calendario), (
            f"el .ics de la convocatoria no enlaza la sesión en {stack.url}: {calendario}"
        )


def test_codigo_qr_de_la_confirmacion_abre_el_portal(stack, viaje):
    mensajes = viaje["por_tipo"].get("confirmacion_evento") or pytest.fail("sin confirmación")
    codigos = [u for m in mensajes for d, u in enlaces_de(m) if d.startswith("QR")]
    assert codigos, "la confirmación del evento no trae un código QR legible"
    for codigo in codigos:
        assert codigo.startswith(stack.url + "/"), f"el QR apunta a {codigo}"
        assert stack.get(codigo, seguir=False).status < 400, f"el QR no abre: {codigo}"


@pytest.mark.parametrize("tipo", ["confirmacion_suscripcion", "resumen_suscripcion"])
def test_baja_de_un_clic_en_la_direccion_publica(stack, viaje, tipo):
    mensajes = viaje["por_tipo"].get(tipo) or pytest.fail(f"sin {tipo}")
    for mensaje in mensajes:
        baja = URL.findall(str(mensaje.get("List-Unsubscribe", "")))
        assert baja, f"{tipo} sin cabecera List-Unsubscribe"
        assert all(_limpiar(u).startswith(stack.url + "/") for u in baja), baja
