"""The paper kit (issue 15, item 4): the sign-in sheet the facilitator prints, read back as
people read it, and the photos of the signed sheet and the room taken with the phone."""

import io
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfReader

from actores.models import Membresia
from core.documentos import documento_generar, documento_solicitar
from core.models import Documento
from mesas import papel, selectors, services
from mesas.models import FotoSesion
from tests._enlaces import PUBLICA, qr_de_png
from tests.ayudas_pdf import texto_pdf
from tests.ayudas_worker import documento_terminado
from tests.conftest import requiere_servicio

# --- (f) The sign-in sheet -------------------------------------------------------------------


def _png_de_pagina(pdf: bytes, pagina: int = 1, resolucion: int = 150) -> bytes:
    """A page of the PDF as the picture a phone's camera sees of the printed sheet."""
    requiere_servicio("pdftoppm (poppler-utils)", bool(shutil.which("pdftoppm")))
    with tempfile.TemporaryDirectory() as carpeta:
        ruta = Path(carpeta) / "hoja.pdf"
        ruta.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolucion), "-f", str(pagina), "-l", str(pagina),
             "-singlefile", str(ruta), str(Path(carpeta) / "pagina")],
            check=True,
        )  # fmt: skip
        return (Path(carpeta) / "pagina.png").read_bytes()


def _bytes(documento: Documento) -> bytes:
    with documento.archivo.open("rb") as archivo:
        return archivo.read()


