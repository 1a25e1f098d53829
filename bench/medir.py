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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeticiones", type=int, default=15)
    parser.add_argument("--paginas", default="", help="only these keys, comma-separated")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from bench.paginas import PAGINAS

    resultados = {}
    # The public page cache is off: these figures are about the pages' own work.
    with override_settings(
        DEBUG=False, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False, CACHE_PAGINAS_PUBLICAS=False
    ):
        for clave, funcion in PAGINAS.items():
            if args.paginas and clave not in args.paginas.split(","):
                continue
            destino = funcion()
            if destino is None:
                resultados[clave] = {"missing": True}
                continue
            url, usuario = destino
            cliente = Client()
            if usuario is not None:
                cliente.force_login(usuario, backend="django.contrib.auth.backends.ModelBackend")
            respuesta = cliente.get(url)  # warm-up: caches, template loading
            if respuesta.status_code != 200:
                resultados[clave] = {"error": f"HTTP {respuesta.status_code} en {url}"}
                continue
            with CaptureQueriesContext(connection) as consultas:
                cliente.get(url)
            numero_consultas = len(consultas.captured_queries)  # read before reset_queries()
            tiempos = []
            for _ in range(args.repeticiones):
                inicio = time.perf_counter()
                cliente.get(url)
                tiempos.append((time.perf_counter() - inicio) * 1000)
            resultados[clave] = {
                "url": url,
                "queries": numero_consultas,
                "ms": round(statistics.median(tiempos), 2),
            }
    json.dump(resultados, sys.stdout)


if __name__ == "__main__":
    main()
