"""A person is named in public only with their consent (LOPDP): every public answer about a
session (its page, the table's page, the API in JSON and CSV, the calendar, the published acta
read back from the PDF) shows the organisation, or "Participante", in place of whoever did not
agree; the acta for signature and the staff pages keep every name."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actores.models import Actor
from core.documentos import documento_generar
from mesas import selectors, services
from tests.ayudas_pdf import texto_pdf
from tests.personas_publicas import (
    CONSIENTE,
    ORGANIZACION,
    ORGANIZACION_DE_RESERVADO,
    RESERVADO,
    crear_personas,
    nombra_a_todos,
    retirar_consentimiento,
    sin_nombres_ocultos,
)

pytestmark = pytest.mark.django_db


def _registrar(sesion, p, por):
    punto = services.punto_agenda_agregar(sesion=sesion, titulo="Diagnóstico turístico")
    # the consenting person and the reserved one attend for the association; the third alone
    services.asistencia_registrar(sesion=sesion, actor=p.consiente, organizacion=p.organizacion)
    services.asistencia_registrar(sesion=sesion, actor=p.reservado, organizacion=p.organizacion)
    services.asistencia_registrar(sesion=sesion, actor=p.sin_organizacion)
    for persona, resumen in (
        (p.consiente, "Ruta del bizcocho"),
        (p.reservado, "Señalética bilingüe"),
        (p.sin_organizacion, "Feria de productores"),
    ):
        services.intervencion_registrar(
            sesion=sesion, actor=persona, tipo="propuesta", resumen=resumen, punto=punto
        )
    services.acuerdo_registrar(
        sesion=sesion, texto="Levantar el inventario turístico", responsables=[p.consiente]
    )
    services.acuerdo_registrar(
        sesion=sesion, texto="Diseñar la señalética", responsables=[p.reservado]
    )
    services.acuerdo_registrar(
        sesion=sesion, texto="Organizar la feria", responsables=[p.sin_organizacion]
    )


def _publicar(sesion, coordinadora):
    """Publish a closed session as the pipeline would: the acta for signature first, then the
    published version that publication asks for."""
    documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
    sesion = services.acta_publicar(sesion=sesion, usuario=coordinadora)
    documento_generar(documento_id=selectors.acta_publica_actual(sesion=sesion).pk)
    return sesion


@pytest.fixture
def personas():
    return crear_personas()


@pytest.fixture
def publicada(mesa_cayambe, fac_cayambe, coordinadora, crear_sesion, personas):
    sesion = crear_sesion(mesa_cayambe, dias=-3)
    _registrar(sesion, personas, fac_cayambe)
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    return _publicar(sesion, coordinadora)


def _respuestas_publicas(client, sesion) -> dict[str, str]:
    """Every public answer that can speak of this session's people."""
    acta = selectors.acta_publica_actual(sesion=sesion)
    respuestas = {
        "página de la sesión": client.get(sesion.get_public_url()),
        "página de la mesa": client.get(sesion.mesa.get_absolute_url()),
        "lista de mesas": client.get("/mesas/"),
        "API de sesiones": client.get("/api/v1/sesiones/"),
        "API de la sesión": client.get(f"/api/v1/sesiones/{sesion.pk}/"),
        "API de sesiones en CSV": client.get("/api/v1/sesiones/?format=csv"),
        "API de mesas": client.get("/api/v1/mesas/"),
        "calendario de la mesa": client.get(f"/mesas/{sesion.mesa.slug}/calendario.ics"),
        "calendario de las mesas": client.get("/mesas/calendario.ics"),
        "página en inglés": client.get("/en" + sesion.get_public_url()),
        "estado del acta": client.get(f"/documentos/{acta.uuid}/"),
    }
    textos = {}
    for donde, respuesta in respuestas.items():
        assert respuesta.status_code == 200, donde
        textos[donde] = respuesta.content.decode()
    descarga = client.get(f"/documentos/{acta.uuid}/descargar/")
    assert descarga.status_code == 200
    textos["acta publicada (PDF)"] = texto_pdf(acta)
    return textos


