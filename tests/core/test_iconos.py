"""The icon font holds every icon the portal shows, and little else (scripts/iconos.py).

An icon class missing from the subset shows as an empty square: these tests fail first. After
adding an icon, `make` (or `python scripts/iconos.py`) rebuilds the subset.
"""

import importlib.util
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from core.estaticos import PAQUETES
from core.roles import Rol
from tests.factories import ActorFactory, AsistenciaFactory, SesionFactory
from tests.factories.mesas import mesa_de, paginas_sin_senal_en_cada_estado

RAIZ = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("iconos", RAIZ / "scripts" / "iconos.py")
iconos = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(iconos)

REHACER = "Rehágalo con `make` o `python scripts/iconos.py`."


@pytest.fixture(scope="module")
def subconjunto() -> dict[str, int]:
    """The classes of the built CSS and their code points, checked against the built font."""
    if not iconos.HOJA.exists() or not iconos.FUENTE.exists():
        pytest.fail(f"Falta el subconjunto de iconos en {iconos.DESTINO}. {REHACER}")
    hoja = iconos.HOJA.read_text(encoding="utf-8")
    clases = {
        nombre: int(codigo, 16)
        for nombre, codigo in re.findall(
            r'\.bi-([a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}', hoja
        )
    }
    mapa_fuente = TTFont(iconos.FUENTE).getBestCmap()
    sin_glifo = sorted(n for n, c in clases.items() if c not in mapa_fuente)
    assert not sin_glifo, f"Clases sin glifo en la fuente: {sin_glifo}. {REHACER}"
    return clases


def _html_de_iconos(html: str) -> set[str]:
    nombres = set()
    for clase in re.findall(r'class="([^"]*)"', html):
        nombres.update(p[3:] for p in clase.split() if p.startswith("bi-"))
    return nombres


def test_cada_icono_nombrado_es_de_bootstrap_y_esta_en_el_subconjunto(subconjunto):
    usados = iconos.iconos_usados()
    mapa = iconos.mapa_bootstrap()
    assert len(usados) > 50  # the scan does find the portal's icons

    inexistentes = {n: f for n, f in usados.items() if n not in mapa}
    assert not inexistentes, f"Bootstrap Icons no tiene estos iconos: {inexistentes}"
    faltan = {n: f for n, f in usados.items() if n not in subconjunto}
    assert not faltan, f"Iconos usados que no están en el subconjunto: {faltan}. {REHACER}"
    assert all(subconjunto[n] == mapa[n] for n in usados)


def test_el_subconjunto_es_pequeno(subconjunto):
    completa = (iconos.ORIGEN / "fonts" / "bootstrap-icons.woff2").stat().st_size
    assert iconos.FUENTE.stat().st_size < completa / 5
    assert iconos.HOJA.stat().st_size < 10_000
    assert len(subconjunto) < 200


@pytest.mark.django_db
def test_las_paginas_solo_usan_iconos_del_subconjunto(subconjunto, client, crear_usuario):
    """What the pages really render, icons chosen in Python or data included."""
    mesa = mesa_de("turismo-cayambe")
    facilitador = crear_usuario("fac_iconos", Rol.FACILITACION)
    mesa.facilitadores.add(facilitador)
    sesion = SesionFactory(mesa=mesa, dias=0)
    AsistenciaFactory(sesion=sesion, actor=ActorFactory(persona=True))

    vistos = set()
    for url in ("/", "/mesas/", f"/mesas/{mesa.slug}/", "/cuentas/login/"):
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url
        vistos |= _html_de_iconos(respuesta.content.decode())
    client.force_login(facilitador, backend="django.contrib.auth.backends.ModelBackend")
    for url in ("/panel/", f"/mesas/sesion/{sesion.pk}/"):
        respuesta = client.get(url, follow=True)
        assert respuesta.status_code == 200, url
        vistos |= _html_de_iconos(respuesta.content.decode())

    assert len(vistos) > 10
    assert vistos <= set(subconjunto), f"Sin glifo: {sorted(vistos - set(subconjunto))}"


