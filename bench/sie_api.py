"""SIE bench: the open-data API lists (and the dashboards) with 1 million measurements.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pactos python -m bench.sie_api [--filas N]

Builds its own database (<server>/pactos_bench_sie, reused while the migrations do not change),
fills it with N measurements (1,000,000 by default; 90 % published) in one INSERT … SELECT
generate_series, and prints JSON: per URL, the number of queries and the median time in ms.
On SQLite (no DATABASE_URL) it uses var/bench_sie.sqlite3 and 100,000 rows by default.
"""

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.base_de_datos import recrear
from bench.procesos import manage

RAIZ = Path(__file__).resolve().parent.parent
URLS = [
    "/api/v1/mediciones/",
    "/api/v1/mediciones/?indicador=TUR-01&canton=1702",
    "/api/v1/mediciones/?anio=2010&canton=1705",
    "/api/v1/mediciones/?page=4000",
    "/api/v1/mediciones/?format=csv&page_size=1000",
    "/api/v1/indicadores/",
    "/api/v1/indicadores/TUR-01/",
    "/sie/indicadores/",
    "/sie/indicadores/TUR-01/",
    "/sie/cantones/1702/",
    "/sie/mapa/?indicador=AGR-07",
]


def url_base() -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        return base.rsplit("/", 1)[0] + "/pactos_bench_sie"
    return f"sqlite:///{RAIZ / 'var' / 'bench_sie.sqlite3'}"


def huella(filas: int) -> str:
    h = hashlib.sha256(str(filas).encode())
    for ruta in sorted(RAIZ.glob("*/migrations/*.py")):
        h.update(ruta.read_bytes())
    return h.hexdigest()[:16]


def construir(filas: int) -> None:
    url = url_base()
    marca = RAIZ / "var" / "bench_sie.ok"
    if marca.exists() and marca.read_text() == huella(filas):
        print("· datos reutilizados", file=sys.stderr)
        return
    recrear(url)
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("REDIS_URL", None)
    manage("migrate", "--noinput", env=env)
    subprocess.run(
        [sys.executable, "-m", "bench.sie_api", "--llenar", str(filas)],
        cwd=RAIZ,
        env=env,
        check=True,
    )
    marca.parent.mkdir(exist_ok=True)
    marca.write_text(huella(filas))


# N rows in one statement: indicator, canton and day cycle with the row number.
_INSERTAR_MEDICIONES = """
INSERT INTO sie_medicion (indicador_id, territorio, canton_id, periodo, fecha_periodo,
    desagregacion, categoria, valor, fuente, fecha_dato, estado, alertas,
    justificacion, calculada, es_demo, fecha_publicacion, creado, actualizado)
SELECT (%(ind)s)[1 + i %% %(n_ind)s],
       (%(cod)s)[1 + (i / %(n_ind)s) %% %(n_can)s],
       (%(can)s)[1 + (i / %(n_ind)s) %% %(n_can)s],
       'B' || (i / (%(n_ind)s * %(n_can)s)),
       DATE '1990-01-01' + (i / (%(n_ind)s * %(n_can)s)),
       '', '', (i %% 9973) + 0.5, 'Bench', DATE '2025-01-01',
       CASE WHEN i %% 10 = 0 THEN 'borrador' ELSE 'publicado' END,
       '[]', '', false, true, now(), now(), now()
FROM generate_series(0, %(n)s - 1) AS i
"""


def _llenar_postgresql(cursor, indicadores: list, cantones: list, filas: int) -> None:
    cursor.execute(
        _INSERTAR_MEDICIONES,
        {
            "ind": indicadores,
            "cod": [c for _, c in cantones],
            "can": [p for p, _ in cantones],
            "n_ind": len(indicadores),
            "n_can": len(cantones),
            "n": filas,
        },
    )
    cursor.execute("ANALYZE sie_medicion")


def _llenar_orm(indicadores: list, cantones: list, filas: int) -> None:
    import datetime

    from sie.models import Medicion

    n_ind, n_can = len(indicadores), len(cantones)
    lote = []
    for i in range(filas):
        pk, codigo = cantones[(i // n_ind) % n_can]
        dia = i // (n_ind * n_can)
        lote.append(
            Medicion(
                indicador_id=indicadores[i % n_ind],
                territorio=codigo,
                canton_id=pk,
                periodo=f"B{dia}",
                fecha_periodo=datetime.date(1990, 1, 1) + datetime.timedelta(days=dia),
                valor=(i % 9973) + 0.5,
                fuente="Bench",
                fecha_dato=datetime.date(2025, 1, 1),
                estado="borrador" if i % 10 == 0 else "publicado",
                es_demo=True,
            )
        )
        if len(lote) == 20000:
            Medicion.objects.bulk_create(lote)
            lote = []
    Medicion.objects.bulk_create(lote)


def llenar(filas: int) -> None:
    """N measurements over the value indicators × 8 cantons × daily periods, in SQL."""
    import django

    django.setup()
    from django.db import connection

    from sie.models import Canton, Indicador

    indicadores = list(
        Indicador.objects.filter(calculo="valor").order_by("pk").values_list("pk", flat=True)
    )
    cantones = list(Canton.objects.order_by("codigo").values_list("pk", "codigo"))
    inicio = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            _llenar_postgresql(cursor, indicadores, cantones, filas)
    else:
        _llenar_orm(indicadores, cantones, filas)
    print(f"· {filas} mediciones en {time.perf_counter() - inicio:.1f} s", file=sys.stderr)


def medir(repeticiones: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from sie.models import Medicion

    resultados = {"mediciones": Medicion.objects.count()}
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
        cliente = Client()
        for url in URLS:
            cliente.get(url)  # warm-up
            tiempos = []
            for _ in range(repeticiones):
                with CaptureQueriesContext(connection) as consultas:
                    inicio = time.perf_counter()
                    respuesta = cliente.get(url)
                    tiempos.append((time.perf_counter() - inicio) * 1000)
            resultados[url] = {
                "status": respuesta.status_code,
                "queries": len(consultas),
                "ms_mediana": round(statistics.median(tiempos), 1),
            }
    return resultados


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    parser = argparse.ArgumentParser()
    parser.add_argument("--filas", type=int, default=None)
    parser.add_argument("--repeticiones", type=int, default=5)
    parser.add_argument("--llenar", type=int, default=None)
    parser.add_argument("--medir", action="store_true")
    args = parser.parse_args()
    if args.llenar:
        llenar(args.llenar)
        return
    if args.medir:
        print(json.dumps(medir(args.repeticiones), indent=2))
        return
    pg = os.environ.get("DATABASE_URL", "").startswith("postgres")
    filas = args.filas or (1_000_000 if pg else 100_000)
    construir(filas)
    env = {**os.environ, "DATABASE_URL": url_base(), "API_ANON_RATE": "100000/minute"}
    env.pop("REDIS_URL", None)
    salida = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.sie_api",
            "--medir",
            "--repeticiones",
            str(args.repeticiones),
        ],
        cwd=RAIZ,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    print(salida.stdout)


if __name__ == "__main__":
    main()
