"""The open-data front door as a visitor and a harvester meet it: the landing page, Swagger UI
and Redoc on the portal's own files, the bundle (ZIP) and the DCAT catalogue, rebuilt when the
published data changes. Privacy of the bundle on the demo data: tests/seguridad/test_datos_abiertos.py."""

import csv
import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from pyld import jsonld

from comunicacion.models import Noticia
from datos import services
from datos.models import PaqueteDatos
from datos.recursos import DESCRIPCIONES, recursos_publicos
from datos.tasks import actualizar_paquete_datos
from tests.pasos import organizacion_comunitaria, persona_comunitaria

pytestmark = pytest.mark.django_db

PORTAL = "https://pactos.example.org"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PORTAL


def _noticia(titulo: str, *, publicada: bool) -> Noticia:
    campos = (
        {"estado": Noticia.Estado.PUBLICADA, "publicada_en": timezone.now()} if publicada else {}
    )
    return Noticia.objects.create(
        titulo=titulo, slug=titulo.lower().replace(" ", "-"), resumen="R", cuerpo="C", **campos
    )


@pytest.fixture
def datos():
    """A little published data beside a draft and a person's private details."""
    organizacion_comunitaria("Asociación Turística Yunguilla", visible_publico=True)
    persona_comunitaria(
        "Rosa",
        "Farinango",
        "mujer",
        email="rosa.privada@correo.ec",
        telefono="+593998877665",
        identificacion="1710034065",
    )
    _noticia("Noticia publicada del programa", publicada=True)
    _noticia("Borrador reservado Xq9", publicada=False)


def _zip(client) -> zipfile.ZipFile:
    respuesta = client.get("/datos/pactos-pichincha-datos-abiertos.zip")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/zip"
    assert re.search(
        r'filename="pactos-pichincha-datos-abiertos-\d{4}-\d\d-\d\d\.zip"',
        respuesta["Content-Disposition"],
    )
    return zipfile.ZipFile(io.BytesIO(b"".join(respuesta.streaming_content)))


def _item_noticias(respuesta) -> str:
    html = respuesta.content.decode()
    return " ".join(re.search(r'id="noticias">(.*?)</li>', html, re.S).group(1).split())


