"""A release of the portal while a facilitator's phone keeps session pages for use without signal.

Production names each asset by its content's hash ("paquetes/sin-senal.<hash>.js"); the service
worker of a new release precaches that release's files only. A session page kept before it names
the earlier files: opened in a parish hall with no signal, it had no script and no style (no
outbox, no search), seen on make stack after a release. The worker now answers an earlier
release's asset with today's, and fetches such pages again as soon as it takes over.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mesas import services
from mesas.models import Mesa
from tests.browser.mesas_pasos import TELEFONO, entrar, facilitador_de, persona, sesion_en_curso

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANTERIOR = "0123456789ab"  # the hash of an earlier release's files

# The phone's kept copy of a page, as an earlier release left it: its own scripts and styles
# under names today's worker does not hold. Returns how many it names.
JS_ENVEJECER = """async ([ruta, hash]) => {
  const cache = await caches.open("pactos-sesiones");
  const clave = (await cache.keys()).find((k) => new URL(k.url).pathname === ruta);
  const copia = await cache.match(clave, { ignoreVary: true });
  const texto = await copia.text();
  const anterior = texto.replace(/paquetes\\/sin-senal\\.(js|css)/g, `paquetes/sin-senal.${hash}.$1`);
  await cache.put(clave, new Response(anterior, { headers: copia.headers }));
  return (anterior.match(new RegExp(hash, "g")) || []).length;
}"""

JS_COPIA = """async (ruta) => {
  const cache = await caches.open("pactos-sesiones");
  const clave = (await cache.keys()).find((k) => new URL(k.url).pathname === ruta);
  return clave ? (await cache.match(clave, { ignoreVary: true })).text() : "";
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TELEFONO, "is_mobile": True, "has_touch": True}


def test_una_pagina_guardada_antes_de_una_nueva_version_sigue_funcionando_sin_senal(
    page, context, live_server, django_user_model, celery_del_portal
):
    mesa = Mesa.objects.get(slug="turismo-cayambe")
    facilitador = facilitador_de(mesa, django_user_model)
    rosa = persona("Rosa Elena", "Farinango")
    services.mesa_agregar_miembros(mesa=mesa, actores=[rosa])
    hoy = sesion_en_curso(mesa, facilitador, lugar="Casa comunal de Ayora")
    # a session of another of their tables, which today's page does not link to
    otra_mesa = Mesa.objects.get(slug="turismo-pedro-moncayo")
    otra_mesa.facilitadores.add(facilitador)
    otra = services.sesion_crear(
        mesa=otra_mesa,
        inicio=timezone.now() + datetime.timedelta(days=3),
        lugar="Casa comunal de Olmedo",
        usuario=facilitador,
    )
    rutas = {s: f"/mesas/sesion/{s.pk}/" for s in (hoy, otra)}
    entrar(page, live_server.url, rutas[otra])  # both kept on the phone, as "Mis mesas" does
    page.goto(live_server.url + rutas[hoy])
    expect(page.locator("html")).to_have_attribute("data-sin-senal", "lista", timeout=20_000)
    for sesion in (hoy, otra):
        assert page.evaluate(JS_ENVEJECER, [rutas[sesion], ANTERIOR]) == 2

    # In the parish hall, no signal: the copy from before the release opens and works
    context.set_offline(True)
    page.reload()
    scripts = page.evaluate("Array.from(document.scripts, (s) => s.src).filter(Boolean)")
    assert any(ANTERIOR in s for s in scripts), scripts  # the kept copy, naming the old files
    expect(page.locator("#pendientes [data-sin-conexion]")).to_be_visible()
    relleno = page.evaluate("getComputedStyle(document.querySelector('main .btn')).paddingTop")
    assert relleno != "0px", "the page has its styles"
    seccion = page.locator("#seccion-asistencia")
    seccion.get_by_role("combobox", name="Asistente").press_sequentially("rosa")
    seccion.get_by_role("option", name=re.compile("Rosa Elena Farinango")).tap()
    seccion.get_by_role("button", name="Registrar asistencia").tap()
    expect(page.locator("#pendientes")).to_have_attribute("data-pendientes", "1")
    context.set_offline(False)
    expect(page.locator("#pendientes")).to_have_attribute("data-pendientes", "0", timeout=15_000)
    assert list(hoy.asistencias.values_list("actor", flat=True)) == [rosa.pk]

    # The new release's worker takes over (here: the phone's worker gone, the page opened with
    # signal): the other kept session is fetched again, naming today's files
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).unregister()")
    page.reload()
    for _ in range(80):
        copia = page.evaluate(JS_COPIA, rutas[otra])
        if ANTERIOR not in copia:
            break
        page.wait_for_timeout(250)
    assert "Casa comunal de Olmedo" in copia and ANTERIOR not in copia
