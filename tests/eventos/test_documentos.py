"""The systematization report and the attendance certificates, produced and read back."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.documentos import documento_generar
from core.models import Documento
from eventos import enlaces, services
from tests.ayudas_pdf import texto_pdf

from .conftest import ya_fue

pytestmark = pytest.mark.django_db


def _texto(documento) -> str:
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.LISTO, documento.error
    return texto_pdf(documento)


def _foto() -> SimpleUploadedFile:
    from PIL import Image

    salida = io.BytesIO()
    Image.new("RGB", (80, 60), (11, 107, 58)).save(salida, format="JPEG")
    return SimpleUploadedFile("foto.jpg", salida.getvalue(), content_type="image/jpeg")


@pytest.fixture
def evento_realizado(evento, dos_de_tres_asistieron, coordinadora):
    ya_fue(evento)
    services.sistematizacion_guardar(
        evento=evento,
        usuario=coordinadora,
        datos={
            "resumen": "Se presentaron los resultados de las 13 mesas.",
            "conclusiones": "Los actores validaron las prioridades.",
            "compromisos": "Publicar el informe final\nConvocar a la mesa de leche",
            "cobertura_prensa": "Diario El Comercio",
        },
    )
    services.foto_agregar(evento=evento, usuario=coordinadora, imagen=_foto(), pie="Mesa principal")
    evento.refresh_from_db()
    return evento


def test_informe_de_sistematizacion(evento_realizado, coordinadora):
    evento = evento_realizado
    documento = services.informe_solicitar(evento=evento, usuario=coordinadora)
    documento_generar(documento_id=documento.pk)
    texto = _texto(documento)
    for esperado in [
        evento.titulo,
        "Se presentaron los resultados de las 13 mesas.",
        "Publicar el informe final",
        "Diario El Comercio",
        "GOBIERNO PROVINCIAL DE PICHINCHA",
    ]:
        assert esperado in texto, esperado
    assert "example.org" not in texto  # no guest e-mails in the report
    # Editing the systematization makes a new version of the report.
    services.sistematizacion_guardar(
        evento=evento, usuario=coordinadora, datos={"resumen": "Resumen corregido."}
    )
    evento.refresh_from_db()
    nuevo = services.informe_solicitar(evento=evento, usuario=coordinadora)
    assert nuevo.pk != documento.pk and nuevo.version == documento.version + 1


def test_certificados_solo_para_quienes_asistieron(evento_realizado, coordinadora, client):
    evento = evento_realizado
    documentos = services.certificados_solicitar(evento=evento, usuario=coordinadora)
    assert len(documentos) == 2
    for documento in documentos:
        documento_generar(documento_id=documento.pk)
    asistente = evento.invitados.filter(asistio=True).order_by("pk").first()
    documento = next(d for d in documentos if d.object_id == str(asistente.pk))
    texto = _texto(documento)
    assert asistente.nombre in texto and evento.titulo in texto
    # The guest downloads it through the personal link; an absent guest has none.
    token = enlaces.token_respuesta(asistente)
    pagina = client.get(f"/eventos/invitacion/{token}/").content.decode()
    assert "Descargar mi certificado de asistencia" in pagina
    descarga = client.get(f"/eventos/invitacion/{token}/certificado/")
    assert descarga.status_code == 200
    assert b"".join(descarga.streaming_content).startswith(b"%PDF")
    ausente = evento.invitados.filter(asistio=False).first()
    assert (
        client.get(
            f"/eventos/invitacion/{enlaces.token_respuesta(ausente)}/certificado/"
        ).status_code
        == 404
    )


def test_programa_imprimible_publico(evento, programar, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    programar("Bienvenida", evento.inicio + timedelta(minutes=30))
    respuesta = client.post(f"/documentos/solicitar/eventos_programa/{evento.slug}/")
    assert respuesta.status_code == 302
    documento = Documento.objects.get(tipo=services.TIPO_PROGRAMA)
    documento_generar(documento_id=documento.pk)
    assert "Bienvenida" in _texto(documento)


def test_informe_pide_sistematizacion(evento, coordinadora):
    with pytest.raises(Exception, match="Registre primero la sistematización"):
        services.informe_solicitar(evento=evento, usuario=coordinadora)


def test_el_primer_informe_es_la_version_1_aunque_antes_se_editara(evento_realizado, coordinadora):
    evento = evento_realizado  # saved once and a photo added: nothing was reported yet
    services.sistematizacion_guardar(
        evento=evento, usuario=coordinadora, datos={"resumen": "Resumen revisado."}
    )
    evento.refresh_from_db()
    documento = services.informe_solicitar(evento=evento, usuario=coordinadora)
    documento_generar(documento_id=documento.pk)
    assert documento.version == 1
    assert "Versión 1" in _texto(documento)
    # After a report, a change makes the next version, once however many changes follow.
    services.foto_agregar(evento=evento, usuario=coordinadora, imagen=_foto(), pie="Otra")
    services.sistematizacion_guardar(
        evento=evento, usuario=coordinadora, datos={"resumen": "Resumen final."}
    )
    evento.refresh_from_db()
    assert services.informe_solicitar(evento=evento, usuario=coordinadora).version == 2
