#!/usr/bin/env python
"""A real Kannel on this machine, for the tests and for `make stack`.

Debian's `kannel` (bearerbox, smsbox) and `kannel-extras` (fakesmsc, a fake SMS centre):

    portal --sendsms--> smsbox --> bearerbox --smsc "fake"--> fakesmsc   (the "phones")
    portal <--get-url-- smsbox <-- bearerbox <--------------- fakesmsc   (a phone answers)
    portal <--dlr-url-- smsbox <-- bearerbox (smsc_fake reports every message it hands over)

How the pieces behave (Kannel 1.4.5's sources, gw/smsc/smsc_fake.c and test/fakesmsc.c):

- bearerbox's `smsc = fake` listens on a port and serves ONE fakesmsc client at a time; a message
  for the phones is written to the client as a line "from to text TEXT" (GSM-7 / 7-bit: the text
  as is, in UTF-8) or "from to ucs-2 URLENCODED-UTF-16BE" (UCS-2); fakesmsc logs each one as
  `Got message N: <line>`.
- fakesmsc started without messages on its command line is in interactive mode: each line written
  to its standard input ("from to text TEXT", or "from to ucs2 URLENCODED-UTF-16BE") is sent to
  bearerbox as a message from a phone, which smsbox's sms-service passes to the portal's get-url.
  So the harness keeps one fakesmsc for the whole run: what it prints is what the portal sent, what
  is written to its stdin (a FIFO in the directory, so that any process can write to it) is what a
  phone answers (one line of at most 255 bytes: fakesmsc reads stdin with fgets into a 256-byte
  buffer).
- smsc_fake makes the delivery reports itself: right after a message is handed to fakesmsc,
  bearerbox reports "SMSC success" (status 8) and then "delivered" (status 1) when the dlr-mask
  asks for them (31 asks for every one); smsbox calls the message's dlr-url with them.
- smsbox's HTTP client calls https:// URLs (Debian's build has OpenSSL) and does not check the
  server's certificate unless the core group names `ssl-trusted-ca-file`: the stack's self-signed
  https://127.0.0.1:8443 works as get-url and dlr-url.

Use:

    k = Kannel(directorio, portal_url="https://127.0.0.1:8443", clave_entrante="...")
    k.arrancar()                       # writes kannel.conf, starts the three, waits for sendsms
    k.sendsms_url, k.entorno()         # KANNEL_* for the portal
    k.esperar_enviado(para="+593...")  # what the fake centre received
    k.inyectar("+593991234567", "SI")  # a phone answers
    k.parar()                          # restartable: arrancar() again, same ports

From the shell (the stack uses the same functions): `python scripts/kannel.py --dir DIR
--portal URL` runs one in the foreground until Ctrl-C.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BEARERBOX = os.environ.get("KANNEL_BEARERBOX", "/usr/sbin/bearerbox")
SMSBOX = os.environ.get("KANNEL_SMSBOX", "/usr/sbin/smsbox")
FAKESMSC = os.environ.get("KANNEL_FAKESMSC", "/usr/lib/kannel/test/fakesmsc")

RUTA_ENTRANTE = "/canales/kannel/entrante/"
RECIBIDO = re.compile(r"Got message \d+: <(.*)>$")


def disponible() -> bool:
    """Whether the three programs are installed (packages kannel and kannel-extras)."""
    return all(os.access(p, os.X_OK) for p in (BEARERBOX, SMSBOX, FAKESMSC))


def _morir_con_el_padre() -> None:
    """In the child, before exec: SIGTERM when the process that started it dies (Linux), so a
    killed test run or stack leaves no bearerbox behind."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _patron(texto: str) -> str:
    """A literal inside a Kannel URL pattern: `%` starts an escape there, `%%` is one `%`."""
    return texto.replace("%", "%%")


@dataclasses.dataclass(frozen=True)
class Puertos:
    admin: int
    smsbox: int  # bearerbox's port for smsbox
    smsc: int  # bearerbox's smsc "fake" listens here for fakesmsc
    sendsms: int  # smsbox's sendsms HTTP interface

    @classmethod
    def libres(cls) -> Puertos:
        return cls(puerto_libre(), puerto_libre(), puerto_libre(), puerto_libre())


