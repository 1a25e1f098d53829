"""Run a script in a child process on an in-memory SQLite database, the embedded default.

CI runs the suite on PostgreSQL; what only SQLite refuses (a UNION of sliced querysets, a
constraint it cannot create) is checked here. The child builds its tables straight from the
models (`migrate --run-syncdb`, seconds instead of a minute) and prints its answer as JSON after
the word RESULTADO.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]

PREAMBULO = """
import io, json
import config.settings as ajustes


class _SinMigraciones(dict):
    def __contains__(self, clave):
        return True

    def __getitem__(self, clave):
        return None


ajustes.MIGRATION_MODULES = _SinMigraciones()
import django

django.setup()
from django.core.management import call_command
from django.db import connection

assert connection.vendor == "sqlite", connection.vendor
"""


def correr_en_sqlite(guion: str, **entorno) -> dict:
    """The JSON the script printed after RESULTADO; entorno adds environment variables."""
    fuera = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the tests' own settings
    variables = {k: v for k, v in os.environ.items() if k not in fuera} | {
        "DATABASE_URL": "sqlite://:memory:",
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": str(RAIZ),
        **entorno,
    }
    proceso = subprocess.run(
        [sys.executable, "-c", PREAMBULO + guion],
        cwd=RAIZ,
        env=variables,
        capture_output=True,
        text=True,
        timeout=230,
    )
    assert "RESULTADO" in proceso.stdout, proceso.stderr[-3000:]
    return json.loads(proceso.stdout.split("RESULTADO", 1)[1])
