"""Mixed load test: visitors on public pages and facilitators recording sessions, at once.

    python -m bench.carga_mixta [--visitantes 50] [--facilitadores 5] [--duracion 60]

Runs gunicorn with production settings (DJANGO_DEBUG=0, 3 sync workers as in
docs/operations.md) on 127.0.0.1 against DATABASE_URL (the demo data, or make bench's 1×
dataset), and drives it from threads of this process with the standard library only:

- each visitor loops over the public pages (home, tables, a table, a pact, a canton's figures)
  with a think time of 0.5–1.5 s;
- each facilitator signs in through the login form, then records a session of their own table
  as on the phone (htmx POSTs: attendance, intervention, agreement, and the page again), with a
  think time of 1–3 s.

Every response must be 200 (the login's 302 included); anything else, or a timeout, is an error.
Prints JSON {"config", "pages": {key: {requests, errors, p50_ms, p95_ms, max_ms}}, "total"} and
exits 1 when there was any error. Loopback only; bounded by --duracion.
"""

import argparse
import html
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections import defaultdict
from pathlib import Path

from bench.procesos import gunicorn, manage, salida_json

RAIZ = Path(__file__).resolve().parent.parent
PUERTO = int(os.environ.get("BENCH_CARGA_PORT", "8198"))
TIEMPO_MAXIMO = 30  # seconds before a request counts as an error


# --- Preparation (runs inside Django, in a subprocess) ------------------------------------------


def _paginas_publicas() -> dict[str, str]:
    """The public pages of the load that answer 200 on these data."""
    from django.test import Client

    from bench.paginas import PAGINAS

    publicas = {"home": "/", "tables": "/mesas/", "cantons": "/sie/cantones/"}
    for nombre in ("table", "public_pacto", "canton_dashboard"):
        resultado = PAGINAS[nombre]() if nombre in PAGINAS else None
        if resultado and resultado[1] is None:
            publicas[nombre] = resultado[0]
    cliente = Client(HTTP_HOST="127.0.0.1")
    for nombre, url in list(publicas.items()):
        if cliente.get(url).status_code != 200:
            del publicas[nombre]
    if not publicas:
        raise SystemExit("ninguna página pública responde 200: ¿faltan los datos de demostración?")
    return publicas