@dataclasses.dataclass(frozen=True)
class Enviado:
    """One message the fake centre received (a message the portal sent to a phone); a long one
    that Kannel split into concatenated parts comes back joined, with their number in `partes`."""

    de: str
    para: str
    texto: str
    codificacion: str  # "gsm" (7-bit), "ucs2" or "8bit"
    partes: int = 1
    lineas: tuple[str, ...] = ()  # fakesmsc's lines, as it printed them


@dataclasses.dataclass(frozen=True)
class _Parte:
    de: str
    para: str
    udh: bytes
    datos: bytes
    linea: str


def _desde_url(datos: str) -> bytes:
    return urllib.parse.unquote_to_bytes(datos.replace("+", "%20"))


def interpretar(linea: str) -> Enviado | _Parte | None:
    """fakesmsc's line: "from to text TEXT", "from to ucs-2 URLENC", "from to data URLENC", or
    one part of a long message, "from to udh URLENC-UDH data URLENC" (smsc_fake.c, sms_to_client)."""
    partes = linea.split(" ", 3)
    if len(partes) < 4:
        return None
    de, para, tipo, datos = partes
    if tipo == "text":
        return Enviado(de, para, datos, "gsm", 1, (linea,))
    if tipo == "ucs-2":
        return Enviado(de, para, _desde_url(datos).decode("utf-16-be"), "ucs2", 1, (linea,))
    if tipo == "data":
        return Enviado(de, para, _desde_url(datos).decode("latin-1"), "8bit", 1, (linea,))
    if tipo == "udh":
        udh, _, resto = datos.partition(" data ")
        return _Parte(de, para, _desde_url(udh), _desde_url(resto), linea)
    return None


def _unir(partes: list[_Parte]) -> Enviado:
    """The parts of one concatenated message, in order. The line of a part does not say its
    coding: Kannel's 7-bit text is UTF-8 inside and never has a NUL byte, UCS-2 (UTF-16BE) of
    any Latin text has one in almost every character."""
    datos = b"".join(p.datos for p in partes)
    if b"\x00" in datos:
        texto, codificacion = datos.decode("utf-16-be"), "ucs2"
    else:
        texto, codificacion = datos.decode("utf-8", errors="replace"), "gsm"
    primera = partes[0]
    return Enviado(
        primera.de, primera.para, texto, codificacion, len(partes), tuple(p.linea for p in partes)
    )


def _concatenacion(udh: bytes) -> tuple[int, int, int] | None:
    """(reference, total, number) from a UDH's concatenation element (8 or 16-bit reference)."""
    i = 1
    while i + 1 < len(udh):
        iei, largo = udh[i], udh[i + 1]
        valor = udh[i + 2 : i + 2 + largo]
        if iei == 0x00 and largo == 3:
            return valor[0], valor[1], valor[2]
        if iei == 0x08 and largo == 4:
            return valor[0] << 8 | valor[1], valor[2], valor[3]
        i += 2 + largo
    return None


