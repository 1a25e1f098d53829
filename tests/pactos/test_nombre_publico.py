"""A commitment's lead who is a person appears in public only with their consent to be named:
the pacto page, the commitment page, the API (JSON and CSV) and the pacto's PDF show their
organisation (or "Participante") instead; the staff pages keep the name."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.documentos import documento_generar
from core.models import Documento
from tests.ayudas_pdf import texto_pdf
from tests.factories import ActorFactory, CompromisoFactory
from tests.personas_publicas import (
    CONSIENTE,
    ORGANIZACION_DE_RESERVADO,
    crear_personas,
    nombra_a_todos,
    retirar_consentimiento,
    sin_nombres_ocultos,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def liderados(pacto_publicado):
    p = crear_personas()
    # numbered 2, 3 and 4 after the published pacto's commitment
    compromisos = [
        CompromisoFactory(pacto=pacto_publicado, lider=lider)
        for lider in (p.consiente, p.reservado, p.sin_organizacion)
    ]
    return pacto_publicado, compromisos


def test_responsables_sin_consentimiento_aparecen_por_su_organizacion(
    client, liderados, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    pacto, compromisos = liderados
    assert client.post(f"/documentos/solicitar/pacto/{pacto.slug}/").status_code == 302
    documento = Documento.objects.get(tipo="pacto")
    documento_generar(documento_id=documento.pk)
    textos = {
        "lista de pactos": client.get(reverse("pactos:pactos_publicos")).content.decode(),
        "página del pacto": client.get(pacto.get_public_url()).content.decode(),
        "API de pactos": client.get("/api/v1/pactos/").content.decode(),
        "API de compromisos": client.get("/api/v1/compromisos/").content.decode(),
        "API en CSV": client.get("/api/v1/compromisos/?format=csv").content.decode(),
        "feed de avances": client.get(reverse("pactos:feed_avances")).content.decode(),
        "PDF del pacto": texto_pdf(documento),
    }
    for c in compromisos:
        textos[f"compromiso {c.numero}"] = client.get(c.get_public_url()).content.decode()
    for donde, texto in textos.items():
        sin_nombres_ocultos(texto, donde)

    assert CONSIENTE in textos["compromiso 2"]
    assert ORGANIZACION_DE_RESERVADO in textos["compromiso 3"]
    assert "Participante" in textos["compromiso 4"]
    for donde in ("página del pacto", "PDF del pacto"):
        assert CONSIENTE in textos[donde] and ORGANIZACION_DE_RESERVADO in textos[donde]
        assert "Participante" in textos[donde]
    responsables = {
        c["numero"]: c["responsable"] for c in client.get("/api/v1/compromisos/").json()["results"]
    }
    assert responsables[2]["nombre"] == CONSIENTE
    assert responsables[3] == {"id": None, "nombre": ORGANIZACION_DE_RESERVADO, "siglas": ""}
    assert responsables[4]["nombre"] == "Participante"
    assert responsables[1]["id"] is not None  # an organisation keeps its id


def test_el_equipo_ve_los_nombres(cliente_de, coordinadora, liderados):
    pacto, _compromisos = liderados
    cliente = cliente_de(coordinadora)
    gestion = cliente.get(reverse("pactos:pacto_gestion", args=[pacto.pk])).content.decode()
    tablero = cliente.get(reverse("pactos:tablero_compromisos")).content.decode()
    nombra_a_todos(gestion, "gestión del pacto")
    nombra_a_todos(tablero, "tablero de compromisos")


def test_consultas_no_crecen_con_responsables_personas(client, liderados):
    pacto, _compromisos = liderados
    urls = [pacto.get_public_url(), "/api/v1/compromisos/"]

    def consultas(url) -> int:
        cache.clear()  # the public page is cached; the rows below bypass the services
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    antes = {url: consultas(url) for url in urls}
    for _ in range(5):  # people who did not consent to be named
        CompromisoFactory(pacto=pacto, lider=ActorFactory(persona=True))
    assert {url: consultas(url) for url in urls} == antes


def test_quien_retira_su_consentimiento_desaparece_del_pdf_del_pacto(
    client, liderados, coordinadora, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    pacto, compromisos = liderados
    client.post(f"/documentos/solicitar/pacto/{pacto.slug}/")
    documento = Documento.objects.get(tipo="pacto")
    documento_generar(documento_id=documento.pk)
    assert CONSIENTE in texto_pdf(documento)
    retirar_consentimiento(compromisos[0].lider, coordinadora)
    documento.refresh_from_db()
    assert documento.estado == Documento.Estado.PENDIENTE
    documento_generar(documento_id=documento.pk)
    assert "Farinango" not in texto_pdf(documento)
