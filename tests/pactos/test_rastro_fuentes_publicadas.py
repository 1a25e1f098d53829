"""Issue 14 item 4: a commitment's trail never shows the public an agreement of a session whose
acta is not published, on any public route (pages, API, feeds, the pacto's PDF)."""

import itertools

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from core.documentos import documento_generar, documento_solicitar
from mesas.models import Sesion
from tests.ayudas_pdf import texto_pdf

pytestmark = pytest.mark.django_db

SECRETO = "Texto reservado del acuerdo sin acta publicada"
VISIBLE = "Texto del acuerdo con acta publicada"


def _rutas(resolver: URLResolver, prefijo: str = ""):
    """(name, names of the route's parameters) of every named route of the project."""
    for patron in resolver.url_patterns:
        if isinstance(patron, URLResolver):
            espacio = f"{prefijo}{patron.namespace}:" if patron.namespace else prefijo
            yield from _rutas(patron, espacio)
        elif isinstance(patron, URLPattern) and patron.name:
            convertidores = getattr(patron.pattern, "converters", {})
            yield f"{prefijo}{patron.name}", tuple(convertidores)


def _direcciones(valores: dict[str, list]) -> set[str]:
    """Every route reversible with the given candidate values of its parameters."""
    direcciones = set()
    for nombre, parametros in _rutas(get_resolver()):
        if any(p not in valores for p in parametros):
            continue
        for combinacion in itertools.product(*(valores[p] for p in parametros)):
            try:
                direcciones.add(
                    reverse(nombre, kwargs=dict(zip(parametros, combinacion, strict=True)))
                )
            except NoReverseMatch:
                continue
    return direcciones


@pytest.fixture
def rastro_mixto(pacto_publicado):
    """A published pacto whose commitment comes from a published and an unpublished session."""
    compromiso = pacto_publicado.compromisos.get()
    origenes = list(compromiso.origenes.select_related("acuerdo__sesion__mesa").order_by("pk"))
    assert len(origenes) == 2
    publicado, reservado = origenes[0].acuerdo, origenes[1].acuerdo
    publicado.texto, reservado.texto = VISIBLE, SECRETO
    publicado.save(update_fields=["texto"])
    reservado.save(update_fields=["texto"])
    Sesion.objects.filter(pk=publicado.sesion_id).update(estado=Sesion.Estado.ACTA_PUBLICADA)
    assert reservado.sesion.estado != Sesion.Estado.ACTA_PUBLICADA
    return compromiso, publicado, reservado


def test_ninguna_ruta_publica_muestra_el_acuerdo_de_una_sesion_sin_acta_publicada(
    client, rastro_mixto
):
    compromiso, publicado, reservado = rastro_mixto
    pacto = compromiso.pacto
    valores = {
        "slug": [pacto.slug, publicado.sesion.mesa.slug, reservado.sesion.mesa.slug],
        "numero": sorted({compromiso.numero, publicado.sesion.numero, reservado.sesion.numero}),
        "pk": sorted({pacto.pk, compromiso.pk, publicado.sesion_id, reservado.sesion_id}),
    }
    direcciones = _direcciones(valores)
    # The API in its other formats and the commitments' filters that walk the trail.
    direcciones |= {
        "/api/v1/sesiones/?format=csv",
        f"/api/v1/compromisos/{compromiso.pk}/",
        f"/api/v1/compromisos/?pacto={pacto.slug}",
        reverse("pactos:pacto_publico", args=[pacto.slug])
        + f"?canton={reservado.sesion.mesa.canton.codigo}",
    }
    assert reverse("pactos:compromiso_publico", args=[pacto.slug, compromiso.numero]) in (
        direcciones
    )
    vistas = {}
    for url in sorted(direcciones):
        respuesta = client.get(url)
        if respuesta.status_code != 200 or respuesta.streaming:
            continue
        vistas[url] = respuesta.content.decode("utf-8", "replace")
    assert len(vistas) > 20  # the crawl reached the public site, not only redirects
    fugas = [url for url, texto in vistas.items() if SECRETO in texto]
    assert fugas == []
    # The published agreement still reaches the public through the trail and the tables.
    detalle = vistas[compromiso.get_public_url()]
    assert VISIBLE in detalle
    assert reservado.sesion.mesa.nombre not in detalle
    assert VISIBLE in vistas[publicado.sesion.get_public_url()]
    assert VISIBLE in vistas[reverse("mesas:mesa", args=[publicado.sesion.mesa.slug])]
    # The API's trail names only the published agreement.
    api = client.get(f"/api/v1/compromisos/{compromiso.pk}/").json()
    assert [r["acuerdo"] for r in api["rastro"]] == [publicado.pk]
    # The pacto's page: "Viene de" lists the published table only.
    pagina = vistas[reverse("pactos:pacto_publico", args=[pacto.slug])]
    assert publicado.sesion.mesa.nombre in pagina
    assert reservado.sesion.mesa.nombre not in pagina
    # Filtering by the unpublished table's canton does not reveal the link either.
    filtrada = vistas[
        reverse("pactos:pacto_publico", args=[pacto.slug])
        + f"?canton={reservado.sesion.mesa.canton.codigo}"
    ]
    assert compromiso.titulo not in filtrada or reservado.sesion.mesa.canton == compromiso.canton


def test_el_pdf_publico_del_pacto_solo_cita_sesiones_con_acta_publicada(
    rastro_mixto, settings, tmp_path
):
    compromiso, publicado, reservado = rastro_mixto
    settings.MEDIA_ROOT = tmp_path
    documento = documento_solicitar(fuente=compromiso.pacto, tipo="pacto")
    documento = documento_generar(documento_id=documento.pk)
    assert documento.estado == "listo", documento.error
    texto = texto_pdf(documento)
    assert "Viene del acuerdo" in texto
    assert publicado.sesion.mesa.nombre in texto
    assert reservado.sesion.mesa.nombre not in texto
    assert SECRETO not in texto
