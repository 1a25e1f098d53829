#!/usr/bin/env python
"""`make stack`: the portal as it is deployed, on this machine.

PostgreSQL and Redis from DATABASE_URL / REDIS_URL (the CI ones by default), migrations, the demo
data, collectstatic; then, with DJANGO_DEBUG=0 and PORTAL_URL=https://127.0.0.1:<port>:

- gunicorn over TLS (a self-signed certificate made with openssl under the stack's directory),
- a real Celery worker (queues default, pdf, email, sms) and a real beat,
- an SMTP sink (aiosmtpd) that keeps every message in a Maildir and prints where each one is,
- Kannel (Debian's bearerbox and smsbox, scripts/kannel.py) with fakesmsc as the phones: the
  portal sends SMS through its sendsms, a person answers from "the phone" with `sms`.

In the foreground it waits for /health/, prints the addresses and stays until Ctrl-C or SIGTERM,
then stops every process it started. Other modes:

    scripts/stack.py --fondo       start in the background, wait until it answers, write estado.json
    scripts/stack.py --parar       stop the stack started with --fondo
    scripts/stack.py --base-nueva  drop and create the database first (a fresh demo)
    scripts/stack.py manage ARGS   run manage.py with the stack's environment (shell, dbshell...)
    scripts/stack.py sms --ver     the SMS the fake SMS centre received (what the portal sent)
    scripts/stack.py sms --de +593991234567 "SI"    a phone answers (to KANNEL_REMITENTE)

Environment: DATABASE_URL, REDIS_URL, STACK_PUERTO (8443), STACK_PUERTO_SMTP (8025),
STACK_PUERTO_SENDSMS (13013, Kannel's sendsms), STACK_DIR (var/stack), DEMO_PASSWORD (generated when unset, printed), STACK_WORKERS (2 gunicorn
workers), STACK_CONCURRENCIA (2 Celery processes), STACK_PLANTILLA_BD (a new database is created
as a copy of this one, already migrated: tests/produccion passes its test database's copy).

The demo accounts get DEMO_PASSWORD or a password generated for this stack: cargar_demo refuses
the well-known demo password with DJANGO_DEBUG off, and the stack does not lift that safeguard.
"""

from __future__ import annotations

import argparse
import dataclasses
import email.parser
import email.policy
import json
import mailbox
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import kannel  # scripts/kannel.py (this script's directory is the first of sys.path)
from entorno import entorno_de_produccion  # scripts/entorno.py

RAIZ = Path(__file__).resolve().parent.parent
DATABASE_URL_CI = "postgres://postgres@127.0.0.1:5432/pactos_stack"
REDIS_URL_CI = "redis://127.0.0.1:6379/7"
PROCESOS = ("gunicorn", "worker", "beat")


def _dir_stack() -> Path:
    return Path(os.environ.get("STACK_DIR") or RAIZ / "var" / "stack").resolve()


def _estado_path(directorio: Path) -> Path:
    return directorio / "estado.json"


def _decir(texto: str) -> None:
    print(f"[stack] {texto}", flush=True)


# --- Configuration -----------------------------------------------------------------------------


