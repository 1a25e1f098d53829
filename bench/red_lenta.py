"""The facilitator's session page on a slow mobile link (issue 15: "Light on a bad connection").

    python -m bench.red_lenta [--salida FILE]   # against DATABASE_URL (the demo, or a bench dataset)

On a throwaway copy of DATABASE_URL's database, a facilitator gets a session in progress (people
present, agenda, interventions, agreements, recorded through the portal's own views). gunicorn
serves it with production settings (DJANGO_DEBUG=0, static files collected, hashed and
compressed by WhiteNoise) on 127.0.0.1, and Debian's chromium, as a 390×844 touch phone, opens
the session page under CDP network throttling of 400 ms latency and 50,000 bytes/s each way
(about 400 kbps), and measures:

- cold load (empty browser cache, already signed in): bytes on the wire (the sum of
  Network.loadingFinished encodedDataLength: bodies as sent plus headers) and the moments of
  DOMContentLoaded (the forms work: htmx and the page's scripts have run) and load;
- warm load: the same page opened again, with the browser's cache;
- a save: an agenda item typed and sent with the form's button (time from the tap until the
  item shows in the list), and an attendance sent as the page sends it (htmx POST): the bytes
  and the time of each answer;
- offline reload, only when the page installed a service worker;
- what the service worker downloads after the cold load (its copies for use without signal),
  which the page's own network events do not include.

Targets from the issue: cold ≤ 3 s and ≤ 60 KB, warm ≤ 1 s, a save's answer ≤ 5 KB.
Loopback only; bounded in time.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from bench.procesos import esperar, gunicorn, manage, salida_json

RAIZ = Path(__file__).resolve().parent.parent
PUERTO = int(os.environ.get("BENCH_RED_LENTA_PORT", "8197"))
# About 400 kbps with 400 ms of latency: a phone on 3G at the edge of coverage in a parish hall.
CONDICIONES = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
METAS = {"cold_s": 3.0, "cold_kb": 60.0, "warm_s": 1.0, "save_kb": 5.0}
ESPERA_MS = 60_000  # no step of a 400 kbps load may take longer than this


# --- Preparation (runs inside Django, in a subprocess) ------------------------------------------


def preparar(clave: str) -> dict:
    """A facilitator signed in with clave and a session in progress of the first table."""
    import django

    django.setup()
    from django.test import Client

    from bench.carga_mixta import _facilitador_con_sesion
    from mesas.models import Intervencion, Mesa

    mesa = Mesa.objects.order_by("pk").first()
    datos = _facilitador_con_sesion(99, mesa, clave)
    sesion = f"/mesas/sesion/{datos['sesion']}/"
    cliente = Client(HTTP_HOST="127.0.0.1", HTTP_HX_REQUEST="true")
    from django.contrib.auth import get_user_model

    cliente.force_login(
        get_user_model().objects.get(username=datos["usuario"]),
        backend="django.contrib.auth.backends.ModelBackend",
    )

    def enviar(seccion: str, campos: dict) -> None:
        datos_post = {f"{seccion}-{k}": v for k, v in campos.items()}
        datos_post[f"{seccion}-uid"] = str(uuid.uuid4())
        respuesta = cliente.post(f"{sesion}{seccion}/", datos_post)
        if respuesta.status_code != 200:
            raise SystemExit(f"{seccion}: {respuesta.status_code} al preparar la sesión")

    presentes = datos["actores"][:25]
    for actor in presentes:
        enviar("asistencia", {"actor": actor})
    for hora, titulo in (("09:00", "Bienvenida"), ("09:20", "Ruta turística"), ("10:30", "Ferias")):
        enviar("agenda", {"hora": hora, "titulo": titulo})
    tipo = Intervencion.Tipo.values[0]
    for n, actor in enumerate(presentes[:6]):
        enviar("intervencion", {"actor": actor, "tipo": tipo, "resumen": f"Propuesta {n + 1}."})
    for n in range(2):
        enviar("acuerdo", {"texto": f"Acuerdo {n + 1}: señalética en la ruta."})
    return {
        "usuario": datos["usuario"],
        "sesion": sesion,
        "candidatos": len(datos["actores"]),
        "presentes": len(presentes),
        "actor_libre": datos["actores"][len(presentes)],
    }


# --- The server --------------------------------------------------------------------------------


def _libre(puerto: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", puerto)) != 0


def _arrancar(prod: dict) -> subprocess.Popen:
    servidor = gunicorn(prod, puerto=PUERTO, workers=2)
    if esperar(f"http://127.0.0.1:{PUERTO}", intentos=150):
        return servidor
    os.killpg(servidor.pid, signal.SIGTERM)
    raise RuntimeError("gunicorn no respondió en 30 s")


# --- The browser -------------------------------------------------------------------------------


class Red:
    """What went over the wire, from the CDP Network domain's events."""

    def __init__(self, cdp):
        self.peticiones: dict[str, dict] = {}
        cdp.on("Network.requestWillBeSent", self._enviada)
        cdp.on("Network.responseReceived", self._respuesta)
        cdp.on("Network.requestServedFromCache", self._de_cache)
        cdp.on("Network.loadingFinished", self._terminada)

    def _enviada(self, e):
        self.peticiones[e["requestId"]] = {
            "url": e["request"]["url"],
            "metodo": e["request"]["method"],
            "tipo": e.get("type", ""),
            "bytes": 0,
            "cache": False,
            "fin": False,
            "inicio": e["timestamp"],
        }

    def _respuesta(self, e):
        p = self.peticiones.get(e["requestId"])
        if p is not None:
            r = e["response"]
            p["estado"] = r["status"]
            p["cache"] = p["cache"] or r.get("fromDiskCache") or r.get("fromServiceWorker", False)
            cabeceras = {k.lower(): v for k, v in r.get("headers", {}).items()}
            p["codificacion"] = cabeceras.get("content-encoding", "")
            p["cache_control"] = cabeceras.get("cache-control", "")
            p["cabeceras_s"] = e["timestamp"] - p["inicio"]

    def _de_cache(self, e):
        if e["requestId"] in self.peticiones:
            self.peticiones[e["requestId"]]["cache"] = True

    def _terminada(self, e):
        p = self.peticiones.get(e["requestId"])
        if p is not None:
            p["bytes"] = int(e["encodedDataLength"])
            p["fin"] = True
            p["segundos"] = e["timestamp"] - p["inicio"]

    def vaciar(self) -> None:
        self.peticiones.clear()

    def resumen(self) -> dict:
        recursos = [
            {
                "url": p["url"].split(f":{PUERTO}", 1)[-1],
                "type": p["tipo"],
                "bytes": p["bytes"],
                "from_cache": bool(p["cache"]),
                "encoding": p.get("codificacion", ""),
                "cache_control": p.get("cache_control", ""),
                "headers_s": round(p.get("cabeceras_s", 0), 2),
                "seconds": round(p.get("segundos", 0), 2),
            }
            for p in self.peticiones.values()
            if not p["url"].startswith("data:")
        ]
        recursos.sort(key=lambda r: -r["bytes"])
        return {
            "bytes": sum(r["bytes"] for r in recursos),
            "requests": len(recursos),
            "from_cache": sum(r["from_cache"] for r in recursos),
            "resources": recursos,
        }


