"""The generated-document pipeline, end to end with the ficha cantonal as the real document."""

import hashlib
import io
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from pypdf import PdfReader

from core.documentos import (
    TipoDocumento,
    documento_generar,
    documento_solicitar,
    documentos_barrer,
)
from core.models import Documento
from core.tasks import barrer_documentos_pendientes, generar_documento
from sie.models import Canton

MEJIA = "1703"
URL_SOLICITAR = f"/documentos/solicitar/ficha_cantonal/{MEJIA}/"


def texto_pdf(contenido: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(contenido)).pages)


def archivos_en(carpeta) -> list:
    return [p for p in carpeta.rglob("*") if p.is_file()]


def esperar_estado(documento: Documento, estados: set[str], segundos: float = 60) -> Documento:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        documento.refresh_from_db()
        if documento.estado in estados:
            return documento
        time.sleep(0.2)
    pytest.fail(f"el documento sigue {documento.estado} después de {segundos} s")


# --- In process (the embedded default; runs on SQLite too) ------------------------------------


@pytest.mark.django_db
def test_pedir_la_ficha_genera_el_pdf_y_la_pagina_de_estado_lo_ofrece(
    client, medios, celery_en_proceso, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(URL_SOLICITAR)
    documento = Documento.objects.get()
    assert respuesta.status_code == 302
    assert respuesta["Location"] == f"/documentos/{documento.uuid}/"
    assert documento.estado == Documento.Estado.LISTO
    assert documento.solicitado_por is None  # an anonymous visitor asked for it
    assert documento.intentos == 1

    contenido = documento.archivo.read()
    assert contenido.startswith(b"%PDF")
    assert documento.checksum == hashlib.sha256(contenido).hexdigest()
    assert documento.tamano == len(contenido)

    pagina = client.get(respuesta["Location"]).content.decode()
    assert "Ficha cantonal de Mejía" in pagina
    assert f"/documentos/{documento.uuid}/descargar/" in pagina
    assert 'hx-trigger="every 2s"' not in pagina  # ready: no more polling

    descarga = client.get(f"/documentos/{documento.uuid}/descargar/")
    assert descarga.status_code == 200
    assert descarga["Content-Type"] == "application/pdf"
    assert descarga["Content-Disposition"] == 'attachment; filename="ficha-cantonal-1703-mejia.pdf"'
    assert b"".join(descarga.streaming_content) == contenido


@pytest.mark.django_db
def test_pedir_dos_veces_da_el_mismo_documento_sin_regenerarlo(
    client, medios, celery_en_proceso, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            client.post(URL_SOLICITAR)
    assert len(callbacks) == 0  # the second request found it ready and enqueued nothing
    documento = Documento.objects.get()
    checksum = documento.checksum
    documento_generar(documento_id=documento.pk)  # the task delivered once more
    documento.refresh_from_db()
    assert (documento.checksum, documento.intentos) == (checksum, 1)
    assert len(archivos_en(medios)) == 1


@pytest.mark.django_db
def test_estado_pendiente_se_actualiza_solo_con_htmx(client, medios):
    canton = Canton.objects.get(codigo=MEJIA)
    documento = documento_solicitar(fuente=canton, tipo="ficha_cantonal")  # no commit: stays
    pagina = client.get(documento.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in pagina
    assert "Su documento está en la cola" in pagina

    parcial = client.get(documento.get_absolute_url(), headers={"HX-Request": "true"})
    html = parcial.content.decode()
    assert parcial.status_code == 200
    assert "<html" not in html and 'id="documento-estado"' in html
    assert 'hx-trigger="every 2s"' in html

    # The download of a document that is not ready yet leads back to its status page.
    descarga = client.get(f"/documentos/{documento.uuid}/descargar/")
    assert descarga.status_code == 302 and descarga["Location"] == documento.get_absolute_url()

    documento_generar(documento_id=documento.pk)
    html = client.get(documento.get_absolute_url(), headers={"HX-Request": "true"}).content
    assert b"every 2s" not in html and b"Descargar PDF" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/documentos/00000000-0000-4000-8000-000000000000/",
        "/documentos/00000000-0000-4000-8000-000000000000/descargar/",
        "/documentos/no-es-un-uuid/",
        "/documentos/1/descargar/",
        "/documentos/solicitar/ficha_cantonal/9999/",
        "/documentos/solicitar/ficha_cantonal/1706/",
        "/documentos/solicitar/tipo_inventado/1703/",
    ],
)
def test_ids_adulterados_o_desconocidos_dan_404_en_espanol(client, url):
    respuesta = client.post(url) if "solicitar" in url else client.get(url)
    assert respuesta.status_code == 404
    assert "No encontramos esta página" in respuesta.content.decode()


@pytest.mark.django_db
def test_id_de_documento_alterado_en_un_caracter_da_404(client, medios):
    documento = documento_solicitar(fuente=Canton.objects.get(codigo=MEJIA), tipo="ficha_cantonal")
    uuid = str(documento.uuid)
    alterado = uuid[:-1] + ("0" if uuid[-1] != "0" else "1")
    assert client.get(f"/documentos/{alterado}/").status_code == 404
    assert client.get(f"/documentos/{uuid}/").status_code == 200


@pytest.mark.django_db
def test_solicitar_solo_por_post(client):
    assert client.get(URL_SOLICITAR).status_code == 405


@pytest.mark.django_db
def test_un_error_al_generar_queda_registrado_y_se_puede_reintentar(
    client, medios, tipos_temporales, celery_en_proceso, django_capture_on_commit_callbacks
):
    tipos_temporales(
        TipoDocumento(
            tipo="ficha_rota",
            plantilla="sie/pdf/no_existe.html",
            modelo="sie.Canton",
            campo_clave="codigo",
            contexto=lambda canton: {},
            nombre_archivo=lambda canton: "rota.pdf",
            titulo=lambda canton: "Ficha rota",
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post("/documentos/solicitar/ficha_rota/1703/")
    documento = Documento.objects.get()
    assert documento.estado == Documento.Estado.ERROR
    assert documento.error.startswith("No se pudo generar el documento")
    pagina = client.get(respuesta["Location"]).content.decode()
    assert "No pudimos generar el documento." in pagina
    assert "Intentar de nuevo" in pagina and "no_existe.html" not in pagina

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/documentos/solicitar/ficha_rota/1703/")
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.ERROR and documento.intentos == 2


@pytest.mark.django_db
def test_la_regla_de_acceso_del_tipo_se_respeta(
    client, cliente_de, coordinadora, sin_rol, medios, tipos_temporales
):
    tipos_temporales(
        TipoDocumento(
            tipo="ficha_interna",
            plantilla="sie/pdf/ficha_cantonal.html",
            modelo="sie.Canton",
            campo_clave="codigo",
            permiso="core.ver_panel",
            contexto=lambda canton: {"canton": canton},
            nombre_archivo=lambda canton: "interna.pdf",
            titulo=lambda canton: "Ficha interna",
        )
    )
    url = "/documentos/solicitar/ficha_interna/1703/"
    respuesta = client.post(url)
    assert respuesta.status_code == 302 and respuesta["Location"].startswith("/cuentas/login/")
    assert cliente_de(sin_rol).post(url).status_code == 404
    assert not Documento.objects.exists()

    respuesta = cliente_de(coordinadora).post(url)
    documento = Documento.objects.get()
    assert respuesta.status_code == 302 and documento.solicitado_por == coordinadora
    assert cliente_de(coordinadora).get(documento.get_absolute_url()).status_code == 200
    assert cliente_de(sin_rol).get(documento.get_absolute_url()).status_code == 404
    anonimo = cliente_de(None).get(documento.get_absolute_url())
    assert anonimo.status_code == 302 and anonimo["Location"].startswith("/cuentas/login/")


@pytest.mark.django_db
def test_un_documento_por_fuente_tipo_y_version(medios):
    canton = Canton.objects.get(codigo=MEJIA)
    primero = documento_solicitar(fuente=canton, tipo="ficha_cantonal")
    segundo = documento_solicitar(fuente=canton, tipo="ficha_cantonal")
    assert primero.pk == segundo.pk
    assert (
        Documento.objects.filter(
            content_type=ContentType.objects.get_for_model(Canton), object_id=str(canton.pk)
        ).count()
        == 1
    )
    otro = documento_solicitar(fuente=Canton.objects.get(codigo="1701"), tipo="ficha_cantonal")
    assert otro.pk != primero.pk


@pytest.mark.django_db
def test_con_el_broker_caido_la_peticion_responde_y_el_barrido_lo_recupera(
    client, medios, sin_broker, django_capture_on_commit_callbacks
):
    with sin_broker(), django_capture_on_commit_callbacks(execute=True):
        inicio = time.monotonic()
        respuesta = client.post(URL_SOLICITAR)
        duracion = time.monotonic() - inicio
    assert respuesta.status_code == 302
    assert duracion < 5, f"la petición tardó {duracion:.1f} s con el broker caído"
    documento = Documento.objects.get()
    assert documento.estado == Documento.Estado.PENDIENTE and documento.encolado is None
    assert "Su documento está en la cola" in client.get(respuesta["Location"]).content.decode()

    with sin_broker():
        assert documentos_barrer(antiguedad=0) == 0  # still down: nothing sent, nothing lost
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.PENDIENTE

    # Broker back (in process here): the periodic sweep gets it produced.
    current = pytest.importorskip("celery").current_app
    anterior = current.conf.task_always_eager
    current.conf.task_always_eager = True
    try:
        assert documentos_barrer(antiguedad=0) == 1
    finally:
        current.conf.task_always_eager = anterior
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.LISTO


@pytest.mark.django_db
def test_el_barrido_respeta_la_antiguedad_y_rescata_generaciones_colgadas(
    medios, celery_en_proceso
):
    from datetime import timedelta

    from django.utils import timezone

    canton = Canton.objects.get(codigo=MEJIA)
    documento = documento_solicitar(fuente=canton, tipo="ficha_cantonal")
    assert documentos_barrer() == 0  # just asked for: the request's own enqueue is trusted

    # A worker died while generating it, long ago.
    Documento.objects.filter(pk=documento.pk).update(
        estado=Documento.Estado.GENERANDO,
        generando_desde=timezone.now() - timedelta(hours=1),
        creado=timezone.now() - timedelta(hours=1),
    )
    assert barrer_documentos_pendientes.apply().get() == 1
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.LISTO


@pytest.mark.django_db
def test_la_tarea_enviada_con_un_id_que_no_existe_no_falla(celery_en_proceso):
    assert generar_documento.apply(args=[987654]).get() is None


# --- A real Celery worker on Redis ------------------------------------------------------------


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_real_genera_una_sola_vez_aunque_la_tarea_llegue_dos_veces(
    celery_worker_real, medios
):
    canton = Canton.objects.get(codigo=MEJIA)
    documento = documento_solicitar(fuente=canton, tipo="ficha_cantonal")  # enqueued on commit
    otra = generar_documento.delay(documento.pk)
    otra_mas = generar_documento.delay(documento.pk)
    assert otra.get(timeout=60) == "listo" and otra_mas.get(timeout=60) == "listo"

    documento = esperar_estado(documento, {Documento.Estado.LISTO})
    assert Documento.objects.count() == 1
    assert documento.intentos == 1
    archivos = archivos_en(medios)
    assert len(archivos) == 1
    contenido = archivos[0].read_bytes()
    assert documento.checksum == hashlib.sha256(contenido).hexdigest()
    texto = texto_pdf(contenido)
    assert "Mejía" in texto and "1703" in texto and "Machachi" in texto


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_real_broker_caido_y_luego_el_barrido(
    client, celery_worker_real, medios, sin_broker
):
    with sin_broker():
        inicio = time.monotonic()
        respuesta = client.post(URL_SOLICITAR)
        duracion = time.monotonic() - inicio
    assert respuesta.status_code == 302 and duracion < 5
    documento = Documento.objects.get()
    time.sleep(1)
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.PENDIENTE

    assert barrer_documentos_pendientes.delay().get(timeout=30) == 0  # too recent for the sweep
    assert documentos_barrer(antiguedad=0) == 1
    documento = esperar_estado(documento, {Documento.Estado.LISTO})
    assert "Mejía" in texto_pdf(documento.archivo.read())
