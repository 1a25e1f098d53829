"""The throwaway database a benchmark builds its data in."""

from pathlib import Path


def recrear(url: str) -> None:
    """An empty database at `url`: a SQLite file is deleted (migrate creates it again); on
    PostgreSQL the database is dropped, with its open connections, and created again."""
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg2

    servidor, nombre = url.rsplit("/", 1)
    conexion = psycopg2.connect(f"{servidor}/postgres")
    conexion.autocommit = True
    with conexion.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{nombre}"')
    conexion.close()
