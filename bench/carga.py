"""Throughput under gunicorn (production settings, 2 workers) with wrk on loopback.

The floor is /ping/, a fixed response through the same middleware; every public page is
measured in the same run and reported as its ratio to the floor.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

from bench.paginas import PUBLICAS_THROUGHPUT
from bench.procesos import esperar, gunicorn, manage

RAIZ = Path(__file__).resolve().parent.parent
PUERTO = int(os.environ.get("BENCH_PORT", "8199"))
DURACION = os.environ.get("BENCH_DURACION", "4s")
# The machine is shared: load drifts during a run. Every round measures the floor and each page
# back to back, and a page's figure is the median over rounds of its ratio to that round's floor.
RONDAS = int(os.environ.get("BENCH_RONDAS", "5"))
# Only these pages (comma-separated keys of bench/paginas.py), e.g. to measure one's own pages
# without loading the shared machine with every other: BENCH_PAGINAS=public_session,commitment.
PAGINAS_ELEGIDAS = [c for c in os.environ.get("BENCH_PAGINAS", "").split(",") if c]


def _libre(puerto: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", puerto)) != 0


def _wrk(url: str) -> float:
    salida = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{DURACION}", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errores = re.search(r"Non-2xx or 3xx responses: (\d+)", salida)
    if errores:
        raise RuntimeError(f"{url}: {errores.group(1)} respuestas con error\n{salida}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", salida).group(1))


def _urls_publicas(env: dict) -> dict[str, str]:
    codigo = (
        "import json, django; django.setup();"
        "from bench.paginas import PAGINAS;"
        f"claves = {PAGINAS_ELEGIDAS or PUBLICAS_THROUGHPUT!r};"
        "r = {k: PAGINAS[k]() for k in claves if k in PAGINAS};"
        "print(json.dumps({k: v[0] for k, v in r.items() if v and v[1] is None}))"
    )
    import json

    salida = subprocess.run(
        [sys.executable, "-c", codigo],
        cwd=RAIZ,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(salida.stdout)


def medir_throughput(env: dict) -> dict:
    if not shutil.which("wrk"):
        return {"error": "wrk no está instalado (apt-get install wrk)"}
    if not _libre(PUERTO):
        return {"error": f"el puerto {PUERTO} está ocupado"}
    prod = {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_URL": "http://127.0.0.1:8000",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # wrk speaks plain HTTP on loopback
        # Public pages cached as in production, also when no REDIS_URL is given to share them.
        "DJANGO_CACHE_PAGINAS_PUBLICAS": "1",
    }
    manage("collectstatic", "--noinput", env=prod)
    urls = {"floor": "/ping/", **_urls_publicas(env)}
    servidor = gunicorn(prod, puerto=PUERTO, workers=2)
    try:
        base = f"http://127.0.0.1:{PUERTO}"
        esperar(base)
        for ruta in urls.values():
            urllib.request.urlopen(base + ruta, timeout=10).read()  # warm-up
        rondas = [{clave: _wrk(base + ruta) for clave, ruta in urls.items()} for _ in range(RONDAS)]
        resultados = {"floor": {"rps": round(statistics.median(r["floor"] for r in rondas), 1)}}
        for clave in urls:
            if clave != "floor":
                resultados[clave] = {
                    "rps": round(statistics.median(r[clave] for r in rondas), 1),
                    "ratio": round(statistics.median(r[clave] / r["floor"] for r in rondas), 2),
                }
        return resultados
    finally:
        os.killpg(servidor.pid, signal.SIGTERM)
        servidor.wait(timeout=20)


if __name__ == "__main__":
    # Throughput alone, on the database of DATABASE_URL (a built bench dataset):
    # BENCH_PAGINAS=... python -m bench.carga
    import json

    entorno = {**os.environ, "DJANGO_LOG_LEVEL": "ERROR"}
    print(json.dumps(medir_throughput(entorno), indent=2))