def _clave_demo(directorio: Path) -> str:
    """The demo accounts' password of this stack, generated once and kept (0600) next to it:
    cargar_demo sets it only on accounts it creates, so a restart must print the same one."""
    path = directorio / "clave-demo"
    if not path.exists():
        directorio.mkdir(parents=True, exist_ok=True)
        path.write_text("stack-" + secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def _kannel(directorio: Path, *, url: str, puerto_sendsms: int) -> kannel.Kannel | None:
    """The SMS gateway of the stack, when Kannel is installed on this machine."""
    if not kannel.disponible():
        return None
    # Kannel's other ports (admin, bearerbox's for smsbox and for fakesmsc) are internal.
    puertos = kannel.Puertos.libres()
    return kannel.Kannel(
        directorio / "kannel",
        portal_url=url,  # get-url over TLS: smsbox does not check the self-signed certificate
        clave_entrante=secrets.token_urlsafe(24),
        remitente=os.environ.get("STACK_REMITENTE_SMS", "2525"),
        puertos=dataclasses.replace(puertos, sendsms=puerto_sendsms),
    )


def configuracion(directorio: Path) -> dict:
    """Ports, URLs, secrets and the children's environment; reused from estado.json if running."""
    puerto = int(os.environ.get("STACK_PUERTO", "8443"))
    puerto_smtp = int(os.environ.get("STACK_PUERTO_SMTP", "8025"))
    puerto_sendsms = int(os.environ.get("STACK_PUERTO_SENDSMS", "13013"))
    url = f"https://127.0.0.1:{puerto}"
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL_CI
    redis_url = os.environ.get("REDIS_URL") or REDIS_URL_CI
    demo_password = os.environ.get("DEMO_PASSWORD") or _clave_demo(directorio)
    entorno = entorno_de_produccion(url)
    entorno.update(
        {
            "DJANGO_CSRF_TRUSTED_ORIGINS": url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(puerto_smtp),
            "EMAIL_USE_TLS": "0",
            "DEMO_PASSWORD": demo_password,
            "DJANGO_MEDIA_ROOT": str(directorio / "media"),
            "PACTOS_VAR_DIR": str(directorio / "var"),
            "DJANGO_LOG_LEVEL": os.environ.get("STACK_LOG_LEVEL", "WARNING"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    sms = _kannel(directorio, url=url, puerto_sendsms=puerto_sendsms)
    if sms is not None:
        entorno.update(sms.entorno())
    return {
        "url": url,
        "puerto": puerto,
        "puerto_smtp": puerto_smtp,
        "kannel": sms,
        "directorio": str(directorio),
        "maildir": str(directorio / "correo"),
        "logs": str(directorio / "logs"),
        "certificado": str(directorio / "tls" / "cert.pem"),
        "database_url": database_url,
        "redis_url": redis_url,
        "demo_password": demo_password,
        "entorno": entorno,
    }


# --- Preparation -------------------------------------------------------------------------------


def base_de_datos(database_url: str, *, nueva: bool) -> None:
    """Create the PostgreSQL database when missing (drop it first with nueva)."""
    import psycopg2
    from psycopg2 import sql

    partes = urlsplit(database_url)
    if partes.scheme not in {"postgres", "postgresql"}:
        raise SystemExit(f"make stack necesita PostgreSQL en DATABASE_URL (es {database_url!r}).")
    nombre = partes.path.lstrip("/")
    mantenimiento = urlunsplit(partes._replace(path="/postgres"))
    conexion = psycopg2.connect(mantenimiento, connect_timeout=5)
    conexion.autocommit = True
    try:
        with conexion.cursor() as cursor:
            if nueva:
                cursor.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(nombre)
                    )
                )
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nombre])
            if cursor.fetchone() is None:
                crear = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nombre))
                if plantilla := os.environ.get("STACK_PLANTILLA_BD"):
                    # A copy of a database just migrated from scratch (tests/produccion: the test
                    # run's own, so the migrations run once per run): `migrate` finds nothing to
                    # apply, as on a database migrated here.
                    crear += sql.SQL(" TEMPLATE {}").format(sql.Identifier(plantilla))
                cursor.execute(crear)
                _decir(f"base de datos {nombre} creada")
    finally:
        conexion.close()


def certificado(directorio: Path) -> tuple[Path, Path]:
    tls = directorio / "tls"
    cert, clave = tls / "cert.pem", tls / "key.pem"
    if not (cert.exists() and clave.exists()):
        tls.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", str(clave), "-out", str(cert),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        clave.chmod(0o600)
    return cert, clave


def manage(conf: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(RAIZ / "manage.py"), *args], env=conf["entorno"], cwd=RAIZ, **kwargs
    )