def _facilitador_con_sesion(n: int, mesa, clave: str) -> dict:
    """Facilitator n of mesa, able to log in with clave, with a session planned now."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from core.roles import Rol
    from mesas import services
    from mesas.selectors import candidatos_asistencia

    usuario, _ = get_user_model().objects.get_or_create(
        username=f"carga_facilitador_{n}",
        defaults={"email": f"carga{n}@example.org", "first_name": f"Facilitador {n}"},
    )
    usuario.set_password(clave)
    usuario.is_active = True
    usuario.save()
    usuario.groups.add(Group.objects.get(name=Rol.FACILITACION))
    mesa.facilitadores.add(usuario)
    sesion = services.sesion_crear(
        mesa=mesa,
        inicio=timezone.now().replace(microsecond=0),
        modalidad="presencial",
        lugar="Sala de la prueba de carga",
        usuario=usuario,
    )
    actores = candidatos_asistencia(sesion=sesion).values_list("pk", flat=True)[:300]
    return {"usuario": usuario.username, "sesion": sesion.pk, "actores": list(actores)}


def preparar(facilitadores: int, clave: str) -> dict:
    """Public URLs that answer 200, and facilitators each with a planned session to record."""
    import django

    django.setup()
    from mesas.models import Intervencion, Mesa

    publicas = _paginas_publicas()
    mesas = list(Mesa.objects.order_by("pk")[:facilitadores])
    if len(mesas) < facilitadores:
        raise SystemExit(f"hacen falta {facilitadores} mesas en los datos, hay {len(mesas)}")
    return {
        "publicas": publicas,
        "facilitadores": [
            _facilitador_con_sesion(n, mesa, clave) for n, mesa in enumerate(mesas, start=1)
        ],
        "tipo_intervencion": Intervencion.Tipo.values[0],
    }


# --- The load ------------------------------------------------------------------------------------


class Medidas:
    def __init__(self):
        self.tiempos = defaultdict(list)
        self.errores = defaultdict(int)
        self.detalles: list[str] = []
        self.cerrojo = threading.Lock()

    def anotar(self, clave: str, ms: float, error: str = "") -> None:
        with self.cerrojo:
            self.tiempos[clave].append(ms)
            if error:
                self.errores[clave] += 1
                if len(self.detalles) < 20:
                    self.detalles.append(f"{clave}: {error}")

    def resumen(self) -> dict:
        paginas = {}
        for clave in sorted(self.tiempos):
            tiempos = sorted(self.tiempos[clave])
            paginas[clave] = {
                "requests": len(tiempos),
                "errors": self.errores[clave],
                "p50_ms": round(statistics.median(tiempos), 1),
                "p95_ms": round(_percentil(tiempos, 95), 1),
                "max_ms": round(tiempos[-1], 1),
            }
        todos = sorted(t for lista in self.tiempos.values() for t in lista)
        total = {
            "requests": len(todos),
            "errors": sum(self.errores.values()),
            "p95_ms": round(_percentil(todos, 95), 1) if todos else None,
        }
        return {"pages": paginas, "total": total, "error_samples": self.detalles}


def _percentil(ordenados: list[float], p: int) -> float:
    if len(ordenados) == 1:
        return ordenados[0]
    return statistics.quantiles(ordenados, n=100, method="inclusive")[p - 1]


class Navegador:
    """One person's HTTP client: cookies, CSRF token, one request at a time."""

    def __init__(self, medidas: Medidas):
        self.medidas = medidas
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def pedir(
        self,
        clave: str,
        metodo: str,
        ruta: str,
        datos=None,
        *,
        esperado=200,
        htmx=False,
        contiene: str = "",
    ) -> str:
        cuerpo = None
        cabeceras = {"Host": "127.0.0.1", "Accept-Language": "es"}
        if self.cookies:
            cabeceras["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if datos is not None:
            from urllib.parse import urlencode

            cuerpo = urlencode(datos, doseq=True)
            cabeceras["Content-Type"] = "application/x-www-form-urlencoded"
            cabeceras["X-CSRFToken"] = self.csrf
        if htmx:
            cabeceras["HX-Request"] = "true"
        inicio = time.perf_counter()
        try:
            conexion = http.client.HTTPConnection("127.0.0.1", PUERTO, timeout=TIEMPO_MAXIMO)
            conexion.request(metodo, ruta, body=cuerpo, headers=cabeceras)
            respuesta = conexion.getresponse()
            texto = respuesta.read().decode("utf-8", "replace")
            conexion.close()
        except (OSError, http.client.HTTPException) as exc:
            self.medidas.anotar(clave, (time.perf_counter() - inicio) * 1000, repr(exc))
            return ""
        ms = (time.perf_counter() - inicio) * 1000
        for valor in respuesta.headers.get_all("Set-Cookie") or []:
            nombre, _, resto = valor.partition("=")
            self.cookies[nombre.strip()] = resto.split(";", 1)[0]
        if token := re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', texto):
            self.csrf = html.unescape(token.group(1))
        error = "" if respuesta.status == esperado else f"{metodo} {ruta} → {respuesta.status}"
        if not error and contiene and contiene not in texto:
            error = f"{metodo} {ruta}: no se guardó (falta «{contiene}»)"
        self.medidas.anotar(clave, ms, error)
        return texto if not error else ""


def visitante(publicas: dict, medidas: Medidas, fin: float, semilla: int) -> None:
    azar = random.Random(semilla)
    navegador = Navegador(medidas)
    claves = sorted(publicas)
    time.sleep(azar.uniform(0, 1.5))  # people do not arrive in the same millisecond
    while time.monotonic() < fin:
        clave = azar.choice(claves)
        navegador.pedir(clave, "GET", publicas[clave])
        time.sleep(azar.uniform(0.5, 1.5))


def facilitador(datos: dict, clave: str, tipo: str, medidas: Medidas, fin: float, n: int) -> None:
    azar = random.Random(1000 + n)
    navegador = Navegador(medidas)
    time.sleep(azar.uniform(0, 2))
    navegador.pedir("login_form", "GET", "/cuentas/login/")
    navegador.pedir(
        "login_post",
        "POST",
        "/cuentas/login/",
        {
            "username": datos["usuario"],
            "password": clave,
            "csrfmiddlewaretoken": navegador.csrf,
        },
        esperado=302,
    )
    sesion = f"/mesas/sesion/{datos['sesion']}/"
    navegador.pedir("session_page", "GET", sesion)
    actores = list(datos["actores"])
    presentes: list[int] = []
    pasos = 0
    while time.monotonic() < fin and actores:
        pasos += 1
        if pasos % 4 == 1 or not presentes:
            actor = actores.pop(0)
            if navegador.pedir(
                "record_attendance",
                "POST",
                f"{sesion}asistencia/",
                {"asistencia-actor": actor},
                htmx=True,
                contiene="Asistencia registrada.",
            ):
                presentes.append(actor)
        elif pasos % 4 == 2:
            navegador.pedir(
                "record_intervention",
                "POST",
                f"{sesion}intervencion/",
                {
                    "intervencion-actor": azar.choice(presentes),
                    "intervencion-tipo": tipo,
                    "intervencion-resumen": "Propone fortalecer la ruta turística comunitaria.",
                },
                htmx=True,
                contiene="Intervención registrada.",
            )
        elif pasos % 4 == 3:
            navegador.pedir(
                "record_agreement",
                "POST",
                f"{sesion}acuerdo/",
                {"acuerdo-texto": f"Acuerdo {pasos} de la prueba de carga"},
                htmx=True,
                contiene="Acuerdo registrado.",
            )
        else:
            navegador.pedir("session_page", "GET", sesion)
        time.sleep(azar.uniform(1, 3))


# --- gunicorn --------------------------------------------------------------------------------------


def _libre(puerto: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", puerto)) != 0


def _entorno_produccion(env: dict) -> dict:
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_URL": "http://127.0.0.1:8000",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
        # Public pages cached as in production, also when no REDIS_URL is given to share them.
        "DJANGO_CACHE_PAGINAS_PUBLICAS": "1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "AXES_FAILURE_LIMIT": "1000",
    }


def _preparar_en_subproceso(prod: dict, facilitadores: int, clave: str) -> dict:
    preparado = salida_json(
        "bench.carga_mixta",
        "--preparar",
        str(facilitadores),
        env={**prod, "BENCH_CARGA_CLAVE": clave},
    )
    manage("collectstatic", "--noinput", env=prod)
    return preparado


def _arrancar_gunicorn(prod: dict) -> subprocess.Popen:
    """Three sync workers on PUERTO, in their own process group."""
    return gunicorn(prod, puerto=PUERTO, workers=3, opciones=("--timeout", "60"))


def _calentar(publicas: dict) -> None:
    """Wait until gunicorn listens, then visit each page a few times."""
    for _ in range(150):
        if not _libre(PUERTO):
            break
        time.sleep(0.2)
    calentar = Navegador(Medidas())
    for _ in range(3):  # every gunicorn worker builds its URLconf and templates once
        for ruta in [*publicas.values(), "/cuentas/login/"]:
            calentar.pedir("warm", "GET", ruta)


def _cargar(preparado: dict, clave: str, medidas: Medidas, visitantes: int, duracion: float):
    """Visitors and facilitators in threads for duracion seconds; the seconds it took."""
    inicio = time.monotonic()
    fin = inicio + duracion
    hilos = [
        threading.Thread(target=visitante, args=(preparado["publicas"], medidas, fin, n))
        for n in range(visitantes)
    ] + [
        threading.Thread(
            target=facilitador,
            args=(datos, clave, preparado["tipo_intervencion"], medidas, fin, n),
        )
        for n, datos in enumerate(preparado["facilitadores"])
    ]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=duracion + TIEMPO_MAXIMO + 30)
    return time.monotonic() - inicio


