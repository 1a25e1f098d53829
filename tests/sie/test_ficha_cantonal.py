"""The ficha cantonal: requested from the canton's public page, a one-page official PDF."""

import io

import pytest
from pypdf import PdfReader

from core.documentos import documento_generar, documento_solicitar, tipo_documento
from core.models import Documento
from sie.models import Canton

pytestmark = pytest.mark.django_db


@pytest.fixture
def medios(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def generar_ficha(codigo: str) -> tuple[Documento, PdfReader, str]:
    canton = Canton.objects.get(codigo=codigo)
    documento = documento_solicitar(fuente=canton, tipo="ficha_cantonal")
    documento = documento_generar(documento_id=documento.pk)
    lector = PdfReader(io.BytesIO(documento.archivo.read()))
    texto = "\n".join(p.extract_text() for p in lector.pages)
    return documento, lector, texto.replace("\xa0", " ")


def test_la_ficha_cantonal_es_publica_y_esta_registrada():
    definicion = tipo_documento("ficha_cantonal")
    assert definicion.permiso is None
    assert definicion.modelo == "sie.Canton" and definicion.campo_clave == "codigo"


def test_la_pagina_del_canton_ofrece_la_ficha(client):
    html = client.get("/sie/cantones/1703/").content.decode()
    assert 'action="/documentos/solicitar/ficha_cantonal/1703/"' in html
    assert "Descargar ficha cantonal (PDF)" in html
    assert 'method="post"' in html


def test_canton_desconocido_da_404(client):
    assert client.get("/sie/cantones/9999/").status_code == 404
    respuesta = client.post("/documentos/solicitar/ficha_cantonal/9999/")
    assert respuesta.status_code == 404
    assert "No encontramos esta página" in respuesta.content.decode()
    assert not Documento.objects.exists()


def test_ficha_de_mejia_una_pagina_con_sus_datos_y_fuentes(medios):
    documento, lector, texto = generar_ficha("1703")
    assert documento.estado == Documento.Estado.LISTO
    assert documento.nombre_archivo == "ficha-cantonal-1703-mejia.pdf"
    assert len(lector.pages) == 1
    for esperado in [
        "GOBIERNO PROVINCIAL DE PICHINCHA",
        "Mejía",
        "1703",
        "Machachi",  # seat
        "101.894",  # population (INEC 2022), written as in Ecuador
        "INEC, Censo de Población y Vivienda 2022",
        "Gobierno Provincial de Pichincha (aproximada)",  # source of the area
        "El Chaupi",  # a rural parish
        "TURISMO",
        "VOCACIÓN AGROPECUARIA",
        "Página 1 de 1",
    ]:
        assert esperado in texto, esperado


def test_ficha_de_quito_con_todas_sus_parroquias_cabe_en_una_pagina(medios):
    _, lector, texto = generar_ficha("1701")
    assert len(lector.pages) == 1
    canton = Canton.objects.get(codigo="1701")
    for parroquia in canton.parroquias.all():
        assert parroquia.nombre in texto
    for sector in canton.sectores.filter(eje__codigo="agropecuario"):
        assert sector.nombre in texto


def test_ficha_pedida_desde_la_pagina_en_ingles_sigue_en_espanol(
    client, medios, django_capture_on_commit_callbacks, celery_en_proceso
):
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post("/en/documentos/solicitar/ficha_cantonal/1703/")
    assert respuesta.status_code == 302 and respuesta["Location"].startswith("/en/documentos/")
    documento = Documento.objects.get()
    texto = PdfReader(io.BytesIO(documento.archivo.read())).pages[0].extract_text()
    assert "Cabecera cantonal" in texto