class Kannel:
    """bearerbox + smsbox + fakesmsc under `directorio` (kannel.conf and every log there)."""

    def __init__(
        self,
        directorio: str | os.PathLike,
        *,
        portal_url: str,
        clave_entrante: str,
        usuario: str = "portal",
        clave: str | None = None,
        remitente: str = "2525",
        puertos: Puertos | None = None,
        get_url: str | None = None,
        nivel_registro: int = 1,
    ):
        self.directorio = Path(directorio).resolve()
        self.portal_url = portal_url.rstrip("/")
        self.clave_entrante = clave_entrante
        self.usuario = usuario
        self.clave = clave or secrets.token_urlsafe(12)
        self.remitente = remitente
        self.puertos = puertos or Puertos.libres()
        self._get_url = get_url
        self.nivel_registro = nivel_registro  # Kannel's: 0 debug (every HTTP request), 1 info
        self.admin_clave = secrets.token_urlsafe(12)
        self.procesos: dict[str, subprocess.Popen] = {}
        self._arranques = 0

    # --- configuration ---------------------------------------------------------------------------

    @property
    def sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.puertos.sendsms}/cgi-bin/sendsms"

    @property
    def get_url(self) -> str:
        """The sms-service's URL pattern: the contract with canales' incoming view."""
        if self._get_url:
            return self._get_url
        clave = urllib.parse.quote(self.clave_entrante, safe="")
        return (
            f"{_patron(self.portal_url)}{RUTA_ENTRANTE}?clave={_patron(clave)}"
            "&de=%p&para=%P&texto=%a&id=%I&ts=%t"
        )

    def entorno(self) -> dict[str, str]:
        """The portal's settings for this Kannel."""
        return {
            "KANNEL_SENDSMS_URL": self.sendsms_url,
            "KANNEL_USUARIO": self.usuario,
            "KANNEL_CLAVE": self.clave,
            "KANNEL_CLAVE_ENTRANTE": self.clave_entrante,
            "KANNEL_REMITENTE": self.remitente,
        }

    def conf(self) -> str:
        d, p = self.directorio, self.puertos
        return f"""\
# Written by scripts/kannel.py: a bearerbox, one smsbox, the fake SMS centre.
group = core
admin-port = {p.admin}
admin-password = {self.admin_clave}
status-password = {self.admin_clave}
admin-interface = 127.0.0.1
admin-allow-ip = "127.0.0.1"
admin-deny-ip = "*.*.*.*"
smsbox-port = {p.smsbox}
box-allow-ip = "127.0.0.1"
box-deny-ip = "*.*.*.*"
log-file = "{d}/bearerbox.log"
log-level = {self.nivel_registro}
access-log = "{d}/bearerbox-acceso.log"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = {p.smsc}
connect-allow-ip = "127.0.0.1"
log-file = "{d}/smsc-fake.log"
log-level = {self.nivel_registro}

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {p.smsbox}
sendsms-port = {p.sendsms}
sendsms-interface = 127.0.0.1
log-file = "{d}/smsbox.log"
log-level = {self.nivel_registro}
access-log = "{d}/smsbox-acceso.log"
http-request-retry = 3
http-queue-delay = 2
# A phone's UCS-2 message (any á, í, ó, ú) reaches the get-url's %a as UTF-8, like GSM-7's;
# without it %a would carry the raw UTF-16 bytes.
mo-recode = true

group = sendsms-user
username = "{self.usuario}"
password = "{self.clave}"
user-allow-ip = "127.0.0.1"
user-deny-ip = "*.*.*.*"
max-messages = 6
concatenation = true

# Every message from a phone goes to the portal; Kannel itself answers nothing.
group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "{self.get_url}"
"""

    def escribir_conf(self) -> Path:
        self.directorio.mkdir(parents=True, exist_ok=True)
        path = self.directorio / "kannel.conf"
        path.write_text(self.conf())
        path.chmod(0o600)
        return path

    # --- processes -------------------------------------------------------------------------------

    def comandos(self) -> dict[str, list[str]]:
        conf = str(self.directorio / "kannel.conf")
        return {
            "bearerbox": [BEARERBOX, "-v", "1", conf],
            "smsbox": [SMSBOX, "-v", "1", conf],
            # No message on the command line: interactive, stdin lines are messages from phones.
            "fakesmsc": [FAKESMSC, "-H", "127.0.0.1", "-r", str(self.puertos.smsc), "-v", "0"],
        }

    @property
    def en_marcha(self) -> bool:
        return bool(self.procesos) and all(p.poll() is None for p in self.procesos.values())

    def arrancar(self, espera: float = 60) -> Kannel:
        """Write the conf, start bearerbox, smsbox and fakesmsc, wait until sendsms answers."""
        if self.procesos:
            self.parar()
        self.escribir_conf()
        # fakesmsc's log is fakesmsc-N.out, a new N on every start (also of a new Kannel object on
        # the same directory, as a restarted stack): enviados() reads them all, in order.
        self._arranques = max((n for n, _ in _registros_fakesmsc(self.directorio)), default=0) + 1
        fifo = self.directorio / ENTRADA
        if not fifo.is_fifo():
            fifo.unlink(missing_ok=True)
            os.mkfifo(fifo, 0o600)
        comandos = self.comandos()
        try:
            self._lanzar("bearerbox", comandos["bearerbox"])
            self._esperar_puerto(self.puertos.smsc, espera, "bearerbox (smsc fake)")
            self._lanzar("smsbox", comandos["smsbox"])
            self._lanzar("fakesmsc", comandos["fakesmsc"], entrada=fifo)
            self._esperar_sendsms(espera)
        except BaseException:
            self.parar()
            raise
        return self

    def _lanzar(self, nombre: str, comando: list[str], *, entrada: Path | None = None) -> None:
        sufijo = f"-{self._arranques}" if nombre == "fakesmsc" else ""
        # fakesmsc's stdin is the FIFO, opened read-write: it never sees an end of file, and any
        # process can write a phone's message into it (inyectar_en).
        fd = os.open(entrada, os.O_RDWR) if entrada else subprocess.DEVNULL
        with open(self.directorio / f"{nombre}{sufijo}.out", "ab") as salida:
            self.procesos[nombre] = subprocess.Popen(
                comando,
                cwd=self.directorio,
                stdin=fd,
                stdout=salida,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C in a terminal reaches the harness, not them
                preexec_fn=_morir_con_el_padre,
            )
        if entrada:
            os.close(fd)

    def _vigilar(self) -> None:
        for nombre, proceso in self.procesos.items():
            if proceso.poll() is not None:
                raise RuntimeError(
                    f"Kannel: {nombre} terminó (código {proceso.returncode}); "
                    f"ver {self.directorio}/{nombre}*.out y *.log"
                )

    def _esperar_puerto(self, puerto: int, espera: float, que: str) -> None:
        fin = time.monotonic() + espera
        while time.monotonic() < fin:
            self._vigilar()
            try:
                socket.create_connection(("127.0.0.1", puerto), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"Kannel: {que} no escucha en {puerto} tras {espera:.0f} s")

    def _esperar_sendsms(self, espera: float) -> None:
        """sendsms answers (any HTTP status: smsbox is up) and fakesmsc is connected."""
        fin = time.monotonic() + espera
        while time.monotonic() < fin:
            self._vigilar()
            try:
                urllib.request.urlopen(self.sendsms_url, timeout=2).close()
            except urllib.error.HTTPError:
                pass  # 4xx without parameters: smsbox answers
            except OSError:
                time.sleep(0.1)
                continue
            if self._smsc_conectada():
                return
            time.sleep(0.1)
        raise RuntimeError(f"Kannel: sendsms no respondió en {espera:.0f} s ({self.directorio})")

    def _smsc_conectada(self) -> bool:
        url = f"http://127.0.0.1:{self.puertos.admin}/status.txt?" + urllib.parse.urlencode(
            {"password": self.admin_clave}
        )
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                estado = r.read().decode("utf-8", "replace")
        except OSError:
            return False
        return re.search(r"fake\[fake\].*\(online", estado) is not None

    def parar(self, espera: float = 15) -> None:
        """SIGTERM to the three, SIGKILL after `espera` seconds."""
        procesos, self.procesos = self.procesos, {}
        for nombre in ("fakesmsc", "smsbox", "bearerbox"):
            proceso = procesos.get(nombre)
            if proceso is None or proceso.poll() is not None:
                continue
            proceso.terminate()
        fin = time.monotonic() + espera
        for proceso in procesos.values():
            try:
                proceso.wait(timeout=max(0.1, fin - time.monotonic()))
            except subprocess.TimeoutExpired:
                proceso.kill()
                proceso.wait()

    def __enter__(self) -> Kannel:
        return self.arrancar()

    def __exit__(self, *exc) -> None:
        self.parar()

    # --- the phones' side ------------------------------------------------------------------------

    def enviados(self) -> list[Enviado]:
        """Every message the fake centre received, oldest first (across restarts)."""
        return leer_enviados(self.directorio)

    def esperar_enviado(
        self, *, para: str | None = None, texto: str | None = None, espera: float = 30
    ) -> Enviado:
        """The first received message to `para` (and with `texto`), waiting up to `espera` s."""
        fin = time.monotonic() + espera
        while True:
            for enviado in self.enviados():
                if (para is None or enviado.para == para) and (
                    texto is None or enviado.texto == texto
                ):
                    return enviado
            if time.monotonic() > fin:
                raise AssertionError(
                    f"el centro SMS falso no recibió para={para!r} texto={texto!r} "
                    f"en {espera:.0f} s; recibió {self.enviados()!r}"
                )
            time.sleep(0.1)

    def inyectar(self, de: str, texto: str, para: str | None = None, espera: float = 30) -> None:
        """A phone `de` sends `texto` to `para` (the short code by default). Returns once fakesmsc
        handed it to bearerbox; smsbox then calls the get-url (wait for its effect)."""
        inyectar_en(self.directorio, de, para or self.remitente, texto, espera=espera)


