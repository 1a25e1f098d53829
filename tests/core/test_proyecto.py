"""Project-wide promises: deploy checks, migrations, layers, the home page."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

RAIZ = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    entorno = {**os.environ, **env}
    entorno.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=RAIZ, env=entorno, capture_output=True, text=True
    )


def test_check_deploy_sin_avisos_en_produccion():
    clave = "".join(
        secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)") for _ in range(50)
    )
    r = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=clave,
        DJANGO_ALLOWED_HOSTS="localhost",
        PORTAL_URL="https://pactos.example.org",
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in r.stderr and "?:" not in r.stdout


def test_produccion_exige_clave_secreta():
    r = _manage(
        "check",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="",
        DJANGO_ALLOWED_HOSTS="localhost",
        PORTAL_URL="https://pactos.example.org",
    )
    assert r.returncode != 0
    assert "DJANGO_SECRET_KEY" in r.stderr


def test_produccion_exige_la_direccion_publica():
    """Without PORTAL_URL every e-mailed link would point nowhere: the portal refuses to start."""
    r = _manage(
        "check",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="localhost",
        PORTAL_URL="",
    )
    assert r.returncode != 0
    assert "PORTAL_URL es obligatoria" in r.stderr


@pytest.mark.django_db
def test_no_faltan_migraciones():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_contratos_import_linter_capas_y_sin_ciclos_en_cada_app():
    """The layers between apps, and no import cycle inside any app except a service's lazy
    import of the task that calls it back."""
    import tomllib

    config = tomllib.loads((RAIZ / "pyproject.toml").read_text())["tool"]["importlinter"]
    apps = config["root_packages"]
    ciclos = {c["ancestors"][0]: c for c in config["contracts"] if c["type"] == "acyclic_siblings"}
    assert sorted(ciclos) == sorted(apps)
    for app, contrato in ciclos.items():
        for ignorada in contrato.get("ignore_imports", []):
            origen, destino = (m.strip() for m in ignorada.split("->"))
            assert destino == f"{app}.tasks", ignorada
            assert origen.startswith((f"{app}.services", f"{app}.documentos")), ignorada

    linter = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run([str(linter)], cwd=RAIZ, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Contracts: {len(apps) + 1} kept, 0 broken." in r.stdout


@pytest.mark.django_db
def test_inicio_en_espanol_explica_el_programa(client):
    html = client.get("/").content.decode()
    assert '<html lang="es">' in html
    for texto in [
        "Pactos por Pichincha",
        "Objetivo general",
        "Sistema de Información Estratégica",
        "Evento de lanzamiento",
        "Instrumentos de apoyo",
        "Socialización",
        "Mejía",
    ]:
        assert texto in html


@pytest.mark.django_db
def test_pagina_en_ingles(client):
    respuesta = client.get("/en/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert '<html lang="en">' in html
    assert "Objectives" in html


@pytest.mark.django_db
def test_cabeceras_de_seguridad(client):
    respuesta = client.get("/")
    assert "default-src 'self'" in respuesta["Content-Security-Policy"]
    assert respuesta["X-Frame-Options"] == "DENY"
    assert respuesta["X-Content-Type-Options"] == "nosniff"


def test_los_identificadores_no_llevan_separador_de_miles():
    """Ids of 1000 or more go into HTML attributes and form values: "1.234" would break them."""
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("es"):
        html = Template(
            '{% load humanize %}<input value="{{ pk }}"> {{ poblacion|intcomma }}'
        ).render(Context({"pk": 1234, "poblacion": 101894}))
    assert 'value="1234"' in html
    assert "101894" not in html  # figures meant for reading still get their separator
