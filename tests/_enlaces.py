"""Every link a message, a calendar, a QR code or a feed carries, read as its recipient reads it.

The tests of issue 14, item 1 set ``settings.PORTAL_URL = PUBLICA`` and check that each link found
here opens the public address and resolves to a view of the portal.
"""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from icalendar import Calendar

PUBLICA = "https://pactos.example"

# A URL ends at whitespace, a quote, an angle bracket or closing punctuation around it.
URL = re.compile(r"""https?://[^\s<>"'»)\]]+""")
# Hosts that must never appear in what people receive.
HOSTS_INTERNOS = ("localhost", "testserver", "127.0.0.1", "[::1]")


def urls_en(texto: str) -> list[str]:
    return [u.rstrip(".,;:") for u in URL.findall(texto or "")]


def qr_de_png(contenido: bytes) -> str:
    """What a phone reads from the QR code in a PNG (zbarimg, Debian's zbar-tools)."""
    assert shutil.which("zbarimg"), "zbarimg (zbar-tools) no está instalado"
    with tempfile.TemporaryDirectory() as carpeta:
        archivo = Path(carpeta) / "qr.png"
        archivo.write_bytes(contenido)
        salida = subprocess.run(
            ["zbarimg", "-q", "--raw", str(archivo)], capture_output=True, text=True, check=True
        )
    return salida.stdout.strip()


def urls_de_ics(contenido: bytes | str) -> list[str]:
    """The links of a calendar file; every VEVENT must carry its URL and a DESCRIPTION."""
    if isinstance(contenido, str):
        contenido = contenido.encode()
    calendario = Calendar.from_ical(contenido)
    urls = []
    eventos = calendario.walk("VEVENT")
    assert eventos, "el .ics no tiene eventos"
    for evento in eventos:
        assert "URL" in evento, f"VEVENT sin URL: {evento.get('SUMMARY')}"
        assert str(evento.get("DESCRIPTION", "")).strip(), "VEVENT sin DESCRIPTION"
        urls.append(str(evento["URL"]))
        for valor in evento.values():
            urls.extend(urls_en(str(valor)))
    return urls


def urls_del_correo(mensaje) -> list[str]:
    """Every link of an e-mail: subject, text body, HTML alternatives, headers, attachments (.ics
    files read as calendars, PNG images read as QR codes, text read as text)."""
    urls = urls_en(mensaje.subject) + urls_en(mensaje.body)
    for alternativa in getattr(mensaje, "alternatives", []):
        urls.extend(urls_en(alternativa[0]))
    for valor in mensaje.extra_headers.values():
        urls.extend(urls_en(str(valor)))
    for adjunto in mensaje.attachments:
        _nombre, contenido, tipo = adjunto
        if tipo.startswith("text/calendar"):
            urls.extend(urls_de_ics(contenido))
        elif tipo == "image/png":
            urls.append(qr_de_png(contenido))
        elif tipo.startswith("text/"):
            urls.extend(urls_en(contenido if isinstance(contenido, str) else contenido.decode()))
    # The whole MIME message too, so nothing in a header or a part is missed.
    crudo = mensaje.message().as_string()
    for host in HOSTS_INTERNOS:
        assert f"://{host}" not in crudo, f"{host} en el correo «{mensaje.subject}»"
    return urls


def comprobar(urls: list[str], *, cliente=None, abrir: tuple[str, ...] = ()) -> None:
    """Each link opens the public address and resolves to a view of the portal.

    With a test client, the links whose path contains one of ``abrir`` are opened too and must
    not answer 404 or 500 (a redirect to the login page counts as opening).
    """
    assert urls, "no hay enlaces que comprobar"
    for url in urls:
        assert url.startswith(PUBLICA + "/"), f"{url} no abre la dirección pública {PUBLICA}"
        partes = urlsplit(url)
        try:
            resolve(partes.path)
        except Resolver404:
            raise AssertionError(f"{url} no lleva a ninguna página del portal") from None
        if cliente is not None and any(trozo in partes.path for trozo in abrir):
            ruta = partes.path + (f"?{partes.query}" if partes.query else "")
            estado = cliente.get(ruta).status_code
            assert estado not in (404, 500), f"{url} respondió {estado}"
