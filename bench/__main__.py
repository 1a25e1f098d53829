"""`make bench`: datasets at 1×, 10× and 100×, then queries, scale, throughput and PDF figures.

Writes bench/results.json in the shape of docs/performance.md and prints a table. With
DATABASE_URL pointing to PostgreSQL each size gets its own database (pactos_bench_1x, ...) on the
same server; otherwise an SQLite file under var/. A built dataset is reused until bench/datos.py
or a migration changes (--reconstruir forces a rebuild).
"""

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.base_de_datos import recrear

RAIZ = Path(__file__).resolve().parent.parent
PY = sys.executable


def url_base_de_datos(factor: int) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        servidor = base.rsplit("/", 1)[0]
        return f"{servidor}/pactos_bench_{factor}x"
    return f"sqlite:///{RAIZ / 'var' / f'bench_{factor}x.sqlite3'}"


def huella_datos() -> dict:
    """What a built dataset depends on: the dataset code, and each migration file."""

    def resumen(ruta: Path) -> str:
        return hashlib.sha256(ruta.read_bytes()).hexdigest()[:16]

    return {
        "datos": "".join(resumen(r) for r in sorted(RAIZ.glob("bench/datos*.py"))),
        "migraciones": {
            str(r.relative_to(RAIZ)): resumen(r) for r in sorted(RAIZ.glob("*/migrations/0*.py"))
        },
    }


def solo_migraciones_nuevas(anterior: dict, actual: dict) -> bool:
    """True when the dataset stays valid after `migrate`: same dataset code, and every
    migration it was built with unchanged (new migrations only add to it)."""
    previas = anterior.get("migraciones", {})
    return anterior.get("datos") == actual["datos"] and all(
        actual["migraciones"].get(ruta) == h for ruta, h in previas.items()
    )


def entorno(factor: int) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url_base_de_datos(factor)}
    env.pop("REDIS_URL", None)  # tasks in process while building and measuring pages
    env["DJANGO_LOG_LEVEL"] = "ERROR"
    return env


def analizar(factor: int) -> None:
    """Planner statistics after a bulk load, as a live database has them (autovacuum may not
    have run yet, and without them PostgreSQL picked plans hundreds of times slower)."""
    url = url_base_de_datos(factor)
    if url.startswith("sqlite"):
        return
    import psycopg2

    conexion = psycopg2.connect(url)
    conexion.autocommit = True
    with conexion.cursor() as cursor:
        cursor.execute("ANALYZE")
    conexion.close()


def preparar(factor: int, reconstruir: bool) -> None:
    marca = (
        RAIZ
        / "var"
        / f"bench_{factor}x.{'pg' if 'postgres' in url_base_de_datos(factor) else 'sqlite'}.ok"
    )
    huella = huella_datos()
    try:
        anterior = json.loads(marca.read_text()) if marca.exists() else {}
    except ValueError:
        anterior = {}
    env = entorno(factor)
    migrar = [PY, "manage.py", "migrate", "--noinput", "-v", "0"]
    if not reconstruir and anterior == huella:
        print(f"· datos {factor}× reutilizados")
        return
    if not reconstruir and anterior and solo_migraciones_nuevas(anterior, huella):
        print(f"· datos {factor}× reutilizados; aplicando migraciones nuevas", flush=True)
        subprocess.run(migrar, cwd=RAIZ, env=env, check=True)
        analizar(factor)
        marca.write_text(json.dumps(huella))
        return
    print(f"· construyendo datos {factor}× …", flush=True)
    recrear(url_base_de_datos(factor))
    subprocess.run(migrar, cwd=RAIZ, env=env, check=True)
    subprocess.run(
        [PY, "-m", "bench.datos", "--factor", str(factor)], cwd=RAIZ, env=env, check=True
    )
    analizar(factor)
    marca.write_text(json.dumps(huella))


