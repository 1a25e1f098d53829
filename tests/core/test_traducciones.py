"""Translations: every catalogue complete and up to date; the language switcher keeps the page.

User-facing text is Spanish in the code and English in each app's catalogue
(<app>/locale/en/LC_MESSAGES/django.po; templates/ and config/ share the root locale/).
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
APPS = ["core", "sie", "actores", "canales", "mesas", "pactos", "eventos", "comunicacion"]
NO_COPIAR = {".venv", "node_modules", "vendor", "var", ".git", "tests", "docs", "bench"}
NO_COPIAR |= {"staticfiles", "media", "__pycache__", ".ruff_cache", "test-results"}


def _catalogos() -> list[Path]:
    catalogos = sorted(RAIZ.glob("locale/*/LC_MESSAGES/django.po"))
    for app in APPS:
        catalogos += sorted(RAIZ.glob(f"{app}/locale/*/LC_MESSAGES/django.po"))
    return catalogos


def _nombre(ruta: Path) -> str:
    return str(ruta.relative_to(RAIZ))


def _msgids(ruta: Path) -> set[str]:
    """The msgids (with their context) of a .po file, without the header."""
    ids, actual, campo = set(), {}, None

    def cerrar():
        if actual.get("msgid"):
            ids.add(f"{actual.get('msgctxt', '')}\x04{actual['msgid']}")
        actual.clear()

    for linea in ruta.read_text(encoding="utf-8").splitlines():
        if not linea.strip():
            cerrar()
            campo = None
            continue
        if linea.startswith("#~"):
            continue
        m = re.match(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+\"(.*)\"$", linea)
        if m:
            campo = m.group(1)
            actual[campo] = m.group(2)
        elif linea.startswith('"') and campo:
            actual[campo] += linea[1:-1]
    cerrar()
    return ids


@pytest.mark.parametrize("catalogo", _catalogos(), ids=_nombre)
def test_catalogo_completo_sin_dudosas(catalogo):
    r = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(catalogo)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    estadisticas = r.stderr.strip().splitlines()[-1]
    assert "untranslated" not in estadisticas, f"{_nombre(catalogo)}: {estadisticas}"
    assert "fuzzy" not in estadisticas, f"{_nombre(catalogo)}: {estadisticas}"


@pytest.fixture(scope="session")
def catalogos_frescos(tmp_path_factory) -> Path:
    """makemessages (as scripts/messages.sh runs it) in a copy of the code; returns the copy."""
    copia = tmp_path_factory.mktemp("mensajes") / "proyecto"
    shutil.copytree(RAIZ, copia, ignore=lambda _dir, nombres: NO_COPIAR & set(nombres))
    for app in APPS:
        (copia / app / "locale").mkdir(exist_ok=True)
    entorno = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL"))
    }
    entorno["PACTOS_VAR_DIR"] = str(copia / "var")
    r = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--no-location",
            "--no-obsolete",
            "-v",
            "0",
            *[f"--ignore={d}" for d in ["var", "static", "staticfiles", "media"]],
        ],
        cwd=copia,
        env=entorno,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    return copia


@pytest.mark.parametrize("catalogo", [c for c in _catalogos() if "/en/" in str(c)], ids=_nombre)
def test_catalogo_al_dia_con_el_codigo(catalogo, catalogos_frescos):
    fresco = catalogos_frescos / catalogo.relative_to(RAIZ)
    faltan = _msgids(fresco) - _msgids(catalogo)
    assert not faltan, (
        f"{_nombre(catalogo)} no tiene {len(faltan)} textos del código; corra "
        f"scripts/messages.sh y tradúzcalos: "
        + "; ".join(sorted(f.split("\x04", 1)[1][:60] for f in faltan)[:10])
    )


def test_cada_app_con_textos_tiene_su_catalogo(catalogos_frescos):
    generados = {
        str(p.relative_to(catalogos_frescos))
        for p in catalogos_frescos.glob("**/locale/en/LC_MESSAGES/django.po")
    }
    existentes = {_nombre(c) for c in _catalogos()}
    assert generados <= existentes


# --- The visitor's language ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("desde", "idioma", "destino"),
    [
        ("/sie/cantones/", "en", "/en/sie/cantones/"),
        ("/en/sie/cantones/1703/", "es", "/sie/cantones/1703/"),
        ("/", "en", "/en/"),
        ("/en/cuentas/login/", "es", "/cuentas/login/"),
    ],
)
def test_selector_de_idioma_mantiene_la_pagina(client, desde, idioma, destino):
    html = client.get(desde).content.decode()
    formulario = re.search(r'<form action="([^"]*/setlang/)"\s+method="post"', html)
    assert formulario, "el selector de idioma es un formulario POST"
    assert f'name="next" type="hidden" value="{desde}"' in html
    respuesta = client.post(formulario.group(1), {"language": idioma, "next": desde})
    assert respuesta.status_code == 302
    assert respuesta["Location"] == destino
    assert client.get(destino).status_code == 200


@pytest.mark.django_db
def test_cabecera_y_pie_en_ingles(client):
    html = client.get("/en/").content.decode()
    for texto in ["Pacts for Pichincha", "Provincial Government of Pichincha", "Sign in"]:
        assert texto in html
    for texto in ["Ingresar", "Gobierno Provincial de Pichincha", "Saltar al contenido"]:
        assert texto not in html


@pytest.mark.django_db
def test_roles_en_ingles_en_el_panel(coordinadora, cliente_de):
    html = cliente_de(coordinadora).get("/en/panel/").content.decode()
    assert "My dashboard" in html and "Coordination" in html
    assert "Coordinación" not in html