@pytest.fixture
def miembros(mesa_cayambe, crear_persona, organizacion):
    """Two members in their own name (one of an association, without consent to be named in
    public) and one member organisation, whose delegate writes their own name."""
    rosa = crear_persona("Rosa", "Farinango")
    rosa.consentimiento_nombre_publico = False
    rosa.save()
    Membresia.objects.create(persona=rosa, organizacion=organizacion, cargo="Presidenta")
    segundo = crear_persona("Segundo", "Quilumbaquín", "hombre")
    mesa_cayambe.miembros.set([rosa, segundo, organizacion])
    return rosa, segundo, organizacion


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hoja_de_asistencia_por_un_worker_real_con_miembros_filas_y_qr(
    celery_worker_real, settings, cliente_de, fac_cayambe, sesion_cayambe, miembros
):
    settings.PORTAL_URL = PUBLICA
    rosa, segundo, organizacion = miembros
    cliente = cliente_de(fac_cayambe)
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert "Descargar hoja de asistencia" in pagina
    assert f'action="/documentos/solicitar/hoja_asistencia/{sesion_cayambe.pk}/"' in pagina

    respuesta = cliente.post(f"/documentos/solicitar/hoja_asistencia/{sesion_cayambe.pk}/")
    assert respuesta.status_code == 302
    documento = documento_terminado(papel.hoja_actual(sesion=sesion_cayambe))
    assert documento.estado == Documento.Estado.LISTO, documento.error
    descarga = cliente.get(f"/documentos/{documento.uuid}/descargar/")
    assert descarga.status_code == 200 and descarga["Content-Type"] == "application/pdf"
    pdf = b"".join(descarga.streaming_content)

    texto = texto_pdf(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2  # 33 rows: two full landscape pages
    assert "Hoja de asistencia" in texto and "Sesión N.º 1" in texto
    assert sesion_cayambe.mesa.nombre in texto and "Casa comunal" in texto
    for columna in (
        "N.º",
        "Nombres y apellidos",
        "Cédula",
        "Organización",
        "Género",
        "Acepta que su nombre se publique",
        "Teléfono (opcional)",
        "Firma",
    ):
        assert columna in texto, columna
    # Every member by name, without consent to be named in public too: the sheet is staff-only.
    assert "Rosa Farinango" in texto and "Segundo Quilumbaquín" in texto
    assert texto.count(organizacion.nombre) == 2  # Rosa's association, and the member itself
    # The members, 20 blank rows after them, and the last page filled (14 + 19 rows).
    assert "33" in texto.split() and "34" not in texto.split()
    assert texto.count("☐ Sí ☐ No") == 33
    assert "@" not in texto and "099" not in texto  # no contact data printed

    # What the facilitator's phone reads from the printed QR code: the recording page, on the
    # portal's public address (never the host the request came through).
    assert qr_de_png(_png_de_pagina(pdf)) == f"{PUBLICA}/mesas/sesion/{sesion_cayambe.pk}/"

    # Once ready, the session page links the file itself.
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert f"/documentos/{documento.uuid}/descargar/" in pagina


@pytest.mark.django_db
def test_hoja_de_asistencia_nueva_cuando_cambian_los_miembros_o_la_fecha(
    sesion_cayambe, fac_cayambe, miembros, crear_persona
):
    primera = documento_solicitar(
        fuente=sesion_cayambe, tipo="hoja_asistencia", usuario=fac_cayambe
    )
    assert papel.hoja_actual(sesion=sesion_cayambe) == primera
    sesion_cayambe.mesa.miembros.add(crear_persona("Lucía", "Tipán"))
    assert papel.hoja_actual(sesion=sesion_cayambe) is None  # the old sheet lacks Lucía
    segunda = documento_solicitar(
        fuente=sesion_cayambe, tipo="hoja_asistencia", usuario=fac_cayambe
    )
    assert segunda.pk != primera.pk
    sesion_cayambe.lugar = "Escuela de Cangahua"
    assert papel.hoja_actual(sesion=sesion_cayambe) is None


@pytest.mark.django_db
def test_hoja_de_asistencia_solo_para_el_equipo_de_la_mesa(
    client, cliente_de, fac_mejia, coordinadora, sesion_cayambe, miembros
):
    documento = documento_solicitar(fuente=sesion_cayambe, tipo="hoja_asistencia", sistema=True)
    documento_generar(documento_id=documento.pk)
    solicitar = f"/documentos/solicitar/hoja_asistencia/{sesion_cayambe.pk}/"
    descargar = f"/documentos/{documento.uuid}/descargar/"
    # the public: sent to log in, never the file
    assert client.post(solicitar)["Location"].startswith("/cuentas/")
    assert client.get(descargar)["Location"].startswith("/cuentas/")
    # another table's facilitator: as if it did not exist
    otro = cliente_de(fac_mejia)
    assert otro.post(solicitar).status_code == 404
    assert otro.get(descargar).status_code == 404
    assert cliente_de(coordinadora).get(descargar).status_code == 200


# --- Photos and scans ------------------------------------------------------------------------


def _foto_de_telefono(ancho: int = 4000, alto: int = 3000) -> bytes:
    """A JPEG as a phone camera makes it: several MB, turned by EXIF (orientation 6: the
    phone was upright) and with the GPS position and camera model in its EXIF."""
    imagen = Image.effect_noise((ancho // 4, alto // 4), 60).convert("RGB").resize((ancho, alto))
    ruido = Image.effect_noise((ancho, alto), 40).convert("RGB")
    imagen = Image.blend(imagen, ruido, 0.35)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Samsung"
    exif[ExifTags.Base.Model] = "Galaxy A15"
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 2.0, 31.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (78.0, 8.0, 49.0)
    salida = io.BytesIO()
    imagen.save(salida, format="JPEG", quality=92, exif=exif)
    return salida.getvalue()


@pytest.fixture(scope="module")
def jpeg_de_telefono() -> bytes:
    contenido = _foto_de_telefono()
    with Image.open(io.BytesIO(contenido)) as imagen:  # the fixture is what it claims
        assert imagen.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert len(contenido) > 2 * 1024 * 1024
    return contenido


def _subir(cliente, sesion, contenido, *, nombre="IMG_20261207_101530.jpg", uid=None, **datos):
    return cliente.post(
        f"/mesas/sesion/{sesion.pk}/fotos/",
        {
            "foto-archivo": SimpleUploadedFile(nombre, contenido, "image/jpeg"),
            "foto-tipo": datos.pop("tipo", FotoSesion.Tipo.HOJA_FIRMADA),
            "foto-descripcion": datos.pop("descripcion", ""),
            "foto-uid": str(uid or uuid.uuid4()),
        },
        **datos,
    )


@pytest.mark.django_db
def test_foto_del_telefono_se_guarda_derecha_reducida_y_sin_gps(
    cliente_de, fac_cayambe, sesion_cayambe, jpeg_de_telefono
):
    cliente = cliente_de(fac_cayambe)
    respuesta = _subir(cliente, sesion_cayambe, jpeg_de_telefono, descripcion="Hoja 1 de 2")
    assert respuesta.status_code == 302
    assert respuesta["Location"].endswith(f"/mesas/sesion/{sesion_cayambe.pk}/#seccion-papel")
    foto = FotoSesion.objects.get(sesion=sesion_cayambe)
    assert foto.subida_por == fac_cayambe and foto.nombre_original == "IMG_20261207_101530.jpg"
    assert foto.nombre_archivo.endswith(".jpg") and "IMG_" not in foto.archivo.name

    with foto.archivo.open("rb") as archivo:
        guardada = archivo.read()
    assert len(guardada) < len(jpeg_de_telefono) / 2
    with Image.open(io.BytesIO(guardada)) as imagen:
        assert imagen.format == "JPEG"
        assert imagen.size == (1500, 2000)  # upright (portrait), 2000 px on its long side
        exif = imagen.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and ExifTags.Base.Model not in exif
    with foto.miniatura.open("rb") as archivo, Image.open(archivo) as miniatura:
        assert max(miniatura.size) == papel.LADO_MINIATURA

    # Shown on the session page, as a thumbnail that opens the photo.
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert 'id="seccion-papel"' in pagina and "Hoja 1 de 2" in pagina
    assert f'src="/media/{foto.miniatura.name}"' in pagina
    assert f'href="/media/{foto.archivo.name}"' in pagina
    assert 'capture="environment"' in pagina and 'accept="image/*,application/pdf"' in pagina


@pytest.mark.django_db
def test_foto_reenviada_con_el_mismo_uid_se_guarda_una_vez(
    cliente_de, fac_cayambe, sesion_cayambe, jpeg_de_telefono
):
    cliente = cliente_de(fac_cayambe)
    uid = uuid.uuid4()
    primera = _subir(cliente, sesion_cayambe, jpeg_de_telefono, uid=uid, HTTP_HX_REQUEST="true")
    segunda = _subir(cliente, sesion_cayambe, jpeg_de_telefono, uid=uid, HTTP_HX_REQUEST="true")
    assert primera.status_code == segunda.status_code == 200
    html = segunda.content.decode()
    assert "<html" not in html and 'id="seccion-papel"' in html
    assert "Foto guardada en la sesión." in html
    assert FotoSesion.objects.filter(sesion=sesion_cayambe).count() == 1
    assert FotoSesion.objects.get().uid == uid


@pytest.mark.django_db
def test_escaneo_en_pdf_y_archivo_que_no_es_foto(cliente_de, fac_cayambe, sesion_cayambe):
    cliente = cliente_de(fac_cayambe)
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    respuesta = _subir(cliente, sesion_cayambe, pdf, nombre="hoja-firmada.pdf")
    assert respuesta.status_code == 302
    foto = FotoSesion.objects.get()
    assert foto.es_pdf and not foto.miniatura

    falsa = b"<html><script>alert(1)</script></html>"
    respuesta = _subir(cliente, sesion_cayambe, falsa, nombre="foto.jpg", HTTP_HX_REQUEST="true")
    assert respuesta.status_code == 400
    assert "no corresponde a" in respuesta.content.decode()
    assert FotoSesion.objects.count() == 1


@pytest.mark.django_db
def test_fotos_solo_para_el_equipo_de_la_mesa_nunca_publicas(
    client, cliente_de, fac_cayambe, fac_mejia, crear_sesion, mesa_cayambe, jpeg_de_telefono
):
    sesion_cayambe = crear_sesion(mesa_cayambe, dias=0)  # under way: it can be closed
    # Uploading: the public is sent to log in, another table's facilitator refused.
    respuesta = _subir(client, sesion_cayambe, jpeg_de_telefono)
    assert respuesta.status_code == 302 and respuesta["Location"].startswith("/cuentas/")
    assert _subir(cliente_de(fac_mejia), sesion_cayambe, jpeg_de_telefono).status_code == 403
    assert not FotoSesion.objects.exists()

    _subir(cliente_de(fac_cayambe), sesion_cayambe, jpeg_de_telefono)
    foto = FotoSesion.objects.get()
    for nombre in (foto.archivo.name, foto.miniatura.name):
        propia = cliente_de(fac_cayambe).get(f"/media/{nombre}")
        assert propia.status_code == 200 and propia["Cache-Control"] == "private, no-store"
        assert cliente_de(fac_mejia).get(f"/media/{nombre}").status_code == 404
        assert cliente_de(None).get(f"/media/{nombre}").status_code == 404

    # Nor once the acta is published: its public page names no photo.
    sesion = _con_asistente(sesion_cayambe, fac_cayambe)
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
    services.acta_publicar(sesion=sesion, usuario=None)
    publica = cliente_de(None).get(sesion.get_public_url())
    assert publica.status_code == 200
    assert foto.archivo.name not in publica.content.decode()
    assert cliente_de(None).get(f"/media/{foto.archivo.name}").status_code == 404


def _con_asistente(sesion, usuario):
    from tests.factories import ActorFactory

    services.asistencia_registrar(sesion=sesion, actor=ActorFactory(persona=True), usuario=usuario)
    sesion.refresh_from_db()
    return sesion


@pytest.mark.django_db
def test_anexos_en_el_acta_para_firma_y_no_en_la_publica(
    cliente_de, fac_cayambe, crear_sesion, mesa_cayambe, jpeg_de_telefono
):
    sesion = _con_asistente(crear_sesion(mesa_cayambe, dias=0), fac_cayambe)
    cliente = cliente_de(fac_cayambe)
    _subir(cliente, sesion, jpeg_de_telefono, descripcion="Hoja 1 de 2")
    _subir(cliente, sesion, jpeg_de_telefono, tipo=FotoSesion.Tipo.SALA)
    hoja, sala = FotoSesion.objects.order_by("subida_en", "pk")

    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    # The signed sheet, photographed after closing: allowed, kept, not in the acta already made.
    assert _subir(cliente, sesion, jpeg_de_telefono, descripcion="Hoja 2 de 2").status_code == 302
    tarde = FotoSesion.objects.get(descripcion="Hoja 2 de 2")

    acta = documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
    if os.environ.get("PAPEL_CAPTURAS"):  # the annexes as the signing copy prints them
        Path(os.environ["PAPEL_CAPTURAS"], "acta-anexos.png").write_bytes(
            _png_de_pagina(_bytes(acta), resolucion=80)
        )
    texto = texto_pdf(acta)
    assert "ANEXOS" in texto  # a heading, in capitals
    assert "2 fotografías o escaneos, en el registro de la sesión" in texto
    assert "1. Hoja de asistencia firmada — Hoja 1 de 2" in texto
    assert "2. Sala o actividad" in texto
    assert hoja.nombre_archivo in texto and sala.nombre_archivo in texto
    assert "Hoja 2 de 2" not in texto

    publica = documento_solicitar(fuente=sesion, tipo="acta_publica", sistema=True)
    texto_publico = texto_pdf(documento_generar(documento_id=publica.pk))
    assert "ANEXOS" not in texto_publico and hoja.nombre_archivo not in texto_publico

    # A photo the signed acta lists stays until the session is reopened; a later one may go.
    quitar = f"/mesas/sesion/{sesion.pk}/fotos/{hoja.pk}/quitar/"
    respuesta = cliente.post(quitar)
    assert respuesta.status_code == 400
    assert "está en los anexos del acta (versión 1)" in respuesta.content.decode()
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert "En el acta v1" in pagina
    assert f"/fotos/{tarde.pk}/quitar/" in pagina and f"/fotos/{hoja.pk}/quitar/" not in pagina

    # Reopened and closed again: version 2 lists the late sheet too.
    sesion = services.sesion_reabrir(sesion=sesion, usuario=fac_cayambe)
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    texto = texto_pdf(documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk))
    assert "3 fotografías o escaneos" in texto and "Hoja 2 de 2" in texto


@pytest.mark.django_db
def test_quitar_una_foto_pide_confirmacion_y_borra_sus_archivos(
    cliente_de,
    fac_cayambe,
    fac_mejia,
    sesion_cayambe,
    jpeg_de_telefono,
    django_capture_on_commit_callbacks,
):
    cliente = cliente_de(fac_cayambe)
    _subir(cliente, sesion_cayambe, jpeg_de_telefono)
    foto = FotoSesion.objects.get()
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert 'data-confirmar="¿Quitar esta foto de la sesión? No se puede deshacer."' in pagina

    quitar = f"/mesas/sesion/{sesion_cayambe.pk}/fotos/{foto.pk}/quitar/"
    assert cliente_de(fac_mejia).post(quitar).status_code == 403
    cliente = cliente_de(fac_cayambe)
    archivos = [foto.archivo.name, foto.miniatura.name]
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente.post(quitar, HTTP_HX_REQUEST="true")
    assert (
        respuesta.status_code == 200 and "Foto quitada de la sesión." in respuesta.content.decode()
    )
    assert not FotoSesion.objects.exists()
    assert not any(default_storage.exists(nombre) for nombre in archivos)


@pytest.mark.django_db
def test_no_se_quita_la_foto_de_otra_sesion_por_la_direccion_de_la_propia(
    cliente_de, fac_cayambe, sesion_cayambe, sesion_mejia, jpeg_de_telefono
):
    ajena = services.foto_sesion_subir(
        sesion=sesion_mejia,
        archivo=SimpleUploadedFile("sala.jpg", jpeg_de_telefono, "image/jpeg"),
        tipo=FotoSesion.Tipo.SALA,
    )
    url = f"/mesas/sesion/{sesion_cayambe.pk}/fotos/{ajena.pk}/quitar/"
    assert cliente_de(fac_cayambe).post(url).status_code == 404
    assert FotoSesion.objects.filter(pk=ajena.pk).exists()
    # Nor by sending its uid again to another session.
    respuesta = _subir(cliente_de(fac_cayambe), sesion_cayambe, jpeg_de_telefono, uid=ajena.uid)
    assert respuesta.status_code == 400
    assert "Esta foto ya se subió a otra sesión." in respuesta.content.decode()
    assert not FotoSesion.objects.filter(sesion=sesion_cayambe).exists()