def medir(factor: int, repeticiones: int) -> dict:
    salida = subprocess.run(
        [PY, "-m", "bench.medir", "--repeticiones", str(repeticiones)],
        cwd=RAIZ,
        env=entorno(factor),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(salida.stdout)


def medir_alternando(factores: list[int], repeticiones: int, rondas: int) -> dict[int, dict]:
    """Every page at each size in turn, for several rounds: a shared machine's load drifts over
    minutes, and measuring 1× then 100× minutes apart turned that drift into false growth. A
    page's time at a size is the median of its rounds' medians."""
    procesos = {
        f: subprocess.Popen(
            [PY, "-m", "bench.medir", "--a-pedido", "--repeticiones", str(repeticiones)],
            cwd=RAIZ,
            env=entorno(f),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for f in factores
    }
    try:
        paginas = [json.loads(p.stdout.readline()) for p in procesos.values()][0]
        medidas: dict[int, dict] = {f: {} for f in factores}
        tiempos: dict[int, dict] = {f: {} for f in factores}
        for ronda in range(rondas):
            for pagina in paginas:
                orden = factores if ronda % 2 == 0 else list(reversed(factores))
                for f in orden:
                    procesos[f].stdin.write(pagina + "\n")
                    procesos[f].stdin.flush()
                    dato = json.loads(procesos[f].stdout.readline())
                    medidas[f].setdefault(pagina, dato)
                    if "ms" in dato:
                        tiempos[f].setdefault(pagina, []).append(dato["ms"])
        for f in factores:
            for pagina, lista in tiempos[f].items():
                medidas[f][pagina]["ms"] = round(statistics.median(lista), 2)
        return medidas
    finally:
        for p in procesos.values():
            p.stdin.close()
            p.wait(timeout=60)


def _argumentos() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factores", default="1,10,100")
    parser.add_argument("--reconstruir", action="store_true")
    parser.add_argument("--repeticiones", type=int, default=15)
    parser.add_argument("--rondas", type=int, default=3, help="1×/100× alternating rounds")
    parser.add_argument("--sin-throughput", action="store_true")
    parser.add_argument("--sin-pdf", action="store_true")
    parser.add_argument("--sin-red-lenta", action="store_true", help="skip bench/red_lenta.py")
    parser.add_argument("--salida", default=str(RAIZ / "bench" / "results.json"))
    return parser.parse_args()


def _medir_paginas(factores: list[int], args: argparse.Namespace) -> dict:
    """The pages at each scale factor (1× and 100× alternating, when both are asked for)."""
    medidas = {}
    for factor in factores:
        preparar(factor, args.reconstruir)
    alternados = [f for f in factores if f in (1, 100)]
    if len(alternados) == 2:
        print("· midiendo páginas a 1× y 100×, alternando …", flush=True)
        medidas.update(medir_alternando(alternados, args.repeticiones, args.rondas))
    for factor in factores:
        if factor not in medidas:
            print(f"· midiendo páginas a {factor}× …", flush=True)
            medidas[factor] = medir(factor, args.repeticiones)
    return medidas


def _pdf() -> dict:
    return json.loads(
        subprocess.run(
            [PY, "-m", "bench.pdf"],
            cwd=RAIZ,
            env=entorno(1),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )


def main() -> None:
    args = _argumentos()
    factores = [int(f) for f in args.factores.split(",")]
    medidas = _medir_paginas(factores, args)

    from bench import informe

    resultados = informe.componer(medidas)
    if not args.sin_throughput and 1 in factores:
        from bench import carga

        servidor = entorno(1)
        if os.environ.get("REDIS_URL"):
            # Two gunicorn workers share the public page cache only through Redis.
            servidor["REDIS_URL"] = os.environ["REDIS_URL"]
        resultados["throughput"] = carga.medir_throughput(servidor)
    if not args.sin_pdf and 1 in factores:
        resultados["pdf"] = _pdf()
    if not args.sin_red_lenta and 1 in factores:
        # The facilitator's session page on a 400 kbps, 400 ms link, in Debian's chromium, on a
        # copy of the 1× dataset; a failure is reported under "slow_network", never fatal.
        from bench import red_lenta

        resultados["slow_network"] = red_lenta.medir_en_copia(entorno(1))
        red_lenta.imprimir(resultados["slow_network"])
    if 1 in factores and os.environ.get("BENCH_SIN_CARGA") != "1":
        # Mixed load (50 visitors + 5 facilitators, 60 s) on a copy of the 1× dataset; a failure
        # is reported under "load", never fatal.
        from bench import carga_mixta

        servidor = {**entorno(1), **{k: v for k, v in os.environ.items() if k == "REDIS_URL"}}
        resultados["load"] = carga_mixta.medir_en_copia(servidor)
        carga_mixta.imprimir(resultados["load"])
    Path(args.salida).write_text(json.dumps(resultados, indent=2, ensure_ascii=False) + "\n")
    informe.imprimir(resultados)
    print(f"\nResultados en {args.salida}")


if __name__ == "__main__":
    main()