ENTRADA = "fakesmsc.entrada"  # the FIFO that is fakesmsc's stdin
ENVIADO = re.compile(r"fakesmsc: sent message \d+")


def _registros_fakesmsc(directorio: Path) -> list[tuple[int, Path]]:
    registros = []
    for path in Path(directorio).glob("fakesmsc-*.out"):
        numero = path.stem.rsplit("-", 1)[1]
        if numero.isdigit():
            registros.append((int(numero), path))
    return sorted(registros)


def inyectar_en(directorio: str | os.PathLike, de: str, para: str, texto: str, espera: float = 30):
    """A phone's message into the fakesmsc running in `directorio` (from any process: the stack's
    `scripts/stack.py sms`). Returns once fakesmsc says it sent it to bearerbox.

    One line at a time (a lock file): fakesmsc waits for stdin with select() and reads it with
    fgets(), so a second line written before it took the first would stay in stdio's buffer,
    unseen by select(), until a third one arrived."""
    directorio = Path(directorio)
    linea = linea_entrante(de, para, texto)
    with open(directorio / "fakesmsc.cerrojo", "w") as cerrojo:
        fcntl.flock(cerrojo, fcntl.LOCK_EX)
        registros = _registros_fakesmsc(directorio)
        if not registros:
            raise RuntimeError(f"Kannel no arrancó en {directorio}")
        registro = registros[-1][1]
        antes = len(ENVIADO.findall(registro.read_text("utf-8", errors="replace")))
        try:
            fd = os.open(directorio / ENTRADA, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:  # ENXIO: nobody reads the FIFO, fakesmsc is not running
            raise RuntimeError(f"Kannel no está en marcha en {directorio} ({error})") from None
        try:
            os.write(fd, linea)
        finally:
            os.close(fd)
        fin = time.monotonic() + espera
        while len(ENVIADO.findall(registro.read_text("utf-8", errors="replace"))) <= antes:
            if time.monotonic() > fin:
                raise RuntimeError(f"fakesmsc no envió el mensaje en {espera:.0f} s ({registro})")
            time.sleep(0.05)


def linea_entrante(de: str, para: str, texto: str) -> bytes:
    """fakesmsc's input line for a phone's message: ASCII as GSM-7 text, anything else as UCS-2
    (what a phone does with a character outside the GSM alphabet, such as á, í, ó, ú)."""
    if " " in de or " " in para:
        raise ValueError("números sin espacios")
    if "\n" in texto or "\r" in texto:
        raise ValueError("fakesmsc lee una línea por mensaje")
    if texto.isascii():
        linea = f"{de} {para} text {texto}\n".encode()
    else:
        datos = urllib.parse.quote_from_bytes(texto.encode("utf-16-be"), safe="")
        linea = f"{de} {para} ucs2 {datos}\n".encode()
    if len(linea) > 255:
        raise ValueError(f"fakesmsc lee como mucho 255 bytes por línea ({len(linea)})")
    return linea


def leer_enviados(directorio: str | os.PathLike) -> list[Enviado]:
    """The messages in the fakesmsc-N.out logs of a Kannel directory, oldest first; the parts of
    a long message joined once all of them arrived."""
    enviados: list[Enviado] = []
    pendientes: dict[tuple, dict[int, _Parte]] = {}
    for _, archivo in _registros_fakesmsc(Path(directorio)):
        for linea in archivo.read_text("utf-8", errors="replace").splitlines():
            encontrado = RECIBIDO.search(linea)
            leido = interpretar(encontrado.group(1)) if encontrado else None
            if isinstance(leido, Enviado):
                enviados.append(leido)
            elif isinstance(leido, _Parte):
                concatenacion = _concatenacion(leido.udh)
                if concatenacion is None:
                    enviados.append(_unir([leido]))
                    continue
                referencia, total, numero = concatenacion
                clave = (leido.de, leido.para, referencia, total)
                grupo = pendientes.setdefault(clave, {})
                grupo[numero] = leido
                if len(grupo) == total:
                    enviados.append(_unir([grupo[n] for n in sorted(grupo)]))
                    del pendientes[clave]
    return enviados


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", required=True, help="directorio de kannel.conf y los registros")
    parser.add_argument("--portal", required=True, help="URL base del portal (get-url)")
    parser.add_argument("--clave-entrante", default=secrets.token_urlsafe(16))
    args = parser.parse_args(argv)
    if not disponible():
        raise SystemExit("faltan bearerbox/smsbox/fakesmsc: apt-get install kannel kannel-extras")
    kannel = Kannel(args.dir, portal_url=args.portal, clave_entrante=args.clave_entrante)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with kannel:
        for k, v in kannel.entorno().items():
            print(f"{k}={v}", flush=True)
        try:
            while kannel.en_marcha:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
