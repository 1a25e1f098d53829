"""The text search configuration of the site search: Spanish stemming after unaccent.

`es_sin_tildes` is PostgreSQL's `spanish` with `unaccent` before the stemmer, so "Agroturísmo",
"agroturismo" and "AGROTURISMOS" meet (core/busqueda.py). Nothing happens on SQLite.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CREAR = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'es_sin_tildes') THEN
        CREATE TEXT SEARCH CONFIGURATION es_sin_tildes (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION es_sin_tildes
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END $$;
"""
BORRAR = "DROP TEXT SEARCH CONFIGURATION IF EXISTS es_sin_tildes;"


def _solo_postgresql(sql: str):
    def ejecutar(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return ejecutar


class Migration(migrations.Migration):
    dependencies = [("core", "0002_documento")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(_solo_postgresql(CREAR), _solo_postgresql(BORRAR)),
    ]