def medir(env: dict, *, visitantes: int = 50, facilitadores: int = 5, duracion: float = 60) -> dict:
    if not _libre(PUERTO):
        return {"error": f"el puerto {PUERTO} está ocupado"}
    clave = secrets.token_urlsafe(16)
    prod = _entorno_produccion(env)
    preparado = _preparar_en_subproceso(prod, facilitadores, clave)
    servidor = _arrancar_gunicorn(prod)
    medidas = Medidas()
    try:
        _calentar(preparado["publicas"])
        transcurrido = _cargar(preparado, clave, medidas, visitantes, duracion)
    finally:
        os.killpg(servidor.pid, signal.SIGTERM)
        servidor.wait(timeout=30)
    resumen = medidas.resumen()
    return {
        "config": {
            "visitors": visitantes,
            "facilitators": len(preparado["facilitadores"]),
            "seconds": round(transcurrido, 1),
            "server": "gunicorn, 3 sync workers, DJANGO_DEBUG=0, 127.0.0.1",
            "think_time_s": {"visitor": [0.5, 1.5], "facilitator": [1, 3]},
            "public_pages": preparado["publicas"],
        },
        **resumen,
        "rps": round(resumen["total"]["requests"] / transcurrido, 1),
    }


def medir_en_copia(env: dict, medicion=None, **opciones) -> dict:
    """medir() (or medicion) on a throwaway copy of env's database: the facilitators' writes
    never change a dataset that make bench reuses. Failures are reported in the result, never
    raised."""
    import shutil
    import tempfile

    medir_ = medicion or medir
    url = env.get("DATABASE_URL", "")
    try:
        if url.startswith(("postgres://", "postgresql://")):
            import psycopg2

            servidor, nombre = url.rsplit("/", 1)
            copia = f"{nombre}_carga"
            conexion = psycopg2.connect(f"{servidor}/postgres")
            conexion.autocommit = True
            try:
                with conexion.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{copia}" WITH (FORCE)')
                    cursor.execute(f'CREATE DATABASE "{copia}" TEMPLATE "{nombre}"')
                return medir_({**env, "DATABASE_URL": f"{servidor}/{copia}"}, **opciones)
            finally:
                with conexion.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{copia}" WITH (FORCE)')
                conexion.close()
        with tempfile.TemporaryDirectory() as directorio:
            original = url.removeprefix("sqlite:///")
            copia = Path(directorio) / "carga.sqlite3"
            shutil.copy(original, copia)
            return medir_({**env, "DATABASE_URL": f"sqlite:///{copia}"}, **opciones)
    except Exception as exc:  # noqa: BLE001 - make bench reports it and goes on
        traceback.print_exc(file=sys.stderr)  # where it broke, for who reads the bench's output
        return {"error": f"{type(exc).__name__}: {exc}"}