def _tiempos(page) -> dict:
    page.wait_for_function(
        "() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0", timeout=ESPERA_MS
    )
    nav = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }"
    )
    return {
        "dom_content_loaded_s": round(nav["dcl"] / 1000, 2),
        "load_s": round(nav["load"] / 1000, 2),
    }


def _del_trabajador(page, pedidas: list) -> dict:
    """What the service worker downloaded after a cold load: the worker itself, Workbox, its
    precache (what the page did not load already) and its copies of the page and of the registry,
    kept for use without signal. The page's network events above do not include them; the
    context's do. Waits until the page says its copies are kept (html[data-sin-senal])."""
    try:
        page.wait_for_function("() => document.documentElement.dataset.sinSenal", timeout=ESPERA_MS)
        estado = page.evaluate("() => document.documentElement.dataset.sinSenal")
        page.wait_for_timeout(500)  # the last answer's end
    except Exception:  # noqa: BLE001 - reported as not ready
        estado = None
    recursos = []
    for peticion in list(pedidas):
        try:
            tamanos = peticion.sizes()
        except Exception:  # noqa: BLE001 - a request still under way
            continue
        respuesta = peticion.response() if peticion.failure is None else None
        recursos.append(
            {
                "url": peticion.url.split(f":{PUERTO}", 1)[-1],
                "bytes": tamanos["responseHeadersSize"] + tamanos["responseBodySize"],
                "from_cache": bool(respuesta and respuesta.from_service_worker),
            }
        )
    recursos = [r for r in recursos if r["bytes"] > 0]
    recursos.sort(key=lambda r: -r["bytes"])
    return {
        "ready": estado,
        "bytes": sum(r["bytes"] for r in recursos),
        "requests": len(recursos),
        "resources": recursos,
    }


