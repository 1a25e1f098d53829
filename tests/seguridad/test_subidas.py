"""Uploads are judged by size and content, never by their name; too big gets a clear page."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.validadores import TIPOS_EVIDENCIA, ArchivoValidador


def _png() -> bytes:
    salida = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(salida, "PNG")
    return salida.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    salida = io.BytesIO()
    libro = Workbook()
    libro.active.append(["codigo", "valor"])
    libro.save(salida)
    return salida.getvalue()


def _zip_cualquiera() -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as z:
        z.writestr("virus.exe", b"MZ\x90\x00")
    return salida.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


def _subir(nombre: str, contenido: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(nombre, contenido)


@pytest.mark.parametrize(
    ("tipos", "nombre", "contenido"),
    [
        (("csv", "xlsx"), "datos.csv", "canton;valor\nQuito;1,5\n".encode("cp1252")),
        (("csv", "xlsx"), "datos.csv", "cantón,valor\nMejía,2\n".encode()),
        (("csv", "xlsx"), "datos.xlsx", _xlsx()),
        (("pdf",), "copia.PDF", PDF),
        (("imagen",), "foto.png", _png()),
        (TIPOS_EVIDENCIA, "evidencia.png", _png()),
        (TIPOS_EVIDENCIA, "acta.pdf", PDF),
    ],
)
def test_acepta_lo_que_es_lo_que_dice_ser(tipos, nombre, contenido):
    ArchivoValidador(tipos, max_mb=1)(_subir(nombre, contenido))


@pytest.mark.parametrize(
    ("tipos", "nombre", "contenido", "codigo"),
    [
        (("csv", "xlsx"), "datos.xlsx", b"canton,valor\n", "archivo_contenido"),  # renamed CSV
        (("csv", "xlsx"), "datos.xlsx", _zip_cualquiera(), "archivo_contenido"),  # zip, not xlsx
        (("csv", "xlsx"), "datos.csv", _png(), "archivo_contenido"),  # binary as CSV
        (("csv", "xlsx"), "datos.csv", HTML, "archivo_contenido"),
        (("csv", "xlsx"), "datos.exe", b"a,b\n", "archivo_tipo"),
        (("pdf",), "copia.pdf", HTML, "archivo_contenido"),
        (("pdf",), "copia.pdf", _png(), "archivo_contenido"),
        (("imagen",), "foto.png", HTML, "archivo_contenido"),
        (("imagen",), "foto.svg", b"<svg onload=alert(1)>", "archivo_tipo"),
        (("imagen",), "foto.jpg", _png()[:20], "archivo_contenido"),  # truncated
        (TIPOS_EVIDENCIA, "evidencia.html", HTML, "archivo_tipo"),
        (TIPOS_EVIDENCIA, "evidencia.txt", HTML, "archivo_contenido"),
        (TIPOS_EVIDENCIA, "informe.docx", _zip_cualquiera(), "archivo_contenido"),
    ],
)
def test_rechaza_por_contenido_no_por_nombre(tipos, nombre, contenido, codigo):
    with pytest.raises(ValidationError) as error:
        ArchivoValidador(tipos, max_mb=1)(_subir(nombre, contenido))
    assert error.value.code == codigo


def test_el_tamano_maximo_se_explica_en_espanol():
    with pytest.raises(ValidationError) as error:
        ArchivoValidador(("csv",), max_mb=0.001)(_subir("datos.csv", b"a,b\n" * 1000))
    mensaje = error.value.messages[0]
    assert "pesa" in mensaje and "el máximo es" in mensaje


@pytest.mark.django_db
def test_importar_actores_rechaza_un_xlsx_falso(coordinadora, cliente_de):
    respuesta = cliente_de(coordinadora).post(
        "/actores/importar/", {"archivo": _subir("actores.xlsx", HTML)}
    )
    assert respuesta.status_code == 400
    assert "no corresponde a Excel" in respuesta.content.decode()


@pytest.mark.django_db
def test_copia_firmada_que_no_es_pdf_no_se_guarda(coordinadora, cliente_de):
    from pactos.models import Pacto
    from pactos.services import pactos as srv
    from sie.models import Eje

    pacto = srv.pacto_crear(eje=Eje.objects.get(codigo="turismo"), titulo="P", usuario=coordinadora)
    cliente_de(coordinadora).post(
        f"/pactos/gestion/{pacto.pk}/copia-firmada/", {"archivo": _subir("firmado.pdf", HTML)}
    )
    assert not Pacto.objects.get(pk=pacto.pk).copia_firmada


@pytest.mark.django_db
def test_envio_demasiado_grande_recibe_413_con_explicacion(client, settings):
    settings.PORTAL_SUBIDA_MAX_BYTES = 1024
    respuesta = client.post(
        "/comunicacion/contacto/", {"archivo": _subir("grande.csv", b"x" * 4096)}
    )
    assert respuesta.status_code == 413
    texto = respuesta.content.decode()
    assert "El archivo es demasiado grande" in texto and "1,0" in texto
    assert "Permissions-Policy" in respuesta


@pytest.mark.django_db
def test_el_413_tambien_en_ingles(client, settings):
    settings.PORTAL_SUBIDA_MAX_BYTES = 1024
    respuesta = client.post("/en/comunicacion/contacto/", {"texto": "x" * 4096})
    assert respuesta.status_code == 413
    assert "The file is too large" in respuesta.content.decode()
