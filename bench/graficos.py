"""Main-thread cost of the chart pages on a mid-range phone: Debian's chromium with the CPU
throttled 4× through the DevTools protocol, against gunicorn with production settings.

For each page, the median over a few cold loads of: first contentful paint, total blocking time
(the part over 50 ms of every long task after the first paint, as Lighthouse counts it until the
page is quiet), the script time Chromium reports (Performance.getMetrics' ScriptDuration), and
whether Chart.js was downloaded before the visitor scrolled.

DATABASE_URL=... python -m bench.graficos [--movil] [--veces 3]
"""

import argparse
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
from pathlib import Path

from bench.procesos import esperar, gunicorn, manage

RAIZ = Path(__file__).resolve().parent.parent
PUERTO = int(os.environ.get("BENCH_PORT_GRAFICOS", "8197"))

OBSERVAR = """
window.__largas = [];
new PerformanceObserver((lista) => {
  for (const e of lista.getEntries()) window.__largas.push([e.startTime, e.duration]);
}).observe({type: "longtask", buffered: true});
"""


def _paginas() -> dict[str, str]:
    codigo = (
        "import json, django; django.setup();"
        "from bench import paginas as p;"
        "r = {'indicator': p.indicator(), 'table': p.table(), 'sie_map': p.sie_map()};"
        "print(json.dumps({k: v[0] for k, v in r.items() if v}))"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo],
        cwd=RAIZ,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(salida.stdout)


def _medir_una(navegador, url: str, movil: bool) -> dict:
    tamano = {"width": 390, "height": 844} if movil else {"width": 1280, "height": 800}
    contexto = navegador.new_context(viewport=tamano, is_mobile=movil, has_touch=movil)
    pagina = contexto.new_page()
    cdp = contexto.new_cdp_session(pagina)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Performance.enable")
    pagina.add_init_script(OBSERVAR)
    pedidos = []
    pagina.on("request", lambda r: pedidos.append(r.url))
    pagina.goto(url, wait_until="load")
    pagina.wait_for_timeout(3000)  # until the page is quiet (a deferred chart included)
    fcp = pagina.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime || 0"
    )
    largas = pagina.evaluate("window.__largas")
    metricas = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    contexto.close()
    return {
        "fcp_ms": fcp,
        "tbt_ms": sum(max(0.0, d - 50) for s, d in largas if s >= fcp),
        "largas_ms": sum(d for _s, d in largas),
        "script_ms": metricas.get("ScriptDuration", 0) * 1000,
        "chartjs": any("chart.umd" in p for p in pedidos),
    }


def medir(base: str, veces: int, movil: bool) -> dict:
    from playwright.sync_api import sync_playwright

    resultados = {}
    with sync_playwright() as p:
        navegador = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            for clave, ruta in _paginas().items():
                medidas = [_medir_una(navegador, base + ruta, movil) for _ in range(veces)]
                resultados[clave] = {
                    "url": ruta,
                    **{
                        k: round(statistics.median(m[k] for m in medidas), 1)
                        for k in ("fcp_ms", "tbt_ms", "largas_ms", "script_ms")
                    },
                    "chartjs_sin_desplazar": any(m["chartjs"] for m in medidas),
                }
        finally:
            navegador.close()
    return resultados


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--veces", type=int, default=3)
    parser.add_argument("--movil", action="store_true", help="390×844 instead of 1280×800")
    args = parser.parse_args()
    prod = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_URL": f"http://127.0.0.1:{PUERTO}",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    prod.pop("REDIS_URL", None)
    manage("collectstatic", "--noinput", env=prod)
    servidor = gunicorn(prod, puerto=PUERTO, workers=1)
    base = f"http://127.0.0.1:{PUERTO}"
    try:
        esperar(base)
        print(json.dumps(medir(base, args.veces, args.movil), indent=2))
    finally:
        os.killpg(servidor.pid, signal.SIGTERM)
        servidor.wait(timeout=20)


if __name__ == "__main__":
    main()