def _cargar(page, red: Red, url: str) -> dict:
    red.vaciar()
    page.goto(url, wait_until="load", timeout=ESPERA_MS)
    tiempos = _tiempos(page)
    page.wait_for_load_state("networkidle", timeout=ESPERA_MS)  # what the page fetches after load
    return {**tiempos, **red.resumen()}


def _esperar_fin(red: Red, metodo: str, trozo: str) -> dict:
    limite = time.monotonic() + ESPERA_MS / 1000
    while time.monotonic() < limite:
        for p in red.peticiones.values():
            if p["metodo"] == metodo and trozo in p["url"] and p["fin"]:
                return p
        time.sleep(0.05)
    raise RuntimeError(f"{metodo} {trozo}: no terminó")


def _guardar_agenda(page, red: Red) -> dict:
    """An agenda item typed and sent with the form's button, as the facilitator does: the time
    from the form's submit event until the item shows in the page (measured in the page), and
    the bytes and time of the POST's answer."""
    seccion = page.locator("#seccion-agenda")
    titulo = f"Punto medido {uuid.uuid4().hex[:6]}"
    seccion.locator("[name='agenda-hora']").fill("11:45")
    seccion.locator("[name='agenda-titulo']").fill(titulo)
    page.evaluate(
        """(titulo) => {
            const medida = window.__medidaGuardado = {};
            document.addEventListener("submit", () => { medida.envio ??= performance.now(); }, true);
            new MutationObserver((_, observador) => {
                const seccion = document.getElementById("seccion-agenda");
                if (!medida.envio || !seccion) return;
                // shown at once as "pendiente" by the outbox, then as saved by the server
                const items = Array.from(seccion.querySelectorAll("li"));
                const con = (li) => li.textContent.includes(titulo);
                if (!medida.local && items.some((li) => con(li) && li.matches(".entrada-bandeja"))) {
                    medida.local = performance.now();
                }
                if (items.some((li) => con(li) && !li.matches(".entrada-bandeja"))) {
                    medida.visto = performance.now();
                    observador.disconnect();
                }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
        }""",
        titulo,
    )
    red.vaciar()
    # the form's own button (each listed item has its edit and delete buttons too)
    seccion.locator("form[data-borrador] button[type=submit]").click()
    page.wait_for_function("() => window.__medidaGuardado.visto", timeout=ESPERA_MS)
    medida = page.evaluate("() => window.__medidaGuardado")
    post = _esperar_fin(red, "POST", "/agenda/")
    return {
        "seconds": round((medida["visto"] - medida["envio"]) / 1000, 2),
        # shown in the list as "pendiente de enviar" (saved on the phone), before the answer
        "local_s": round((medida["local"] - medida["envio"]) / 1000, 2)
        if medida.get("local")
        else None,
        "request_s": round(post["segundos"], 2),
        "bytes": post["bytes"],
        "status": post.get("estado"),
    }


def _guardar_asistencia(page, red: Red, sesion: str, actor: int) -> dict:
    """An attendance POSTed as the page's htmx does (the form's widget is being replaced by a
    search; the answer is the same): the bytes and time of the answer."""
    red.vaciar()
    respuesta = page.evaluate(
        """async ([url, actor]) => {
            const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
            const cuerpo = new URLSearchParams({"csrfmiddlewaretoken": token,
                "asistencia-actor": actor, "asistencia-uid": crypto.randomUUID()});
            const inicio = performance.now();
            const r = await fetch(url, {method: "POST", body: cuerpo,
                headers: {"HX-Request": "true"}});
            const texto = await r.text();
            return {status: r.status, ms: performance.now() - inicio, caracteres: texto.length};
        }""",
        [f"{sesion}asistencia/", actor],
    )
    post = _esperar_fin(red, "POST", "/asistencia/")
    return {
        "seconds": round(respuesta["ms"] / 1000, 2),
        "request_s": round(post["segundos"], 2),
        "bytes": post["bytes"],
        "uncompressed_bytes": respuesta["caracteres"],
        "status": respuesta["status"],
    }