def imprimir(resultado: dict) -> None:
    if "error" in resultado:
        print(f"carga mixta: {resultado['error']}")
        return
    c = resultado["config"]
    print(
        f"\nCarga mixta: {c['visitors']} visitantes + {c['facilitators']} facilitadores, "
        f"{c['seconds']} s, {resultado['rps']} peticiones/s"
    )
    print(f"{'página':<22}{'peticiones':>11}{'errores':>9}{'p50 ms':>9}{'p95 ms':>9}{'máx ms':>9}")
    for clave, d in resultado["pages"].items():
        print(
            f"{clave:<22}{d['requests']:>11}{d['errors']:>9}{d['p50_ms']:>9}"
            f"{d['p95_ms']:>9}{d['max_ms']:>9}"
        )
    t = resultado["total"]
    print(f"{'total':<22}{t['requests']:>11}{t['errors']:>9}{'':>9}{t['p95_ms']:>9}")
    for muestra in resultado["error_samples"]:
        print(f"  error: {muestra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitantes", type=int, default=50)
    parser.add_argument("--facilitadores", type=int, default=5)
    parser.add_argument("--duracion", type=float, default=60)
    parser.add_argument("--salida", help="also write the JSON to this file")
    parser.add_argument("--preparar", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.preparar is not None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        print(json.dumps(preparar(args.preparar, os.environ["BENCH_CARGA_CLAVE"])))
        return
    resultado = medir(
        dict(os.environ),
        visitantes=args.visitantes,
        facilitadores=args.facilitadores,
        duracion=args.duracion,
    )
    imprimir(resultado)
    if args.salida:
        Path(args.salida).write_text(json.dumps(resultado, indent=2, ensure_ascii=False) + "\n")
    sys.exit(1 if "error" in resultado or resultado["total"]["errors"] else 0)


if __name__ == "__main__":
    main()
