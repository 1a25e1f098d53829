"""Open data in CSV: a cell that holds a list of records is JSON, never Python's repr.

Found on the production-like stack: /api/v1/sesiones/?format=csv gave each session's agreements as
"{'numero': 1, 'texto': ..., 'indicador': None, ...}" (and the same in pactos' firmantes,
compromisos' rastro and eventos' sesiones): neither a person with a spreadsheet nor a program
could read it back.
"""

import csv
import io
import json

import pytest

from core.api import CSVRenderer
from core.documentos import documento_generar
from mesas import selectors, services
from tests.personas_publicas import CONSIENTE, crear_personas

pytestmark = pytest.mark.django_db


def test_los_acuerdos_de_una_sesion_en_csv_son_el_json_de_la_api(
    client, mesa_cayambe, fac_cayambe, coordinadora, crear_sesion
):
    p = crear_personas()
    sesion = crear_sesion(mesa_cayambe, dias=-2)
    services.asistencia_registrar(sesion=sesion, actor=p.consiente, organizacion=p.organizacion)
    services.acuerdo_registrar(
        sesion=sesion, texto="Levantar el inventario turístico", responsables=[p.consiente]
    )
    services.acuerdo_registrar(sesion=sesion, texto="Organizar la feria", responsables=[])
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    documento_generar(documento_id=selectors.acta_actual(sesion=sesion).pk)
    sesion = services.acta_publicar(sesion=sesion, usuario=coordinadora)
    documento_generar(documento_id=selectors.acta_publica_actual(sesion=sesion).pk)

    texto = client.get("/api/v1/sesiones/?format=csv").content.decode("utf-8-sig")
    assert "{'" not in texto and "None" not in texto
    (fila,) = list(csv.DictReader(io.StringIO(texto)))
    acuerdos = json.loads(fila["acuerdos"])
    assert acuerdos == client.get("/api/v1/sesiones/").json()["results"][0]["acuerdos"]
    assert acuerdos[0]["texto"] == "Levantar el inventario turístico"
    assert acuerdos[0]["responsables"] == [CONSIENTE]
    assert acuerdos[1]["indicador"] is None


def test_listas_de_nombres_siguen_como_texto_separado_por_punto_y_coma():
    renderer = CSVRenderer()
    texto = renderer.render(
        [
            {
                "socios": [{"id": 1, "nombre": "Asociación Kayambi"}, {"id": 2, "nombre": "GAD"}],
                "etiquetas": ["turismo", "agro"],
                "firmantes": [{"organizacion": {"nombre": "MAG"}, "fecha": "2026-11-26"}],
            }
        ]
    ).decode("utf-8-sig")
    (fila,) = list(csv.DictReader(io.StringIO(texto)))
    assert fila["socios"] == "Asociación Kayambi; GAD"
    assert fila["etiquetas"] == "turismo; agro"
    assert json.loads(fila["firmantes"]) == [
        {"organizacion": {"nombre": "MAG"}, "fecha": "2026-11-26"}
    ]