def _recarga_sin_conexion(page, contexto, cdp) -> dict | None:
    """Reload with no connection at all, when a service worker controls the page."""
    controlada = page.evaluate(
        "async () => 'serviceWorker' in navigator"
        " && (await navigator.serviceWorker.getRegistrations()).length > 0"
        " && (await navigator.serviceWorker.ready, navigator.serviceWorker.controller !== null)"
    )
    if not controlada:
        return None
    cdp.send("Network.emulateNetworkConditions", {**CONDICIONES, "offline": True})
    contexto.set_offline(True)
    try:
        inicio = time.perf_counter()
        page.reload(wait_until="load", timeout=ESPERA_MS)
        return {"seconds": round(time.perf_counter() - inicio, 2), **_tiempos(page)}
    finally:
        contexto.set_offline(False)
        cdp.send("Network.emulateNetworkConditions", CONDICIONES)


TELEFONO = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "es-EC",
}


def _sesion_iniciada(navegador, base: str, preparado: dict, clave: str) -> dict:
    """Sign in on a first phone and return only its cookies, for a second phone whose cache
    (disk and memory) is empty."""
    entrada = navegador.new_context(**TELEFONO)
    pagina = entrada.new_page()
    pagina.goto(f"{base}/cuentas/login/?next={preparado['sesion']}")
    formulario = pagina.locator("form:has(input[name=password])")
    formulario.locator("input[name=username]").fill(preparado["usuario"])
    formulario.locator("input[name=password]").fill(clave)
    formulario.locator("button[type=submit]").click()
    pagina.wait_for_url(base + preparado["sesion"])
    cookies = entrada.storage_state()
    entrada.close()
    return cookies


def _medir_en_telefono(contexto, preparado: dict, url: str) -> dict:
    """Cold, warm, two saves and an offline reload, on the slow link, in one phone."""
    page = contexto.new_page()
    cdp = contexto.new_cdp_session(page)
    red = Red(cdp)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.emulateNetworkConditions", CONDICIONES)
    del_trabajador: list = []
    contexto.on(
        "requestfinished",
        lambda p: del_trabajador.append(p) if p.service_worker is not None else None,
    )
    frio = _cargar(page, red, url)
    frio_trabajador = _del_trabajador(page, del_trabajador)
    del_trabajador.clear()
    return {
        "cold": frio,
        "cold_service_worker": frio_trabajador,
        "warm": _cargar(page, red, url),
        "save_agenda": _guardar_agenda(page, red),
        "save_attendance": _guardar_asistencia(
            page, red, preparado["sesion"], preparado["actor_libre"]
        ),
        "offline_reload": _recarga_sin_conexion(page, contexto, cdp),
    }


def medir_en_navegador(base: str, preparado: dict, clave: str) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return {"error": "falta chromium (apt-get install chromium)"}
    with sync_playwright() as p:
        navegador = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        )
        try:
            cookies = _sesion_iniciada(navegador, base, preparado, clave)
            contexto = navegador.new_context(**TELEFONO, storage_state=cookies)
            try:
                return _medir_en_telefono(contexto, preparado, base + preparado["sesion"])
            finally:
                contexto.close()
        finally:
            navegador.close()


def medir(env: dict) -> dict:
    """Prepare the data, serve it with production settings and measure it in the browser."""
    from bench.carga_mixta import _entorno_produccion

    if not _libre(PUERTO):
        return {"error": f"el puerto {PUERTO} está ocupado"}
    import secrets

    clave = secrets.token_urlsafe(16)
    prod = _entorno_produccion(env)
    preparado = salida_json(
        "bench.red_lenta", "--preparar", env={**prod, "BENCH_RED_LENTA_CLAVE": clave}
    )
    manage("collectstatic", "--noinput", env=prod)
    servidor = _arrancar(prod)
    try:
        base = f"http://127.0.0.1:{PUERTO}"
        urllib.request.urlopen(base + "/cuentas/login/", timeout=10).read()  # warm the workers
        medidas = medir_en_navegador(base, preparado, clave)
    finally:
        os.killpg(servidor.pid, signal.SIGTERM)
        servidor.wait(timeout=30)
    if "error" in medidas:
        return medidas
    return {
        "config": {
            "throttling": CONDICIONES,
            "viewport": "390x844, touch",
            "server": "gunicorn, 2 workers, DJANGO_DEBUG=0, 127.0.0.1",
            "session": {
                "candidates": preparado["candidatos"],
                "present": preparado["presentes"],
            },
        },
        **medidas,
        "targets": METAS,
        "met": cumplidas(medidas),
    }


