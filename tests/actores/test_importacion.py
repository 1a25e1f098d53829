"""Import from CSV and XLSX: row-by-row preview in Spanish, and all-or-nothing application."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actores.importacion import COLUMNAS, importacion_aplicar, importacion_crear, previsualizar
from actores.models import Actor, Importacion
from sie.referencia import CANTONES as CANTONES_DE_PICHINCHA

from .conftest import cedula_valida, ruc_sociedad_valido

# Rows name their canton as people write it, by name, or by code (Quito as 1701).
CANTONES = [c["codigo"] if c["codigo"] == "1701" else c["nombre"] for c in CANTONES_DE_PICHINCHA]


def fila_valida(i: int) -> dict:
    if i % 3 == 0:
        return {
            "naturaleza": "persona",
            "nombres": f"Lucía {i}",
            "apellidos": "Andrango Tipanluisa",
            "tipo": "comunitario",
            "ambito": "cantonal",
            "canton": CANTONES[i % len(CANTONES)],
            "email": f"lucia{i}@example.org",
            "telefono": "0991234567",
            "identificacion": cedula_valida(5000 + i),
            "genero": "mujer",
            "influencia": str(1 + i % 5),
            "interes": str(1 + (i * 3) % 5),
            "posicion": "apoya",
            "consentimiento_datos": "sí",
            "consentimiento_fecha": "2026-02-01",
            "consentimiento_finalidad": "Convocatoria a las mesas",
        }
    return {
        "naturaleza": "organizacion",
        "nombre": f"Asociación Importada {i}",
        "tipo": "Comunitario / economía popular y solidaria" if i % 2 else "privado",
        "ambito": "Cantonal",
        "canton": CANTONES[i % len(CANTONES)],
        "ejes": "agropecuario",
        "sectores": "Leche y derivados" if i % 2 else "",
        "email": f"asociacion{i}@example.org",
        "telefono": "(02) 250-0000",
        "identificacion": ruc_sociedad_valido(7000 + i),
        "influencia": "3",
        "interes": "4",
        "posicion": "neutral",
        "visible_publico": "sí",
    }


def csv_de(filas: list[dict]) -> bytes:
    salida = io.StringIO()
    escritor = csv.DictWriter(salida, fieldnames=COLUMNAS)
    escritor.writeheader()
    for f in filas:
        escritor.writerow(f)
    return salida.getvalue().encode("utf-8")


def xlsx_de(filas: list[dict]) -> bytes:
    libro = Workbook()
    hoja = libro.active
    hoja.append(COLUMNAS)
    for f in filas:
        hoja.append([f.get(c, "") for c in COLUMNAS])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


@pytest.fixture
def cien_con_una_mala():
    filas = [fila_valida(i) for i in range(100)]
    filas[57]["identificacion"] = "1710034066"  # wrong check digit
    return filas


@pytest.mark.django_db
def test_previa_muestra_cada_error_en_espanol():
    filas = [fila_valida(i) for i in range(4)]
    filas[0]["identificacion"] = "1710034066"
    filas[1]["canton"] = "Latacunga"
    filas[2]["email"] = "no-es-un-correo"
    filas[3]["telefono"] = "12345"
    prev = previsualizar(archivo=SimpleUploadedFile("actores.csv", csv_de(filas)))
    errores = {f.numero: " ".join(f.errores) for f in prev.con_errores}
    assert "dígito verificador" in errores[2]
    assert "El cantón «Latacunga» no existe en Pichincha" in errores[3]
    assert "El correo «no-es-un-correo» no es una dirección válida" in errores[4]
    assert "no es un número válido de Ecuador" in errores[5]
    assert not prev.aplicable


@pytest.mark.django_db
def test_todo_o_nada_con_una_fila_mala_entre_cien(coordinadora, cien_con_una_mala):
    archivo = SimpleUploadedFile("cien.csv", csv_de(cien_con_una_mala))
    importacion, prev = importacion_crear(archivo=archivo, usuario=coordinadora)
    assert len(prev.filas) == 100
    assert [f.numero for f in prev.con_errores] == [59]  # row 57 of data = spreadsheet row 59
    assert importacion.estado == Importacion.Estado.CON_ERRORES
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as e:
        importacion_aplicar(importacion=importacion, usuario=coordinadora)
    assert "no se importó ninguna" in str(e.value)
    assert Actor.objects.count() == 0


@pytest.mark.django_db
def test_cien_filas_validas_se_importan_y_se_reimportan_como_actualizacion(
    coordinadora, cien_con_una_mala
):
    cien_con_una_mala[57]["identificacion"] = ""
    archivo = SimpleUploadedFile("cien.xlsx", xlsx_de(cien_con_una_mala))
    importacion, prev = importacion_crear(archivo=archivo, usuario=coordinadora)
    assert prev.aplicable, [(f.numero, f.errores) for f in prev.con_errores]
    importacion_aplicar(importacion=importacion, usuario=coordinadora)
    assert Actor.objects.count() == 100
    lucia = Actor.objects.get(email="lucia3@example.org")
    assert lucia.nombre == "Lucía 3 Andrango Tipanluisa"
    assert lucia.consentimiento_datos and lucia.consentimiento_finalidad
    assert str(lucia.telefono) == "+593991234567"
    assert lucia.cambios_posicion.count() == 1
    asociacion = Actor.objects.get(nombre="Asociación Importada 1")
    assert [s.slug for s in asociacion.sectores.all()] == ["leche-y-derivados"]
    assert asociacion.tipo == "comunitario"
    # The same file again: everything is an update, nothing is duplicated.
    cien_con_una_mala[1]["interes"] = "5"
    prev2 = previsualizar(archivo=SimpleUploadedFile("otra.csv", csv_de(cien_con_una_mala)))
    assert prev2.crear == 0 and prev2.actualizar == 100
    importacion2, _prev = importacion_crear(
        archivo=SimpleUploadedFile("otra.csv", csv_de(cien_con_una_mala)), usuario=coordinadora
    )
    importacion_aplicar(importacion=importacion2, usuario=coordinadora)
    assert Actor.objects.count() == 100
    asociacion.refresh_from_db()
    assert asociacion.interes == 5
    assert asociacion.cambios_posicion.first().motivo == "Importación desde archivo."


@pytest.mark.django_db
def test_duplicados_dentro_del_archivo():
    filas = [fila_valida(1), fila_valida(1)]
    prev = previsualizar(archivo=SimpleUploadedFile("dup.csv", csv_de(filas)))
    assert prev.con_errores[0].numero == 3
    assert "Repite" in prev.con_errores[0].errores[0]


@pytest.mark.django_db
def test_archivo_sin_encabezados_o_de_otro_formato():
    from actores.importacion import ArchivoInvalido

    with pytest.raises(ArchivoInvalido):
        previsualizar(archivo=SimpleUploadedFile("x.csv", b"1;2;3\n4;5;6\n"))
    with pytest.raises(ArchivoInvalido):
        previsualizar(archivo=SimpleUploadedFile("x.pdf", b"hola"))


@pytest.mark.django_db
def test_facilitador_no_importa_fuera_de_su_canton(cliente_de, facilitador_asignado):
    filas = [fila_valida(1), fila_valida(2)]
    filas[0]["canton"] = "Cayambe"
    filas[1]["canton"] = "Puerto Quito"
    cliente = cliente_de(facilitador_asignado)
    respuesta = cliente.post(
        reverse("actores:importar"), {"archivo": SimpleUploadedFile("f.csv", csv_de(filas))}
    )
    assert respuesta.status_code == 200
    texto = respuesta.content.decode()
    assert "fuera de sus cantones o sectores asignados" in texto
    assert "Confirmar la importación" not in texto


@pytest.mark.django_db
def test_flujo_web_previa_y_confirmacion(cliente_de, coordinadora):
    filas = [fila_valida(i) for i in range(1, 6)]
    cliente = cliente_de(coordinadora)
    respuesta = cliente.post(
        reverse("actores:importar"), {"archivo": SimpleUploadedFile("f.csv", csv_de(filas))}
    )
    assert "Confirmar la importación" in respuesta.content.decode()
    assert Actor.objects.count() == 0
    importacion = Importacion.objects.get()
    respuesta = cliente.post(reverse("actores:importar_aplicar", args=[importacion.pk]))
    assert respuesta.status_code == 302
    assert Actor.objects.count() == 5
    # Applying twice does nothing more.
    cliente.post(reverse("actores:importar_aplicar", args=[importacion.pk]))
    assert Actor.objects.count() == 5


@pytest.mark.django_db
def test_la_columna_de_consentimiento_de_nombre_se_respeta(coordinadora):
    """The bulk import used to drop consentimiento_nombre_publico: a person who agreed to be
    named stayed anonymous, and a re-import with the cell blank must not withdraw it."""
    filas = [fila_valida(3), fila_valida(6)]
    filas[0]["consentimiento_nombre_publico"] = "sí"
    filas[1]["consentimiento_nombre_publico"] = "no"
    importacion, prev = importacion_crear(
        archivo=SimpleUploadedFile("consentimiento.csv", csv_de(filas)), usuario=coordinadora
    )
    assert prev.aplicable, [(f.numero, f.errores) for f in prev.con_errores]
    importacion_aplicar(importacion=importacion, usuario=coordinadora)
    assert Actor.objects.get(email="lucia3@example.org").consentimiento_nombre_publico
    assert not Actor.objects.get(email="lucia6@example.org").consentimiento_nombre_publico
    filas[0]["consentimiento_nombre_publico"] = ""
    importacion2, _prev = importacion_crear(
        archivo=SimpleUploadedFile("otra.csv", csv_de(filas)), usuario=coordinadora
    )
    importacion_aplicar(importacion=importacion2, usuario=coordinadora)
    assert Actor.objects.get(email="lucia3@example.org").consentimiento_nombre_publico
