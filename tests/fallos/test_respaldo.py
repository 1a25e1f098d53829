"""Backup and restore with scripts/respaldo.sh and scripts/restaurar.sh, as docs/operations.md
tells operators to run them: the test database and its media are backed up, restored into a
fresh database and directory, and the script compares rows per table and media checksums."""

import os
import subprocess

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from tests.fallos.conftest import RAIZ
from tests.otro_proceso import url_base_de_datos_de_prueba

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _servidor(url: str) -> str:
    return url.rsplit("/", 1)[0]


@pytest.fixture
def bases_nuevas(solo_postgresql):
    """Names for fresh databases next to the test database; dropped afterwards."""
    url = url_base_de_datos_de_prueba()
    creadas = []

    def nueva(sufijo: str) -> str:
        nombre = f"{connection.settings_dict['NAME']}_{sufijo}"
        _sql(f"{_servidor(url)}/postgres", f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')
        creadas.append(nombre)
        return f"{_servidor(url)}/{nombre}"

    yield nueva
    for nombre in creadas:
        _sql(f"{_servidor(url)}/postgres", f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')


def _sql(url: str, orden: str, *params):
    conexion = psycopg2.connect(url)
    conexion.autocommit = True
    try:
        with conexion.cursor() as cursor:
            cursor.execute(orden, params)
            return cursor.fetchall() if cursor.description else None
    finally:
        conexion.close()


def _ejecutar(*orden, **env):
    return subprocess.run(
        [str(RAIZ / "scripts" / orden[0]), *orden[1:]],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_respaldar_y_restaurar_en_una_base_nueva_con_las_mismas_filas_y_archivos(
    bases_nuevas, medios, sesion_con_asistentes, tmp_path
):
    acta = default_storage.save("documentos/acta-prueba.pdf", ContentFile(b"%PDF-1.7 acta"))
    default_storage.save("subidas/foto.jpg", ContentFile(b"\xff\xd8 foto"))

    respaldo = _ejecutar(
        "respaldo.sh",
        str(tmp_path / "respaldos"),
        DATABASE_URL=url_base_de_datos_de_prueba(),
        DJANGO_MEDIA_ROOT=str(medios),
    )
    assert respaldo.returncode == 0, respaldo.stderr
    directorio = respaldo.stdout.strip().splitlines()[-1]
    conteos = dict(
        linea.split("|") for linea in (tmp_path / directorio / "conteos.txt").read_text().split()
    )
    assert conteos["mesas_sesion"] == "1" and conteos["mesas_asistencia"] == "2"
    assert int(conteos["mesas_mesa"]) > 0  # reference data of the migrations

    url = bases_nuevas("restaurada")
    restaurada = _ejecutar("restaurar.sh", directorio, url, str(tmp_path / "media-restaurada"))
    assert restaurada.returncode == 0, restaurada.stdout + restaurada.stderr
    assert "Restauración verificada" in restaurada.stdout
    assert (
        f"{len(conteos)} tablas" in restaurada.stdout
        and "2 archivos de medios" in restaurada.stdout
    )

    assert _sql(url, "SELECT lugar, numero FROM mesas_sesion") == [
        ("Casa comunal de Juan Montalvo", sesion_con_asistentes.numero)
    ]
    assert (tmp_path / "media-restaurada" / acta).read_bytes() == b"%PDF-1.7 acta"

    # Never over a database in use.
    otra_vez = _ejecutar("restaurar.sh", directorio, url, str(tmp_path / "otra-media"))
    assert otra_vez.returncode == 2 and "restaure en una base nueva" in otra_vez.stderr


def test_la_restauracion_que_no_coincide_falla_y_dice_donde(
    bases_nuevas, medios, sesion_con_asistentes, tmp_path
):
    default_storage.save("documentos/acta.pdf", ContentFile(b"%PDF-1.7"))
    respaldo = _ejecutar(
        "respaldo.sh",
        str(tmp_path),
        DATABASE_URL=url_base_de_datos_de_prueba(),
        DJANGO_MEDIA_ROOT=str(medios),
    )
    assert respaldo.returncode == 0, respaldo.stderr
    directorio = tmp_path / respaldo.stdout.strip().splitlines()[-1]
    # A backup whose counts say one more attendee than the dump holds, and a damaged file.
    conteos = directorio / "conteos.txt"
    conteos.write_text(conteos.read_text().replace("mesas_asistencia|2", "mesas_asistencia|3"))
    sumas = directorio / "media.sha256"
    sumas.write_text(sumas.read_text().replace(sumas.read_text()[:8], "00000000", 1))

    restaurada = _ejecutar(
        "restaurar.sh", str(directorio), bases_nuevas("mal"), str(tmp_path / "media-mal")
    )
    assert restaurada.returncode == 1
    assert "mesas_asistencia: respaldo 3, restaurada 2" in restaurada.stdout
    assert "DISTINTOS archivos de medios" in restaurada.stdout
    assert "NO coincide" in restaurada.stderr
