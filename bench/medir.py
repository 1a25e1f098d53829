"""One measuring step, run in a subprocess against one bench database.

python -m bench.medir --repeticiones 15  →  prints JSON {page: {"queries": N, "ms": median}}
"""

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def medir_pagina(clave: str, funcion, repeticiones: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    destino = funcion()
    if destino is None:
        return {"missing": True}
    url, usuario = destino
    cliente = Client()
    if usuario is not None:
        cliente.force_login(usuario, backend="django.contrib.auth.backends.ModelBackend")
    respuesta = cliente.get(url)  # warm-up: caches, template loading
    if respuesta.status_code != 200:
        return {"error": f"HTTP {respuesta.status_code} en {url}"}
    with CaptureQueriesContext(connection) as consultas:
        cliente.get(url)
    numero_consultas = len(consultas.captured_queries)  # read before reset_queries()
    tiempos = []
    for _ in range(repeticiones):
        inicio = time.perf_counter()
        cliente.get(url)
        tiempos.append((time.perf_counter() - inicio) * 1000)
    return {"url": url, "queries": numero_consultas, "ms": round(statistics.median(tiempos), 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeticiones", type=int, default=15)
    parser.add_argument("--paginas", default="", help="only these keys, comma-separated")
    parser.add_argument(
        "--a-pedido",
        action="store_true",
        help="read page keys from stdin, answer one JSON line each (bench/__main__.py alternates "
        "two sizes this way, so both see the same load of a shared machine)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import override_settings

    from bench.paginas import PAGINAS

    # The public page cache is off: these figures are about the pages' own work.
    with override_settings(
        DEBUG=False, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False, CACHE_PAGINAS_PUBLICAS=False
    ):
        if args.a_pedido:
            print(json.dumps(sorted(PAGINAS)), flush=True)
            for linea in sys.stdin:
                clave = linea.strip()
                resultado = medir_pagina(clave, PAGINAS[clave], args.repeticiones)
                print(json.dumps(resultado), flush=True)
            return
        resultados = {
            clave: medir_pagina(clave, funcion, args.repeticiones)
            for clave, funcion in PAGINAS.items()
            if not args.paginas or clave in args.paginas.split(",")
        }
    json.dump(resultados, sys.stdout)


if __name__ == "__main__":
    main()
