"""Stored XSS: a script typed into any free-text field is shown as text on every page.

Every name, title, description, summary, body, note... of every record of the portal gets a
payload prefixed (a direct UPDATE, as a careless import or the admin could leave it), and then
every page of the permission matrix that Coordinación may open (public ones included) is
fetched: the payload must never come back as live markup, in HTML or in the feeds.
"""

import pytest
from django.apps import apps
from django.db import DatabaseError, models, transaction
from django.db.models.functions import Concat, Left
from django.urls import reverse

from .test_matriz_urls import MATRIZ

pytestmark = pytest.mark.django_db

CARGA = '"><svg onload=alert(1)>'
VIVA = "<svg onload=alert(1)>"
APPS = {"sie", "actores", "mesas", "pactos", "eventos", "comunicacion", "core"}
CAMPOS = {
    "nombre",
    "nombres",
    "apellidos",
    "siglas",
    "titulo",
    "descripcion",
    "resumen",
    "cuerpo",
    "texto",
    "preambulo",
    "estrategia",
    "objetivos",
    "notas",
    "nota",
    "bio",
    "cargo",
    "organizacion",
    "lugar",
    "direccion",
    "pie",
    "motivo",
    "asunto",
    "respuesta",
    "institucion",
    "institucion_organizadora",
    "sala",
    "comentario",
    "conclusiones",
    "resultado",
    "definicion",
    "fuente",
    "unidad",
    "imagen_alt",
    "tema",
    "justificacion",
}


def _sembrar() -> list[str]:
    sembrados = []
    for modelo in apps.get_models():
        if modelo._meta.app_label not in APPS or modelo.__name__.startswith("Historical"):
            continue
        for campo in modelo._meta.concrete_fields:
            if (
                campo.name not in CAMPOS
                or not isinstance(campo, (models.CharField, models.TextField))
                or campo.choices
                or (campo.max_length or 10_000) < len(CARGA) + 5
            ):
                continue
            resto = (campo.max_length or 10_000) - len(CARGA)
            valor = Concat(models.Value(CARGA), Left(models.F(campo.name), resto))
            try:
                with transaction.atomic():
                    modelo._default_manager.exclude(**{campo.name: ""}).update(
                        **{campo.name: valor}
                    )
            except DatabaseError:
                continue  # a unique constraint: that field keeps its value
            sembrados.append(f"{modelo._meta.label}.{campo.name}")
    return sembrados


@pytest.fixture(scope="module")
def sembrado(escenario, django_db_blocker):
    with django_db_blocker.unblock():
        punto = transaction.savepoint()
        try:
            yield _sembrar()
        finally:
            transaction.savepoint_rollback(punto)


def test_la_carga_llega_a_los_campos_de_texto(sembrado):
    for campo in ("actores.Actor.nombre", "comunicacion.Noticia.titulo", "pactos.Pacto.titulo"):
        assert campo in sembrado
    assert len(sembrado) > 30


PAGINAS = [
    f
    for f in MATRIZ
    if f.esperado.split()[2] == "200" and not f.nombre.startswith(("api-", "javascript"))
]


@pytest.mark.parametrize("fila", PAGINAS, ids=lambda f: f.id)
def test_ninguna_pagina_devuelve_la_carga_viva(fila, sembrado, escenario, cliente_rol):
    url = reverse(fila.nombre, kwargs=fila.kwargs(escenario)) + fila.consulta
    # Coordinación opens the public pages too, with the same templates; one visit per page.
    for rol in ("coordinacion",):
        respuesta = cliente_rol(rol).get(url)
        tipo = respuesta.get("Content-Type", "")
        if respuesta.status_code != 200 or not ("html" in tipo or "xml" in tipo):
            continue
        cuerpo = b"".join(respuesta) if respuesta.streaming else respuesta.content
        assert VIVA.encode() not in cuerpo, f"{rol} {url}: marcado vivo de un campo de texto"
