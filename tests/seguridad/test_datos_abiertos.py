"""The open-data bundle built from the demo data with its drafts and private records: nothing
unpublished, no contact or ID of any actor or user, no name of a person who did not consent."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from actores.models import Actor
from actores.selectors import personas_sin_consentimiento_de_nombre
from datos.services import paquete_construir

from .conftest import SECRETO

pytestmark = pytest.mark.django_db


def test_el_paquete_no_lleva_borradores_ni_datos_personales(escenario):
    paquete = paquete_construir()
    with default_storage.open(paquete.archivo, "rb") as archivo:
        contenido = zipfile.ZipFile(io.BytesIO(archivo.read()))
    textos = {n: contenido.read(n).decode("utf-8-sig") for n in contenido.namelist()}
    assert sum(f["filas"] for f in paquete.recursos) > 100  # the demo's published data is there
    assert "Estrategia provincial de turismo de Pichincha" in textos["pactos.csv"]

    prohibidos = {SECRETO}
    prohibidos |= set(Actor.objects.exclude(email="").values_list("email", flat=True))
    prohibidos |= set(get_user_model().objects.exclude(email="").values_list("email", flat=True))
    prohibidos |= set(
        Actor.objects.filter(naturaleza="persona")
        .exclude(identificacion="")
        .values_list("identificacion", flat=True)
    )
    prohibidos |= {
        str(t)[-9:] for t in Actor.objects.exclude(telefono="").values_list("telefono", flat=True)
    }
    prohibidos |= {p.nombre for p in personas_sin_consentimiento_de_nombre()}
    fugas = [(n, p) for n, texto in textos.items() for p in prohibidos if p and p in texto]
    assert not fugas
