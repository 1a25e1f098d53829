"""A copy of the test database just after its migrations, for the production-like stack.

pytest-django creates the test database by running every migration from scratch; the stack of
tests/produccion (scripts/stack.py) then ran them all again for its own database (a minute and
a half of its start on a loaded machine). The copy is taken right after the migrations (and the
serialisation of their reference data), before any test writes: the stack's database is created
from it (STACK_PLANTILLA_BD, CREATE DATABASE … TEMPLATE) and its `migrate` finds nothing to apply.
"""

from __future__ import annotations

from django.db.backends.base.creation import TEST_DATABASE_PREFIX

# The copy's name once made in this run (None: none, the stack migrates its own database).
nombre: str | None = None


def crear(conexion) -> None:
    """Copy the test database `conexion` points at (PostgreSQL only; it must be just migrated)."""
    global nombre
    origen = conexion.settings_dict["NAME"]
    de_prueba = origen == conexion.settings_dict["TEST"].get("NAME") or origen.startswith(
        TEST_DATABASE_PREFIX
    )
    if conexion.vendor != "postgresql" or not de_prueba or not _migrada(conexion):
        return  # not PostgreSQL, or no test of this run needed a database: none was made
    copia = f"{origen}_migrada"
    q = conexion.ops.quote_name
    conexion.close()  # TEMPLATE needs the original without connections
    with conexion._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {q(copia)}")
        cursor.execute(f"CREATE DATABASE {q(copia)} TEMPLATE {q(origen)}")
    nombre = copia


def _migrada(conexion) -> bool:
    from django.db.migrations.executor import MigrationExecutor

    ejecutor = MigrationExecutor(conexion)
    return not ejecutor.migration_plan(ejecutor.loader.graph.leaf_nodes())


def borrar(conexion) -> None:
    global nombre
    if nombre is None:
        return
    with conexion._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {conexion.ops.quote_name(nombre)} WITH (FORCE)")
    nombre = None