def test_ninguna_respuesta_publica_nombra_a_quien_no_consintio(client, publicada):
    textos = _respuestas_publicas(client, publicada)
    for donde, texto in textos.items():
        sin_nombres_ocultos(texto, donde)

    pagina = textos["página de la sesión"]
    assert CONSIENTE in pagina
    assert ORGANIZACION in pagina and "Participante" in pagina
    assert "Señalética bilingüe" in pagina  # what was said stays; who said it does not
    # attendees in the order of what is shown: a row's place hints at no hidden name
    lista = pagina.split("asistentes</h2>")[1]
    assert lista.index(ORGANIZACION) < lista.index("Participante") < lista.index(CONSIENTE)

    acta = textos["acta publicada (PDF)"]
    assert "Versión publicada" in acta
    assert CONSIENTE in acta and ORGANIZACION in acta and "Participante" in acta
    assert "Firma" not in acta

    assert "Levantar el inventario" in textos["página de la mesa"]
    assert (
        CONSIENTE in textos["página de la mesa"] and "Participante" in textos["página de la mesa"]
    )

    acuerdos = {
        a["texto"]: a["responsables"]
        for a in client.get("/api/v1/sesiones/").json()["results"][0]["acuerdos"]
    }
    assert acuerdos == {
        "Levantar el inventario turístico": [CONSIENTE],
        # he attended for the association: it stands in his place
        "Diseñar la señalética": [ORGANIZACION],
        "Organizar la feria": ["Participante"],
    }
    filas = list(csv.DictReader(io.StringIO(textos["API de sesiones en CSV"])))
    assert filas and CONSIENTE in str(filas) and "Participante" in str(filas)


def test_el_acta_para_firma_y_las_paginas_del_equipo_nombran_a_todos(
    client, cliente_de, publicada, fac_cayambe, coordinadora
):
    firmada = selectors.acta_actual(sesion=publicada)
    texto = texto_pdf(firmada)
    nombra_a_todos(texto, "acta para firma")
    assert "Ejemplar para firma" in texto and "Firma" in texto
    # ... and only the programme can download it
    assert client.get(f"/documentos/{firmada.uuid}/descargar/").status_code in (302, 404)
    assert cliente_de(coordinadora).get(f"/documentos/{firmada.uuid}/descargar/").status_code == 200

    registro = cliente_de(fac_cayambe).get(f"/mesas/sesion/{publicada.pk}/").content.decode()
    nombra_a_todos(registro, "registro de la sesión")


def test_quien_da_su_consentimiento_aparece_despues_por_su_nombre(client, publicada, personas):
    Actor.objects.filter(pk=personas.reservado.pk).update(consentimiento_nombre_publico=True)
    assert RESERVADO in client.get(publicada.get_public_url()).content.decode()


def test_fuera_de_una_sesion_lo_representa_su_organizacion_de_membresia(
    client, mesa_cayambe, fac_cayambe, coordinadora, crear_sesion, personas
):
    """Named as responsable without attending: his membership organisation stands in."""
    sesion = crear_sesion(mesa_cayambe, dias=-3)
    services.asistencia_registrar(sesion=sesion, actor=personas.consiente)
    services.acuerdo_registrar(sesion=sesion, texto="Acuerdo X", responsables=[personas.reservado])
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    sesion = _publicar(sesion, coordinadora)
    pagina = client.get(sesion.get_public_url()).content.decode()
    assert ORGANIZACION_DE_RESERVADO in pagina
    sin_nombres_ocultos(pagina, "página de la sesión")


def test_quien_asistio_a_titulo_personal_no_se_publica_como_su_organizacion(
    client, mesa_cayambe, fac_cayambe, coordinadora, crear_sesion, personas
):
    """He belongs to a cooperative but came in his own name (no organisation on his attendance):
    his proposal must not be published as the cooperative's; "Participante" stands in."""
    sesion = crear_sesion(mesa_cayambe, dias=-3)
    services.asistencia_registrar(sesion=sesion, actor=personas.reservado)
    services.intervencion_registrar(
        sesion=sesion, actor=personas.reservado, tipo="propuesta", resumen="Feria en Ascázubi"
    )
    services.acuerdo_registrar(sesion=sesion, texto="Acuerdo Y", responsables=[personas.reservado])
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    sesion = _publicar(sesion, coordinadora)
    pagina = client.get(sesion.get_public_url()).content.decode()
    assert ORGANIZACION_DE_RESERVADO not in pagina
    assert "Participante" in pagina
    sin_nombres_ocultos(pagina, "página de la sesión")
    api = client.get("/api/v1/sesiones/").json()
    responsables = [
        r for s in api["results"] for a in s.get("acuerdos", []) for r in a["responsables"]
    ]
    assert ORGANIZACION_DE_RESERVADO not in responsables and "Participante" in responsables