def cumplidas(m: dict) -> dict:
    guardados = [m["save_agenda"]["bytes"], m["save_attendance"]["bytes"]]
    return {
        "cold_s": m["cold"]["load_s"] <= METAS["cold_s"],
        "cold_kb": m["cold"]["bytes"] / 1000 <= METAS["cold_kb"],
        "warm_s": m["warm"]["load_s"] <= METAS["warm_s"],
        "save_kb": max(guardados) / 1000 <= METAS["save_kb"],
    }


def medir_en_copia(env: dict) -> dict:
    from bench.carga_mixta import medir_en_copia as en_copia

    return en_copia(env, medicion=medir)


def imprimir(r: dict) -> None:
    if "error" in r:
        print(f"red lenta: {r['error']}")
        return
    c = r["config"]["throttling"]
    sesion = r["config"]["session"]
    print(
        f"\nPágina de la sesión en red lenta ({c['latency']} ms, {c['downloadThroughput'] * 8 // 1000}"
        f" kbps; 390×844; {sesion['candidates']} candidatos, {sesion['present']} presentes)"
    )

    def marca(clave: str) -> str:
        return "cumple" if r["met"][clave] else "NO cumple"

    frio, tibio = r["cold"], r["warm"]
    print(f"{'':<24}{'KB':>8}{'DCL s':>8}{'load s':>8}{'pet.':>6}  meta")
    print(
        f"{'carga en frío':<24}{frio['bytes'] / 1000:>8.1f}{frio['dom_content_loaded_s']:>8}"
        f"{frio['load_s']:>8}{frio['requests']:>6}  ≤ {METAS['cold_s']} s: {marca('cold_s')};"
        f" ≤ {METAS['cold_kb']:.0f} KB: {marca('cold_kb')}"
    )
    print(
        f"{'carga con caché':<24}{tibio['bytes'] / 1000:>8.1f}{tibio['dom_content_loaded_s']:>8}"
        f"{tibio['load_s']:>8}{tibio['requests']:>6}  ≤ {METAS['warm_s']} s: {marca('warm_s')}"
    )
    for clave, nombre in (
        ("save_agenda", "guardar punto agenda"),
        ("save_attendance", "guardar asistencia"),
    ):
        g = r[clave]
        print(
            f"{nombre:<24}{g['bytes'] / 1000:>8.1f}{'':>8}{g['seconds']:>8}{'':>6}"
            f"  ≤ {METAS['save_kb']:.0f} KB: {'cumple' if g['bytes'] <= METAS['save_kb'] * 1000 else 'NO cumple'}"
        )
    trabajador = r.get("cold_service_worker")
    if trabajador:
        print(
            f"{'+ el service worker':<24}{trabajador['bytes'] / 1000:>8.1f}{'':>16}"
            f"{trabajador['requests']:>6}  (tras la carga: copias para usar sin señal)"
        )
    if r["offline_reload"] is None:
        print("recarga sin conexión: sin service worker, no se mide")
    else:
        print(f"recarga sin conexión: {r['offline_reload']['load_s']} s")
    print("en frío, lo más pesado:")
    for recurso in frio["resources"][:6]:
        print(
            f"  {recurso['bytes'] / 1000:>7.1f} KB  {recurso['encoding'] or '-':<5} {recurso['url']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--salida", help="also write the JSON to this file")
    parser.add_argument("--preparar", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.preparar:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        print(json.dumps(preparar(os.environ["BENCH_RED_LENTA_CLAVE"])))
        return
    resultado = medir_en_copia(dict(os.environ))
    imprimir(resultado)
    if args.salida:
        Path(args.salida).write_text(json.dumps(resultado, indent=2, ensure_ascii=False) + "\n")
    sys.exit(1 if "error" in resultado else 0)


if __name__ == "__main__":
    main()
