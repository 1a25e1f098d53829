"""Bench of the actor import: preview and all-or-nothing application of 5,000 rows (CSV and XLSX).

Run alone: `python -m bench.actores_importacion [filas]`; prints the timings as JSON. The applied
import runs inside a transaction that is rolled back, so the database is left as it was.
"""

import csv
import io
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from sie.referencia import CANTONES as CANTONES_DE_PICHINCHA  # noqa: E402  (plain data)

CANTONES = [canton["nombre"] for canton in CANTONES_DE_PICHINCHA]
SECTORES = [
    "Floricultura",
    "Leche y derivados",
    "Cultivos andinos y agricultura familiar",
    "Cacao, café y caña",
    "",
]


def filas(n: int) -> list[dict]:
    from actores.validadores import digito_verificador_cedula

    salida = []
    for i in range(n):
        persona = i % 2 == 0
        fila = {
            "naturaleza": "persona" if persona else "organizacion",
            "tipo": "comunitario",
            "ambito": "cantonal",
            "canton": CANTONES[i % len(CANTONES)],
            "ejes": "agropecuario",
            "sectores": SECTORES[i % len(SECTORES)],
            "email": f"bench{i}@example.org",
            "telefono": "0991234567" if persona else "022500000",
            "influencia": str(1 + i % 5),
            "interes": str(1 + (i // 5) % 5),
            "posicion": "apoya",
        }
        if persona:
            fila.update(
                nombres=f"Persona {i}",
                apellidos="Bench Quishpe",
                identificacion=digito_verificador_cedula(f"171{i:06d}"),
                genero="mujer",
                consentimiento_datos="sí",
                consentimiento_fecha="2026-02-01",
                consentimiento_finalidad="Convocatoria",
            )
        else:
            fila["nombre"] = f"Asociación Bench {i}"
        salida.append(fila)
    return salida


def archivos(datos: list[dict], columnas: list[str]) -> tuple[bytes, bytes]:
    """The same rows as a CSV and as an XLSX."""
    from openpyxl import Workbook

    texto = io.StringIO()
    escritor = csv.DictWriter(texto, fieldnames=columnas)
    escritor.writeheader()
    escritor.writerows(datos)
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet()
    hoja.append(columnas)
    for f in datos:
        hoja.append([f.get(c, "") for c in columnas])
    salida = io.BytesIO()
    libro.save(salida)
    return texto.getvalue().encode(), salida.getvalue()


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from actores.importacion import COLUMNAS, importacion_aplicar, importacion_crear, previsualizar

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    contenido_csv, contenido_xlsx = archivos(filas(n), COLUMNAS)
    resultado = {"filas": n}

    def medir(clave, funcion):
        t, c = time.perf_counter(), time.process_time()
        valor = funcion()
        resultado[f"{clave}_s"] = round(time.perf_counter() - t, 2)
        resultado[f"{clave}_cpu_s"] = round(time.process_time() - c, 2)
        return valor

    def xlsx():
        return SimpleUploadedFile("bench.xlsx", contenido_xlsx)

    prev = medir("previa_xlsx", lambda: previsualizar(archivo=xlsx()))
    assert prev.aplicable, prev.con_errores[:3]
    medir(
        "previa_csv", lambda: previsualizar(archivo=SimpleUploadedFile("bench.csv", contenido_csv))
    )
    usuario = get_user_model().objects.filter(is_superuser=True).first()

    class Deshacer(Exception):
        pass

    try:
        with transaction.atomic():
            importacion, _prev = medir(
                "subir_xlsx_y_previa",
                lambda: importacion_crear(archivo=xlsx(), usuario=usuario),
            )
            medir(
                "confirmar", lambda: importacion_aplicar(importacion=importacion, usuario=usuario)
            )
            importacion.archivo.delete(save=False)
            raise Deshacer
    except Deshacer:
        pass
    print(json.dumps(resultado))


if __name__ == "__main__":
    main()