def _consultas(client, url) -> int:
    cache.clear()  # measure the page, not the public page cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_consultas_planas_con_mas_personas(
    client, publicada, crear_persona, personas, coordinadora
):
    """The public name costs no query per person on the pages and the API."""
    urls = [
        publicada.get_public_url(),
        publicada.mesa.get_absolute_url(),
        "/api/v1/sesiones/",
        "/api/v1/sesiones/?format=csv",
    ]
    antes = {url: _consultas(client, url) for url in urls}
    services.sesion_reabrir(sesion=publicada, usuario=coordinadora)
    for i in range(6):
        persona = crear_persona("Nueva", f"Persona {i}")
        services.asistencia_registrar(sesion=publicada, actor=persona)
        services.intervencion_registrar(
            sesion=publicada, actor=persona, tipo="propuesta", resumen="x"
        )
        services.acuerdo_registrar(
            sesion=publicada, texto=f"A{i}", responsables=[persona, personas.reservado]
        )
    publicada.refresh_from_db()
    sesion = services.sesion_cerrar(
        sesion=publicada, version=publicada.version, usuario=coordinadora
    )
    _publicar(sesion, coordinadora)
    despues = {url: _consultas(client, url) for url in urls}
    assert despues == antes


def test_el_formulario_de_persona_nueva_registra_el_consentimiento(
    cliente_de, fac_cayambe, sesion_cayambe, organizacion
):
    cliente = cliente_de(fac_cayambe)
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert 'name="nuevo-consentimiento_nombre_publico"' in pagina

    def registrar(nombres, **consentimiento):
        respuesta = cliente.post(
            f"/mesas/sesion/{sesion_cayambe.pk}/nuevo/",
            {
                "nuevo-nombres": nombres,
                "nuevo-apellidos": "Tupiza",
                "nuevo-genero": "mujer",
                "nuevo-tipo": "comunitario",
                "nuevo-organizacion": organizacion.pk,
                **consentimiento,
            },
            HTTP_HX_REQUEST="true",
        )
        assert respuesta.status_code == 200
        return Actor.objects.get(nombre=f"{nombres} Tupiza")

    assert registrar(
        "Blanca", **{"nuevo-consentimiento_nombre_publico": "on"}
    ).consentimiento_nombre_publico
    assert not registrar("Carmen").consentimiento_nombre_publico


def test_retirar_el_consentimiento_mientras_se_genera_el_acta_no_deja_el_nombre(
    client, publicada, personas, coordinadora, monkeypatch, django_capture_on_commit_callbacks
):
    """She withdraws her consent while the worker is rendering the published acta (from the old
    data): that render must not become the public file; the acta is made again without her."""
    from core import documentos as modulo

    acta = selectors.acta_publica_actual(sesion=publicada)
    acta.__class__.objects.filter(pk=acta.pk).update(estado=acta.Estado.PENDIENTE)
    renderizar = modulo._renderizar_pdf
    retirado = []

    def renderizar_y_retirar(documento, definicion):
        resultado = renderizar(documento, definicion)  # read while she still consented
        if not retirado:
            retirado.append(True)
            retirar_consentimiento(personas.consiente, coordinadora)
        return resultado

    monkeypatch.setattr(modulo, "_renderizar_pdf", renderizar_y_retirar)
    with django_capture_on_commit_callbacks() as al_confirmar:
        documento_generar(documento_id=acta.pk)
    acta.refresh_from_db()
    assert acta.estado == acta.Estado.PENDIENTE and al_confirmar  # the stale render was dropped
    documento_generar(documento_id=acta.pk)  # the task sent again
    texto = texto_pdf(acta)
    assert "Farinango" not in texto and ORGANIZACION in texto


def test_quien_retira_su_consentimiento_desaparece_del_acta_publicada(
    client, publicada, personas, coordinadora, django_capture_on_commit_callbacks
):

    acta = selectors.acta_publica_actual(sesion=publicada)
    assert CONSIENTE in texto_pdf(acta)
    with django_capture_on_commit_callbacks() as al_confirmar:
        retirar_consentimiento(personas.consiente, coordinadora)
    acta.refresh_from_db()
    # the old file, with her name, is no longer served while the new one is produced
    assert acta.estado == acta.Estado.PENDIENTE and al_confirmar
    assert client.get(f"/documentos/{acta.uuid}/descargar/").status_code == 302
    documento_generar(documento_id=acta.pk)  # what the worker does with the enqueued task
    texto = texto_pdf(acta)
    assert "Farinango" not in texto and ORGANIZACION in texto
    assert "Farinango" not in client.get(publicada.get_public_url()).content.decode()
    # the acta for signature is not touched
    assert selectors.acta_actual(sesion=publicada).estado == acta.Estado.LISTO
