"""API /api/v1/noticias/: published news only, sanitised body, no personal data."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_solo_noticias_publicadas(client, publicada, borrador, mensaje):
    datos = client.get("/api/v1/noticias/").json()
    resultados = datos["results"] if isinstance(datos, dict) else datos
    titulos = [n["titulo"] for n in resultados]
    assert publicada.titulo in titulos and borrador.titulo not in titulos
    assert client.get(f"/api/v1/noticias/{borrador.slug}/").status_code == 404
    detalle = client.get(f"/api/v1/noticias/{publicada.slug}/").json()
    assert detalle["cuerpo_html"] == "<p>Texto con <strong>negrita</strong>.</p>"
    assert "autor" not in detalle
    assert "rosa@example.org" not in client.get("/api/v1/noticias/").content.decode()
