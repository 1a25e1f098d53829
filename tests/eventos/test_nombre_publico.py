"""A speaker taken from the actor map is named in public only with their consent to be named:
the event page, the open-data API and the printable programme show their organisation instead
(no photo, post or bio either); the staff programme page keeps the name."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.documentos import documento_generar
from core.models import Documento
from eventos import services
from tests.ayudas_pdf import texto_pdf
from tests.personas_publicas import (
    CONSIENTE,
    ORGANIZACION_DE_RESERVADO,
    crear_personas,
    nombra_a_todos,
    persona,
    retirar_consentimiento,
    sin_nombres_ocultos,
)

pytestmark = pytest.mark.django_db

GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.fixture
def con_ponentes(evento, coordinadora, programar, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    p = crear_personas()

    def ponente(actor, **datos):
        return services.ponente_guardar(
            evento=evento, usuario=coordinadora, datos={"actor": actor, **datos}
        )

    ponentes = [
        ponente(p.consiente, cargo="Presidenta de la junta", bio="Guía de aviturismo."),
        # his post and bio would identify him: neither is published
        ponente(
            p.reservado,
            cargo="Tesorero de la cooperativa Quilumbaquín",
            bio="Segundo Quilumbaquín, productor de leche.",
            foto=SimpleUploadedFile("reservado.gif", GIF, content_type="image/gif"),
        ),
        ponente(p.sin_organizacion),
        services.ponente_guardar(  # typed in by hand: a public speaker of the programme
            evento=evento,
            usuario=coordinadora,
            datos={"nombre": "Dra. Paulina Andrango", "cargo": "Directora de Planificación"},
        ),
    ]
    programar(
        "Resultados de las mesas de turismo",
        evento.inicio + timedelta(hours=1),
        ponentes=ponentes[:3],
        moderadores=[ponentes[1]],
    )
    return evento


def test_ponentes_sin_consentimiento_aparecen_por_su_organizacion(con_ponentes, client):
    evento = con_ponentes
    assert client.post(f"/documentos/solicitar/eventos_programa/{evento.slug}/").status_code == 302
    programa = Documento.objects.get(tipo=services.TIPO_PROGRAMA)
    documento_generar(documento_id=programa.pk)
    textos = {
        "página del evento": client.get(f"/eventos/{evento.slug}/").content.decode(),
        "página en inglés": client.get(f"/en/eventos/{evento.slug}/").content.decode(),
        "API de eventos": client.get("/api/v1/eventos/").content.decode(),
        "API del evento": client.get(f"/api/v1/eventos/{evento.slug}/").content.decode(),
        "API en CSV": client.get("/api/v1/eventos/?format=csv").content.decode(),
        "calendario": client.get(f"/eventos/{evento.slug}/evento.ics").content.decode(),
        "calendario general": client.get("/eventos/calendario.ics").content.decode(),
        "feed": client.get("/eventos/feed/").content.decode(),
        "programa (PDF)": texto_pdf(programa),
    }
    for donde, texto in textos.items():
        sin_nombres_ocultos(texto, donde)
        assert "reservado" not in texto.lower(), donde  # nor his photo's file
    pagina = textos["página del evento"]
    assert CONSIENTE in pagina and "Presidenta de la junta" in pagina
    assert ORGANIZACION_DE_RESERVADO in pagina and "Participante" in pagina
    assert "Dra. Paulina Andrango" in pagina
    assert CONSIENTE in textos["programa (PDF)"]
    assert ORGANIZACION_DE_RESERVADO in textos["programa (PDF)"]
    ponentes = {
        p["nombre"]: p for p in client.get(f"/api/v1/eventos/{evento.slug}/").json()["ponentes"]
    }
    assert set(ponentes) == {
        CONSIENTE,
        ORGANIZACION_DE_RESERVADO,
        "Participante",
        "Dra. Paulina Andrango",
    }
    oculto = ponentes[ORGANIZACION_DE_RESERVADO]
    assert (oculto["cargo"], oculto["bio"], oculto["foto"]) == ("", "", None)


def test_el_equipo_ve_los_nombres(con_ponentes, cliente_de, coordinadora):
    html = cliente_de(coordinadora).get(f"/eventos/gestion/{con_ponentes.pk}/programa/")
    texto = html.content.decode()
    nombra_a_todos(texto, "programa del equipo")


def test_consultas_de_la_pagina_no_crecen_con_ponentes(con_ponentes, client, coordinadora):
    url = f"/eventos/{con_ponentes.slug}/"

    def consultas() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    antes = consultas()
    for i in range(5):
        p = persona(f"Ponente {i}", "Sin Consentimiento")
        services.ponente_guardar(evento=con_ponentes, usuario=coordinadora, datos={"actor": p})
    assert consultas() == antes


def test_quien_retira_su_consentimiento_desaparece_del_programa(con_ponentes, client, coordinadora):
    from actores.models import Actor

    client.post(f"/documentos/solicitar/eventos_programa/{con_ponentes.slug}/")
    programa = Documento.objects.get(tipo=services.TIPO_PROGRAMA)
    documento_generar(documento_id=programa.pk)
    assert CONSIENTE in texto_pdf(programa)
    retirar_consentimiento(Actor.objects.get(nombre=CONSIENTE), coordinadora)
    programa.refresh_from_db()
    assert programa.estado == Documento.Estado.PENDIENTE
    documento_generar(documento_id=programa.pk)
    assert "Farinango" not in texto_pdf(programa)
    assert "Farinango" not in client.get(f"/eventos/{con_ponentes.slug}/").content.decode()
