# ruff: noqa: F811 - the fixtures imported from comunicacion's tests are used as arguments
"""Issue 14 item 8: every answer of the open-data API matches the OpenAPI schema it publishes
(`ComentarioConsulta.sector` came back null where the schema promised a string). Real answers,
with the optional relations left empty, are validated against /api/v1/schema/."""

import datetime
import json

import jsonschema
import pytest
from django.utils import timezone
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from eventos import services as eventos_srv
from eventos.models import Evento
from tests.comunicacion._consulta import comentar, consulta, pacto_borrador  # noqa: F401

pytestmark = pytest.mark.django_db

RAIZ = "urn:pactos:api"


def _a_json_schema(nodo):
    """OpenAPI 3.0 → JSON Schema 2020-12: `nullable`, boolean exclusive bounds, local refs."""
    if isinstance(nodo, list):
        return [_a_json_schema(v) for v in nodo]
    if not isinstance(nodo, dict):
        return nodo
    nodo = {k: _a_json_schema(v) for k, v in nodo.items()}
    for limite, exclusivo in (("maximum", "exclusiveMaximum"), ("minimum", "exclusiveMinimum")):
        if isinstance(nodo.get(exclusivo), bool) and nodo.pop(exclusivo):
            nodo[exclusivo] = nodo.pop(limite)
    if isinstance(nodo.get("$ref"), str) and nodo["$ref"].startswith("#/"):
        nodo["$ref"] = RAIZ + nodo["$ref"]
    if nodo.pop("nullable", False):
        return {"anyOf": [nodo, {"type": "null"}]}
    return nodo


@pytest.fixture
def datos_con_vacios(coordinadora, comentar):
    """A published comment without canton nor sector, an event without parish."""
    comentar(canton=None)
    ahora = timezone.now()
    inicio = ahora + datetime.timedelta(days=10)
    eventos_srv.evento_crear(
        usuario=coordinadora,
        datos={
            "tipo": Evento.Tipo.SOCIALIZACION,
            "titulo": "Encuentro virtual",
            "resumen": "En línea.",
            "inicio": inicio,
            "fin": inicio + datetime.timedelta(hours=2),
            "modalidad": Evento.Modalidad.VIRTUAL,
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "acceso": Evento.Acceso.PUBLICO,
            "publicado": True,
            "enlace_virtual": "https://reunion.example/sala",
        },
    )


def test_cada_respuesta_de_la_api_cumple_su_esquema(client, datos_con_vacios):
    documento = client.get("/api/v1/schema/", {"format": "json"}).json()
    registro = Registry().with_resource(
        RAIZ,
        Resource.from_contents(
            {"components": _a_json_schema(documento["components"])},
            default_specification=DRAFT202012,
        ),
    )
    revisadas = {}
    for ruta, operaciones in documento["paths"].items():
        operacion = operaciones.get("get")
        if operacion is None or "{" in ruta or "/schema" in ruta:
            continue
        contenido = operacion["responses"]["200"]["content"]
        esquema = _a_json_schema(contenido["application/json"]["schema"])
        respuesta = client.get(ruta, {"format": "json"})
        assert respuesta.status_code == 200, ruta
        cuerpo = respuesta.json()
        errores = [
            f"{ruta} {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in jsonschema.Draft202012Validator(esquema, registry=registro).iter_errors(cuerpo)
        ]
        assert errores == []
        revisadas[ruta] = len(cuerpo["results"] if isinstance(cuerpo, dict) else cuerpo)
    # The answers with the empty relations were among those checked.
    assert revisadas["/api/v1/consulta-comentarios/"] == 1
    assert revisadas["/api/v1/eventos/"] == 1
    comentario = client.get("/api/v1/consulta-comentarios/").json()["results"][0]
    evento = client.get("/api/v1/eventos/").json()["results"][0]
    assert comentario["sector"] is None and comentario["canton"] is None
    assert evento["parroquia"] is None and evento["canton"] is None
    print(json.dumps(revisadas))