def _clases_y_glifos(hoja: Path, fuente: Path) -> dict[str, int]:
    if not hoja.exists() or not fuente.exists():
        pytest.fail(f"Falta {hoja.name} o {fuente.name}. {REHACER}")
    clases = {
        nombre: int(codigo, 16)
        for nombre, codigo in re.findall(
            r'\.bi-([a-z0-9-]+)::before\{content:"\\([0-9a-f]+)"\}', hoja.read_text("utf-8")
        )
    }
    mapa_fuente = TTFont(fuente).getBestCmap()
    sin_glifo = sorted(n for n, c in clases.items() if c not in mapa_fuente)
    assert not sin_glifo, f"Clases sin glifo en {fuente.name}: {sin_glifo}. {REHACER}"
    assert f'url("fonts/{fuente.name}")' in hoja.read_text("utf-8")
    return clases


@pytest.mark.django_db
def test_las_paginas_sin_senal_solo_usan_iconos_de_su_fuente(client, crear_usuario, subconjunto):
    """The session page and "Mis mesas" load a font of their own icons only: every icon they
    render (in each state a facilitator meets: open, with people, closed, cancelled) or their
    scripts add has its glyph there."""
    clases = _clases_y_glifos(
        iconos.hoja_de_pagina("sin-senal"), iconos.fuente_de_pagina("sin-senal")
    )
    assert set(clases) <= set(subconjunto)
    assert iconos.fuente_de_pagina("sin-senal").stat().st_size < iconos.FUENTE.stat().st_size * 0.7
    # renumbered in its own font: each class still draws Bootstrap's glyph of that name
    propia = TTFont(iconos.fuente_de_pagina("sin-senal"))
    origen = TTFont(iconos.ORIGEN / "fonts" / "bootstrap-icons.woff")
    mapa, glifos, glifos_origen = (
        iconos.mapa_bootstrap(),
        propia.getBestCmap(),
        origen.getBestCmap(),
    )
    for nombre, codigo in clases.items():
        nuevo, original = (
            propia["glyf"][glifos[codigo]],
            origen["glyf"][glifos_origen[mapa[nombre]]],
        )
        nuevo.expand(propia["glyf"])
        original.expand(origen["glyf"])
        assert list(nuevo.coordinates) == list(original.coordinates), nombre
    # every icon of the templates the pages are made of, whoever opens them and in any state
    assert set(iconos.iconos_de_pagina("sin-senal")) <= set(clases)

    facilitador = crear_usuario("fac_iconos_sin_senal", Rol.FACILITACION)
    urls = paginas_sin_senal_en_cada_estado(facilitador)
    coordinadora = crear_usuario("coord_iconos_sin_senal", Rol.COORDINACION)

    vistos = set()
    # the facilitator, and Coordinación (its header has more menus: Comunicación's megaphone)
    for usuario in (facilitador, coordinadora):
        client.force_login(usuario, backend="django.contrib.auth.backends.ModelBackend")
        for url in urls:
            respuesta = client.get(url)
            assert respuesta.status_code == 200, url
            html = respuesta.content.decode()
            # the icons' sheet, in the style sheet bundle of these pages (core/estaticos.py)
            assert "paquetes/sin-senal.css" in html, url
            assert "bootstrap-icons.min.css" not in html, url
            vistos |= _html_de_iconos(html)
    assert "megaphone" in vistos
    for script in (RAIZ / "mesas" / "static" / "mesas").glob("*.js"):
        vistos |= set(iconos.PATRON.findall(script.read_text("utf-8")))

    assert (
        "vendor/bootstrap-icons/bootstrap-icons.sin-senal.min.css"
        in PAQUETES["paquetes/sin-senal.css"]
    )
    assert len(vistos) > 20
    assert vistos <= set(clases), (
        f"Sin glifo en la fuente sin señal: {sorted(vistos - set(clases))}"
    )
