"""serialized_rollback in SQL: the reference data of the data migrations, restored from a copy.

Django restores it before every test with serialized_rollback=True by deserialising the JSON it
dumped after migrating: one INSERT (and its signals) per row, m2m rows one by one, a second or
more per test on this machine. Here, right after that dump, the same rows (the same models,
auto-created m2m tables included) are copied once into a schema of the test database, and the
restore is one INSERT … SELECT per table. The database a test starts from is the same: same rows,
same keys, sequences untouched (as deserialising leaves them), public pages invalidated (as the
rows' post_save signals did). Any other string to deserialise goes through Django's code.
"""

from __future__ import annotations

from django.db import transaction
from django.db.backends.base.creation import BaseDatabaseCreation

ESQUEMA = "prueba_instantanea"

_original = BaseDatabaseCreation.deserialize_db_from_string
# alias -> (serialized contents, [(table, columns, primary key columns)])
_copias: dict[str, tuple[str, list[tuple[str, list[str], list[str]]]]] = {}


def _tablas_serializadas(conexion) -> list[str]:
    """The tables of the models serialize_db_to_string dumps, and their auto-created m2m."""
    from django.apps import apps
    from django.conf import settings
    from django.db import router
    from django.db.migrations.loader import MigrationLoader

    migradas = MigrationLoader(conexion).migrated_apps
    tablas = []
    for app_config in apps.get_app_configs():
        if (
            app_config.models_module is None
            or app_config.label not in migradas
            or app_config.name in settings.TEST_NON_SERIALIZED_APPS
        ):
            continue
        for modelo in app_config.get_models():
            if not (
                modelo._meta.can_migrate(conexion)
                and router.allow_migrate_model(conexion.alias, modelo)
            ):
                continue
            tablas.append(modelo._meta.db_table)
            for campo in modelo._meta.local_many_to_many:
                intermedia = campo.remote_field.through
                if intermedia._meta.auto_created:
                    tablas.append(intermedia._meta.db_table)
    return list(dict.fromkeys(tablas))


def copiar(conexion, contenido: str) -> None:
    """Copy the rows of the serialised tables (the database just dumped to `contenido`)."""
    if conexion.vendor != "postgresql":
        return
    q = conexion.ops.quote_name
    copias = []
    with conexion.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {ESQUEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {ESQUEMA}")
        for tabla in _tablas_serializadas(conexion):
            cursor.execute(
                "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = %s::regclass"
                " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
                " ORDER BY a.attnum",
                [q(tabla)],
            )
            columnas = [fila[0] for fila in cursor.fetchall()]
            cursor.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                " WHERE i.indrelid = %s::regclass AND i.indisprimary",
                [q(tabla)],
            )
            clave = [fila[0] for fila in cursor.fetchall()]
            lista = ", ".join(q(c) for c in columnas)
            cursor.execute(f"CREATE TABLE {ESQUEMA}.{q(tabla)} AS SELECT {lista} FROM {q(tabla)}")
            if cursor.rowcount:
                copias.append((tabla, columnas, clave))
            else:
                cursor.execute(f"DROP TABLE {ESQUEMA}.{q(tabla)}")
    _copias[conexion.alias] = (contenido, copias)


def _restaurar(conexion, copias) -> None:
    q = conexion.ops.quote_name
    with transaction.atomic(using=conexion.alias), conexion.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for tabla, columnas, clave in copias:
            lista = ", ".join(q(c) for c in columnas)
            resto = [c for c in columnas if c not in clave]
            if clave and resto:
                # a row already there is overwritten, as saving the deserialised object does
                conflicto = (
                    f" ON CONFLICT ({', '.join(q(c) for c in clave)}) DO UPDATE SET "
                    + ", ".join(f"{q(c)} = EXCLUDED.{q(c)}" for c in resto)
                )
            else:
                conflicto = " ON CONFLICT DO NOTHING"
            cursor.execute(
                f"INSERT INTO {q(tabla)} ({lista}) SELECT {lista} FROM {ESQUEMA}.{q(tabla)}"
                + conflicto
            )
    from core.cache import invalidar_paginas_publicas

    invalidar_paginas_publicas()


def _deserializar(self, data):
    copia = _copias.get(self.connection.alias)
    if copia is not None and (data is copia[0] or data == copia[0]):
        return _restaurar(self.connection, copia[1])
    return _original(self, data)


def instalar() -> None:
    BaseDatabaseCreation.deserialize_db_from_string = _deserializar


# --- Emptying the database after a transactional test ------------------------------------------

_sql_flush_original = None


def _sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    """DELETE instead of TRUNCATE: every table of the test database holds a handful of rows, and
    TRUNCATE of some 150 tables gives each (and each index) a new file, seconds per test on this
    machine. Same result: every table empty, sequences not reset (reset_sequences, or a cascade
    to tables not listed, still goes through TRUNCATE). Django's foreign keys are deferrable, so
    the order of the tables does not matter."""
    if not tables or reset_sequences or allow_cascade:
        return _sql_flush_original(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    q = self.quote_name
    return ["SET CONSTRAINTS ALL DEFERRED; " + "; ".join(f"DELETE FROM {q(t)}" for t in tables)]


def vaciar_con_delete() -> None:
    global _sql_flush_original
    from django.db.backends.postgresql.operations import DatabaseOperations

    if _sql_flush_original is None:
        _sql_flush_original = DatabaseOperations.sql_flush
        DatabaseOperations.sql_flush = _sql_flush
