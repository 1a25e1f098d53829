"""What the public sees: tables, published sessions and agreements; never drafts or contact data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mesas import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def publicada(mesa_cayambe, fac_cayambe, coordinadora, crear_sesion, crear_persona, organizacion):
    """A session of Cayambe with attendance, closed and its acta published (eager pipeline)."""

    def crear(n_personas=2, dias=-3):
        sesion = crear_sesion(mesa_cayambe, dias=dias)
        for i in range(n_personas):
            persona = crear_persona(
                "Rosa", f"Farinango {sesion.numero}-{i}", email=f"r{i}@correo.ec"
            )
            services.asistencia_registrar(sesion=sesion, actor=persona, organizacion=organizacion)
        services.acuerdo_registrar(
            sesion=sesion, texto=f"Acuerdo público {sesion.numero}", responsables=[organizacion]
        )
        sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
        from core.documentos import documento_generar

        documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
        sesion = services.acta_publicar(sesion=sesion, usuario=coordinadora)
        documento_generar(documento_id=selectors.acta_publica_actual(sesion=sesion).pk)
        return sesion

    return crear


def test_el_publico_ve_mesas_sesiones_publicadas_y_acuerdos_sin_datos_personales(
    client, publicada, crear_sesion, mesa_cayambe, crear_persona
):
    sesion = publicada()
    borrador = crear_sesion(mesa_cayambe, dias=5)
    services.acuerdo_registrar(sesion=borrador, texto="Acuerdo en borrador secreto")
    services.asistencia_registrar(sesion=borrador, actor=crear_persona("Oculto", "Borrador"))

    lista = client.get("/mesas/").content.decode()
    assert "Mesa cantonal de turismo de Cayambe" in lista and "Floricultura" in lista

    pagina = client.get("/mesas/turismo-cayambe/").content.decode()
    assert "Acuerdo público 1" in pagina
    assert "Acuerdo en borrador secreto" not in pagina
    assert "Acta (PDF)" in pagina

    detalle = client.get(sesion.get_public_url()).content.decode()
    # the attendees did not consent to be named: their organisation stands in their place
    assert "Asociación de Turismo Comunitario Kayambi" in detalle
    assert "Farinango" not in detalle
    for dato in ["r0@correo.ec", "0991234567", "099 123 4567", "kayambi@example.org"]:
        assert dato not in pagina and dato not in detalle

    assert client.get(f"/mesas/turismo-cayambe/sesiones/{borrador.numero}/").status_code == 404


def test_pdf_del_acta_publicada_se_descarga_sin_cuenta(client, publicada):
    sesion = publicada()
    acta = selectors.acta_publica_actual(sesion=sesion)
    respuesta = client.get(f"/documentos/{acta.uuid}/descargar/")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    # the acta for signature, with every name, stays with the programme
    firmada = selectors.acta_actual(sesion=sesion)
    assert client.get(f"/documentos/{firmada.uuid}/descargar/").status_code in (302, 404)


def test_acta_no_publicada_no_se_descarga_sin_cuenta(
    client, sesion_cayambe_ayer, fac_cayambe, crear_persona
):
    services.asistencia_registrar(sesion=sesion_cayambe_ayer, actor=crear_persona())
    sesion = services.sesion_cerrar(
        sesion=sesion_cayambe_ayer, version=sesion_cayambe_ayer.version, usuario=fac_cayambe
    )
    acta = selectors.acta_actual(sesion=sesion)
    assert client.get(f"/documentos/{acta.uuid}/descargar/").status_code in (302, 404)


def _consultas(cliente, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert cliente.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_consultas_de_la_pagina_de_mesa_no_crecen_con_sesiones_ni_asistentes(client, publicada):
    publicada(n_personas=2, dias=-30)
    pocas = _consultas(client, "/mesas/turismo-cayambe/")
    for dias in (-20, -10, -5):
        publicada(n_personas=6, dias=dias)
    assert _consultas(client, "/mesas/turismo-cayambe/") == pocas


def test_consultas_de_la_pagina_de_registro_no_crecen_con_asistentes(
    cliente_de, fac_cayambe, sesion_cayambe, crear_persona, organizacion
):
    cliente = cliente_de(fac_cayambe)
    url = f"/mesas/sesion/{sesion_cayambe.pk}/"

    def registrar_una_persona():
        persona = crear_persona()
        services.asistencia_registrar(
            sesion=sesion_cayambe, actor=persona, organizacion=organizacion
        )
        services.intervencion_registrar(
            sesion=sesion_cayambe, actor=persona, tipo="propuesta", resumen="x"
        )
        services.acuerdo_registrar(
            sesion=sesion_cayambe, texto="A", responsables=[persona, organizacion]
        )

    registrar_una_persona()
    pocas = _consultas(cliente, url)
    for _ in range(8):
        registrar_una_persona()
    assert _consultas(cliente, url) == pocas


def test_api_mesas_y_sesiones_publicadas(client, publicada, crear_sesion, mesa_cayambe, settings):
    settings.PORTAL_URL = "https://pactos.example"
    sesion = publicada(n_personas=3)
    crear_sesion(mesa_cayambe, dias=4)  # planned: never in the API
    mesas = client.get("/api/v1/mesas/").json()
    assert len(mesas) == 13
    cayambe = next(m for m in mesas if m["slug"] == "turismo-cayambe")
    assert cayambe["tipo"] == "turismo" and cayambe["canton"] == "1702"
    flor = next(m for m in mesas if m["slug"] == "agro-floricultura")
    assert flor["tipo"] == "agropecuario" and flor["sector"] == "floricultura"

    datos = client.get("/api/v1/sesiones/").json()
    assert datos["count"] == 1
    s = datos["results"][0]
    assert s["numero"] == sesion.numero and s["participacion"]["asistentes"] == 3
    assert s["participacion"]["mujeres"] == 3
    assert s["acuerdos"][0]["texto"] == "Acuerdo público 1"
    # On the public address, never the host the request came through (issue 14, item 1).
    assert s["acta_url"].startswith("https://pactos.example/documentos/") and s[
        "acta_url"
    ].endswith("/descargar/")
    texto = client.get("/api/v1/sesiones/").content.decode()
    # No attendee's personal data. (Not a bare "099": a document's random UUID may hold it.)
    assert "@" not in texto
    for asistencia in sesion.asistencias.select_related("actor", "organizacion"):
        for actor in filter(None, (asistencia.actor, asistencia.organizacion)):
            telefono = actor.telefono
            datos = [actor.identificacion]
            if telefono:
                datos += [telefono.as_e164, telefono.as_national.replace(" ", "")]
            for dato in filter(None, datos):
                assert dato not in texto, dato
    assert client.post("/api/v1/sesiones/", {}).status_code in (401, 403, 405)


def test_pagina_de_mesas_en_ingles(client):
    html = client.get("/en/mesas/").content.decode()
    assert "Dialogue tables" in html and "Cantonal tourism tables" in html


def test_las_fechas_siguen_el_idioma_de_la_pagina(client, publicada):
    """Dates use the language's own format: '25 de noviembre de 2026' / 'Nov. 25, 2026', never a
    Spanish pattern with English month names ('25 de November de 2026')."""
    from django.utils import formats, timezone, translation

    sesion = publicada()
    # The page shows the date in the portal's time zone (UTC−5): between 00:00 and 05:00 UTC the
    # UTC date is already the next day.
    inicio = timezone.localtime(sesion.inicio)
    with translation.override("es"):
        es = formats.date_format(inicio, "DATE_FORMAT")
    with translation.override("en"):
        en = formats.date_format(inicio, "DATE_FORMAT")
        mes = formats.date_format(inicio, "F")
    assert es in client.get("/mesas/turismo-cayambe/").content.decode()
    for pagina in ("/en/mesas/turismo-cayambe/", "/en" + sesion.get_public_url()):
        html = client.get(pagina).content.decode()
        assert f" de {mes}" not in html
    assert en in client.get("/en/mesas/turismo-cayambe/").content.decode()