def test_la_portada_explica_los_datos_en_espanol_con_enlaces(client, datos):
    services.paquete_construir()
    respuesta = client.get("/datos/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert '<html lang="es">' in html and "Datos abiertos de Pactos por Pichincha" in html
    # Every resource of the API's router, with its Spanish line (none left to the docstring).
    assert set(DESCRIPCIONES) == {r.nombre for r in recursos_publicos()}
    for recurso in recursos_publicos():
        assert recurso.ruta in html and recurso.descripcion in html and recurso.titulo in html
    for enlace in (
        "/api/v1/docs/",
        "/api/v1/redoc/",
        "/api/v1/schema/",
        "/datos/catalogo.jsonld",
        "/datos/pactos-pichincha-datos-abiertos.zip",
        "/datos/cantones.csv",
    ):
        assert f'href="{enlace}"' in html, enlace
    assert "CC BY 4.0" in html and "https://creativecommons.org/licenses/by/4.0/" in html
    assert "600 solicitudes por minuto" in html  # the throttle rate of settings
    assert f"curl -s &#x27;{PORTAL}/api/v1/pactos/&#x27;" in html  # examples on PORTAL_URL
    paquete = PaqueteDatos.objects.get()
    assert "Actualizado el" in html and f"{paquete.tamano / 1024:.1f}".replace(".", ",") in html
    # The footer's "API de datos abiertos" opens this page, not DRF's root.
    assert client.get("/").content.decode().count('href="/datos/"') >= 1
    assert client.get("/en/datos/").status_code == 200


@pytest.mark.parametrize("ruta", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_swagger_y_redoc_solo_con_archivos_del_portal(client, ruta):
    respuesta = client.get(ruta)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not cuerpo.strip() for attrs, cuerpo in scripts)
    for recurso in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
        assert recurso.startswith("/static/"), recurso  # same origin, no CDN
        assert finders.find(recurso.removeprefix("/static/")), recurso
    assert "<style" not in html and "unsafe-inline" not in respuesta["Content-Security-Policy"]
    assert 'data-esquema="/api/v1/schema/"' in html


def test_el_paquete_trae_csv_como_la_api_leeme_diccionario_y_nada_privado(
    client, datos, celery_en_proceso, django_capture_on_commit_callbacks
):
    # The first request finds no bundle: it asks for one (a task, here run in process).
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get("/datos/pactos-pichincha-datos-abiertos.zip").status_code == 503
    archivo = _zip(client)
    nombres = set(archivo.namelist())
    csvs = {f"{r.nombre}.csv" for r in recursos_publicos()}
    assert csvs | {"LEEME.txt", "diccionario.csv", "catalogo.jsonld"} == nombres
    # The same columns and cells as the API's own CSV (cantones: one page holds them all).
    assert archivo.read("cantones.csv") == client.get("/api/v1/cantones/?format=csv").content
    noticias = archivo.read("noticias.csv").decode("utf-8-sig")
    assert "Noticia publicada del programa" in noticias
    todo = "".join(archivo.read(n).decode("utf-8-sig") for n in nombres)
    for privado in ("Borrador reservado Xq9", "rosa.privada@correo.ec", "998877665", "1710034065"):
        assert privado not in todo
    assert "Asociación Turística Yunguilla" in archivo.read("actores.csv").decode("utf-8-sig")
    leeme = archivo.read("LEEME.txt").decode()
    assert "DATOS ABIERTOS DE PACTOS POR PICHINCHA" in leeme and "CC BY 4.0" in leeme
    assert "noticias.csv (1 filas)" in leeme
    diccionario = list(
        csv.DictReader(io.StringIO(archivo.read("diccionario.csv").decode("utf-8-sig")))
    )
    assert list(diccionario[0]) == ["archivo", "columna", "tipo", "significado"]
    for nombre in csvs:
        cabecera = next(csv.reader(io.StringIO(archivo.read(nombre).decode("utf-8-sig"))))
        descritas = [d["columna"] for d in diccionario if d["archivo"] == nombre]
        assert cabecera == descritas, nombre
    assert all(d["tipo"] and d["significado"] for d in diccionario)
    # One file of the bundle on its own, at the address the catalogue names.
    respuesta = client.get("/datos/noticias.csv")
    assert respuesta.status_code == 200 and respuesta.content == archivo.read("noticias.csv")
    assert client.get("/datos/usuarios.csv").status_code == 404


def test_el_catalogo_dcat_es_json_ld_valido(client, datos):
    services.paquete_construir()
    respuesta = client.get("/datos/catalogo.jsonld")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("application/ld+json")
    documento = json.loads(respuesta.content)
    assert {"@context", "@type", "dcat:dataset"} <= set(documento)
    (catalogo,) = jsonld.expand(documento)  # the context is inline: nothing is fetched
    assert catalogo["@type"] == [f"{DCAT}Catalog"]
    assert catalogo[f"{DCT}license"] == [{"@id": "https://creativecommons.org/licenses/by/4.0/"}]
    editor = catalogo[f"{DCT}publisher"][0]
    assert (
        editor["http://xmlns.com/foaf/0.1/name"][0]["@value"] == "Gobierno Provincial de Pichincha"
    )
    assert catalogo[f"{DCT}modified"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#dateTime"
    conjuntos = catalogo[f"{DCAT}dataset"]
    assert len(conjuntos) == len(recursos_publicos()) + 1
    for conjunto in conjuntos:
        assert conjunto["@type"] == [f"{DCAT}Dataset"]
        for distribucion in conjunto[f"{DCAT}distribution"]:
            assert distribucion["@type"] == [f"{DCAT}Distribution"]
            enlace = distribucion[f"{DCAT}accessURL"][0]["@id"]
            assert enlace.startswith(PORTAL + "/"), enlace
    # A file the catalogue offers for download is there.
    descarga = conjuntos[0][f"{DCAT}distribution"][0][f"{DCAT}downloadURL"][0]["@id"]
    assert client.get(descarga.removeprefix(PORTAL)).status_code == 200


def test_el_paquete_se_rehace_cuando_cambian_los_datos_publicados(client, datos):
    primero = PaqueteDatos.objects.get(pk=actualizar_paquete_datos.apply().get())
    assert "1 fila " in _item_noticias(client.get("/datos/"))
    assert client.get("/datos/")["X-Pagina-Publica"] == "cache"
    # Nothing changed: the beat task keeps the bundle.
    assert actualizar_paquete_datos.apply().get() == primero.pk
    # An edit to a draft moves the mark, but the data is the same: same file, same date.
    Noticia.objects.filter(estado=Noticia.Estado.BORRADOR).get().save()
    assert actualizar_paquete_datos.apply().get() == primero.pk
    # A day without a check (changes made without signals): checked again, kept if the same.
    PaqueteDatos.objects.update(comprobado=timezone.now() - timedelta(days=2))
    assert services.paquete_obsoleto(PaqueteDatos.objects.get())
    assert actualizar_paquete_datos.apply().get() == primero.pk
    assert not services.paquete_obsoleto(PaqueteDatos.objects.get())
    # A publication: the next run builds a new bundle that holds it.
    _noticia("Segunda noticia publicada", publicada=True)
    assert services.paquete_obsoleto(PaqueteDatos.objects.first())
    nuevo = PaqueteDatos.objects.get(pk=actualizar_paquete_datos.apply().get())
    assert nuevo.pk != primero.pk and nuevo.generado > primero.generado
    assert "Segunda noticia publicada" in _zip(client).read("noticias.csv").decode("utf-8-sig")
    assert "Segunda noticia publicada" in client.get("/datos/noticias.csv").content.decode()
    # The landing page, cached before, shows the new bundle.
    assert "2 filas" in _item_noticias(client.get("/datos/"))