def preparar(conf: dict, *, nueva: bool) -> None:
    """Database, migrations and demo; collectstatic meanwhile (it needs no database)."""
    base_de_datos(conf["database_url"], nueva=nueva)
    inicio = time.monotonic()
    # STACK_ESTATICOS_HECHOS=1: this checkout's collectstatic was just run with DJANGO_DEBUG=0
    # (tests/produccion runs it in the background from the start of the test run).
    hechos = os.environ.get("STACK_ESTATICOS_HECHOS") == "1"
    estaticos = subprocess.Popen(
        [sys.executable, "-c", ""]
        if hechos
        else [sys.executable, str(RAIZ / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
        env=conf["entorno"],
        cwd=RAIZ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for paso in (["migrate", "--noinput", "-v", "0"], ["cargar_demo"]):
        comienzo = time.monotonic()
        salida = manage(conf, *paso, capture_output=True, text=True)
        if salida.returncode:
            estaticos.kill()
            sys.stderr.write(salida.stdout + salida.stderr)
            raise SystemExit(f"manage.py {' '.join(paso)} falló ({salida.returncode})")
        _decir(f"manage.py {paso[0]}: {time.monotonic() - comienzo:.1f} s")
    comprobar = (
        "from django.contrib.auth import get_user_model; import os, sys; "
        "u = get_user_model().objects.filter(username='coordinadora').first(); "
        "sys.exit(0 if u is None or u.check_password(os.environ['DEMO_PASSWORD']) else 3)"
    )
    if manage(conf, "shell", "-v", "0", "-c", comprobar, capture_output=True).returncode == 3:
        _decir(
            "AVISO: las cuentas de demostración ya existían en esta base con otra contraseña "
            "(DEMO_PASSWORD, o --base-nueva para empezar de cero)"
        )
    salida_estaticos, _ = estaticos.communicate()
    if estaticos.returncode:
        sys.stderr.write(salida_estaticos)
        raise SystemExit(f"manage.py collectstatic falló ({estaticos.returncode})")
    if hechos:
        _decir("manage.py collectstatic: ya hecho (STACK_ESTATICOS_HECHOS)")
    else:
        _decir(f"manage.py collectstatic terminado a los {time.monotonic() - inicio:.1f} s")
    if not any(RAIZ.glob("locale/*/LC_MESSAGES/django.mo")):
        manage(conf, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0")


# --- The SMTP sink -----------------------------------------------------------------------------


class Buzon:
    """aiosmtpd handler: every message into a Maildir, and a line saying where it is."""

    def __init__(self, directorio: str):
        self.maildir = mailbox.Maildir(directorio, create=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        contenido = envelope.original_content or envelope.content
        if isinstance(contenido, str):
            contenido = contenido.encode()
        clave = self.maildir.add(mailbox.MaildirMessage(contenido))
        cabeceras = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(
            contenido
        )
        asunto = " ".join(str(cabeceras.get("Subject", "")).split())
        ruta = Path(self.maildir._path) / "new" / clave
        _decir(f"correo para {', '.join(envelope.rcpt_tos)}: «{asunto}» → {ruta}")
        return "250 Message accepted for delivery"


def sumidero_smtp(conf: dict):
    from aiosmtpd.controller import Controller

    controlador = Controller(Buzon(conf["maildir"]), hostname="127.0.0.1", port=conf["puerto_smtp"])
    controlador.start()
    return controlador


# --- The processes -----------------------------------------------------------------------------


def comandos(conf: dict, cert: Path, clave: Path) -> dict[str, list[str]]:
    bin_dir = Path(sys.executable).parent
    logs = Path(conf["logs"])
    concurrencia = os.environ.get("STACK_CONCURRENCIA", "2")
    return {
        "gunicorn": [
            str(bin_dir / "gunicorn"), "config.wsgi:application",
            "--bind", f"127.0.0.1:{conf['puerto']}",
            "--certfile", str(cert), "--keyfile", str(clave),
            "--workers", os.environ.get("STACK_WORKERS", "2"), "--timeout", "60",
            "--access-logfile", str(logs / "acceso.log"),
            "--error-logfile", str(logs / "gunicorn.log"),
        ],
        "worker": [
            str(bin_dir / "celery"), "-A", "config", "worker",
            "-Q", "default,pdf,email,sms", "--concurrency", concurrencia,
            "-n", f"stack-{conf['puerto']}@%h", "--without-gossip", "--without-mingle",
            "--loglevel", "INFO", "--logfile", str(logs / "worker.log"),
        ],
        "beat": [
            str(bin_dir / "celery"), "-A", "config", "beat",
            "--schedule", str(Path(conf["directorio"]) / "celerybeat-schedule"),
            "--loglevel", "INFO", "--logfile", str(logs / "beat.log"),
        ],
    }  # fmt: skip


def contexto_tls() -> ssl.SSLContext:
    contexto = ssl.create_default_context()
    contexto.check_hostname = False
    contexto.verify_mode = ssl.CERT_NONE
    return contexto


def esperar_salud(url: str, hijos: dict[str, subprocess.Popen], limite: float = 120) -> None:
    fin = time.monotonic() + limite
    ultimo = ""
    while time.monotonic() < fin:
        for nombre, proceso in hijos.items():
            if proceso.poll() is not None:
                raise SystemExit(f"{nombre} terminó al arrancar (código {proceso.returncode})")
        try:
            with urllib.request.urlopen(
                f"{url}/health/?format=json", context=contexto_tls(), timeout=5
            ) as respuesta:
                if respuesta.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            ultimo = str(exc)
        time.sleep(0.5)
    raise SystemExit(f"{url}/health/ no respondió en {limite:.0f} s ({ultimo})")


def parar_hijos(hijos: dict[str, subprocess.Popen], espera: float = 20) -> None:
    for proceso in hijos.values():
        if proceso.poll() is None:
            proceso.terminate()
    fin = time.monotonic() + espera
    for nombre, proceso in hijos.items():
        try:
            proceso.wait(timeout=max(0.1, fin - time.monotonic()))
        except subprocess.TimeoutExpired:
            _decir(f"{nombre} no se detuvo en {espera:.0f} s: kill")
            proceso.kill()
            proceso.wait()


class Parada(Exception):
    pass


def _senal(signum, frame):
    raise Parada(signal.Signals(signum).name)


def _anunciar(conf: dict, sms, estado_path: Path) -> None:
    """Where everything of the running stack is: the portal, the accounts, mail, SMS, logs."""
    _decir(f"portal:   {conf['url']}/  (DJANGO_DEBUG=0, certificado autofirmado)")
    _decir(
        f"cuentas:  coordinadora, facilitador, comunicacion, analista, admin — contraseña {conf['demo_password']}"
    )
    _decir(f"correo:   SMTP 127.0.0.1:{conf['puerto_smtp']} → Maildir {conf['maildir']}")
    if sms is not None:
        _decir(
            f"SMS:      Kannel {sms.sendsms_url} (remitente {sms.remitente}), "
            f"registros en {sms.directorio}/"
        )
        _decir(
            "          lo recibido: scripts/stack.py sms --ver; responder desde un teléfono: "
            'scripts/stack.py sms --de +593991234567 "SI"'
        )
    _decir(f"registros: {conf['logs']}/ (gunicorn.log, acceso.log, worker.log, beat.log)")
    _decir(f"estado:   {estado_path}   (Ctrl-C para parar)")


def _vigilar(hijos: dict[str, subprocess.Popen]) -> int:
    """Wait until a child process ends (then 1: the caller stops the others) or a signal."""
    while True:
        for nombre, proceso in hijos.items():
            if proceso.poll() is not None:
                _decir(f"{nombre} terminó (código {proceso.returncode}): paro todo")
                return 1
        time.sleep(1)


def servir(args) -> int:
    directorio = _dir_stack()
    directorio.mkdir(parents=True, exist_ok=True)
    if estado_actual():
        raise SystemExit(f"ya hay un stack en marcha ({_estado_path(directorio)}); --parar antes")
    if args.base_nueva:
        (directorio / "clave-demo").unlink(missing_ok=True)
        shutil.rmtree(directorio / "kannel", ignore_errors=True)  # the SMS of the old demo
    estado_path = _estado_path(directorio)
    conf = configuracion(directorio)
    Path(conf["logs"]).mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _senal)
    signal.signal(signal.SIGINT, _senal)
    hijos: dict[str, subprocess.Popen] = {}
    controlador = None
    try:
        preparar(conf, nueva=args.base_nueva)
        cert, clave = certificado(directorio)
        controlador = sumidero_smtp(conf)
        for nombre, comando in comandos(conf, cert, clave).items():
            salida = open(Path(conf["logs"]) / f"{nombre}.out", "ab")  # noqa: SIM115
            hijos[nombre] = subprocess.Popen(
                comando, env=conf["entorno"], cwd=RAIZ, stdout=salida, stderr=subprocess.STDOUT
            )
        sms = conf["kannel"]
        if sms is not None:
            sms.arrancar()  # bearerbox, smsbox, fakesmsc; back once sendsms answers
            hijos.update(sms.procesos)
        else:
            _decir(
                "AVISO: sin SMS, Kannel no está instalado (apt-get install kannel kannel-extras)"
            )
        esperar_salud(conf["url"], hijos)
        estado = {
            **{k: v for k, v in conf.items() if k not in {"entorno", "kannel"}},
            "kannel": _estado_kannel(sms),
            "pid": os.getpid(),
            "pids": {nombre: p.pid for nombre, p in hijos.items()},
            "entorno": conf["entorno"],
        }
        estado_path.write_text(json.dumps(estado, indent=2))
        estado_path.chmod(0o600)
        _anunciar(conf, sms, estado_path)
        return _vigilar(hijos)
    except Parada as exc:
        _decir(f"{exc}: parando")
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        parar_hijos(hijos)
        if controlador is not None:
            controlador.stop()
        estado_path.unlink(missing_ok=True)
        _decir("detenido")


# --- Background start, stop, manage ------------------------------------------------------------


def _vivo(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def estado_actual() -> dict | None:
    path = _estado_path(_dir_stack())
    if not path.exists():
        return None
    estado = json.loads(path.read_text())
    return estado if _vivo(estado["pid"]) else None


def en_fondo(args) -> int:
    directorio = _dir_stack()
    if estado_actual():
        raise SystemExit(f"ya hay un stack en marcha ({_estado_path(directorio)}); --parar antes")
    _estado_path(directorio).unlink(missing_ok=True)
    (directorio / "logs").mkdir(parents=True, exist_ok=True)
    registro = directorio / "logs" / "stack.log"
    comando = [sys.executable, str(Path(__file__).resolve())]
    if args.base_nueva:
        comando.append("--base-nueva")
    with open(registro, "ab") as salida:
        proceso = subprocess.Popen(
            comando, stdout=salida, stderr=subprocess.STDOUT, start_new_session=True, cwd=RAIZ
        )
    limite = time.monotonic() + float(os.environ.get("STACK_ESPERA", "600"))
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            sys.stderr.write(registro.read_text()[-4000:])
            raise SystemExit(f"el stack no arrancó (código {proceso.returncode}); ver {registro}")
        if _estado_path(directorio).exists():
            estado = json.loads(_estado_path(directorio).read_text())
            print(json.dumps({k: v for k, v in estado.items() if k != "entorno"}, indent=2))
            return 0
        time.sleep(0.5)
    proceso.terminate()
    raise SystemExit(f"el stack no respondió a tiempo; ver {registro}")


def parar(args) -> int:
    estado = estado_actual()
    if not estado:
        _decir("no hay stack en marcha")
        return 0
    os.kill(estado["pid"], signal.SIGTERM)
    fin = time.monotonic() + 60
    while time.monotonic() < fin and _vivo(estado["pid"]):
        time.sleep(0.3)
    if _vivo(estado["pid"]):
        os.kill(estado["pid"], signal.SIGKILL)
        for pid in estado["pids"].values():
            if _vivo(pid):
                os.kill(pid, signal.SIGKILL)
    _decir("detenido")
    return 0


def _estado_kannel(sms) -> dict | None:
    if sms is None:
        return None
    return {
        "directorio": str(sms.directorio),
        "sendsms_url": sms.sendsms_url,
        "remitente": sms.remitente,
        "puertos": dataclasses.asdict(sms.puertos),
        "pids": {nombre: p.pid for nombre, p in sms.procesos.items()},
    }


def sms_del_stack(args) -> int:
    """The phones' side of the stack's Kannel: what the fake SMS centre received, or a phone's
    answer to the short code (which Kannel passes to the portal's /canales/kannel/entrante/)."""
    estado = estado_actual()
    if not estado:
        raise SystemExit("no hay stack en marcha (scripts/stack.py --fondo o make stack)")
    if not estado.get("kannel"):
        raise SystemExit("el stack no tiene Kannel (apt-get install kannel kannel-extras)")
    directorio = Path(estado["kannel"]["directorio"])
    if args.de:
        if not args.texto:
            raise SystemExit('falta el texto: scripts/stack.py sms --de +593991234567 "SI"')
        texto = " ".join(args.texto)
        para = args.para or estado["kannel"]["remitente"]
        kannel.inyectar_en(directorio, args.de, para, texto)
        _decir(f"SMS de {args.de} a {para}: «{texto}» entregado a Kannel")
        return 0
    enviados = kannel.leer_enviados(directorio)
    for enviado in enviados:
        partes = f", {enviado.partes} partes" if enviado.partes > 1 else ""
        print(f"{enviado.de} → {enviado.para} ({enviado.codificacion}{partes}): {enviado.texto}")
    if not enviados:
        _decir("el centro SMS falso no recibió nada todavía")
    return 0


def manage_del_stack(args) -> int:
    estado = estado_actual()
    if not estado:
        raise SystemExit("no hay stack en marcha (scripts/stack.py --fondo o make stack)")
    return subprocess.call(
        [sys.executable, str(RAIZ / "manage.py"), *args.argumentos], env=estado["entorno"], cwd=RAIZ
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fondo", action="store_true", help="arrancar en segundo plano")
    parser.add_argument("--parar", action="store_true", help="parar el stack en segundo plano")
    parser.add_argument("--base-nueva", action="store_true", help="borrar y crear la base")
    sub = parser.add_subparsers(dest="orden")
    orden_manage = sub.add_parser("manage", help="manage.py con el entorno del stack")
    orden_manage.add_argument("argumentos", nargs=argparse.REMAINDER)
    orden_sms = sub.add_parser("sms", help="el lado de los teléfonos del Kannel del stack")
    orden_sms.add_argument("--ver", action="store_true", help="lo que recibió el centro SMS")
    orden_sms.add_argument("--de", help="número del teléfono que escribe (+593...)")
    orden_sms.add_argument("--para", help="número corto (KANNEL_REMITENTE por defecto)")
    orden_sms.add_argument("texto", nargs="*", help="el texto del mensaje")
    args = parser.parse_args(argv)
    if args.orden == "manage":
        return manage_del_stack(args)
    if args.orden == "sms":
        return sms_del_stack(args)
    if args.parar:
        return parar(args)
    if args.fondo:
        return en_fondo(args)
    return servir(args)


if __name__ == "__main__":
    sys.exit(main())
