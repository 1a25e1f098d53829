"""Issue 14 item 8: the stakeholder map opens for every staff role on the embedded default
(SQLite), which refuses a UNION of sliced querysets; CI runs the suite on PostgreSQL, so this test
runs the page in a child process on an in-memory SQLite database."""

import json
import os
import subprocess
import sys
from pathlib import Path

from actores.analisis import MAX_PUNTOS_POR_CELDA

RAIZ = Path(__file__).resolve().parents[2]

GUION = """
import json
import config.settings as ajustes


class _SinMigraciones(dict):
    # Tables straight from the models (migrate --run-syncdb): seconds instead of a minute.
    def __contains__(self, clave):
        return True

    def __getitem__(self, clave):
        return None


ajustes.MIGRATION_MODULES = _SinMigraciones()
import django

django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
assert connection.vendor == "sqlite", connection.vendor
call_command("migrate", run_syncdb=True, verbosity=0)

from django.apps import apps
from django.contrib.auth.models import Group, User
import importlib

importlib.import_module("core.migrations.0001_grupos").crear_grupos(apps, None)
from actores.models import Actor
from core.roles import Rol

for i in range(N):
    Actor.objects.create(
        nombre=f"Organización {i:02d}",
        naturaleza=Actor.Naturaleza.ORGANIZACION,
        tipo=Actor.Tipo.PUBLICO,
        ambito=Actor.Ambito.PROVINCIAL,
        influencia=5 if i % 2 else 2,
        interes=4 if i % 2 else 1,
    )
respuestas = {}
for rol in Rol.values:
    usuario = User.objects.create_user(username=f"u{len(respuestas)}", password="x")
    usuario.groups.add(Group.objects.get(name=rol))
    cliente = Client(raise_request_exception=False)
    cliente.force_login(usuario)
    r = cliente.get("/actores/mapa/")
    respuestas[rol] = {"estado": r.status_code, "html": r.content.decode()}
print("RESULTADO" + json.dumps(respuestas))
"""


def test_el_mapa_de_actores_abre_en_sqlite_para_cada_rol_del_equipo():
    n = 2 * MAX_PUNTOS_POR_CELDA + 6  # more than one cell's worth of dots in two cells
    entorno = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")} | {
        "DATABASE_URL": "sqlite://:memory:",
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": str(RAIZ),
    }
    proceso = subprocess.run(
        [sys.executable, "-c", GUION.replace("range(N)", f"range({n})")],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=230,
    )
    assert "RESULTADO" in proceso.stdout, proceso.stderr[-3000:]
    respuestas = json.loads(proceso.stdout.split("RESULTADO", 1)[1])
    assert {rol: r["estado"] for rol, r in respuestas.items()} == dict.fromkeys(respuestas, 200)
    html = respuestas["Coordinación"]["html"]
    assert "Organización 00" in html and "Organización 01" in html
