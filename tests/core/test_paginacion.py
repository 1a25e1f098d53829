"""One pagination for every list: links keep the list's filters and change only the page."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from comunicacion.models import Mensaje


def _html(url, clave=None, **extra):
    request = RequestFactory().get(url)
    pagina = Paginator(range(100), 10).get_page(request.GET.get(clave or "pagina"))
    contexto = {"pagina": pagina, "request": request, **extra}
    if clave:
        contexto["clave"] = clave
    return render_to_string("includes/paginacion.html", contexto, request=request)


def test_los_enlaces_conservan_los_filtros_y_cambian_la_pagina():
    html = _html("/lista/?estado=vencidos&q=agua+potable&pagina=3")
    assert 'href="?estado=vencidos&amp;q=agua+potable&amp;pagina=2"' in html
    assert 'href="?estado=vencidos&amp;q=agua+potable&amp;pagina=4"' in html
    assert "Página 3 de 10" in html
    sin_filtros = _html("/lista/?page=2", clave="page")
    assert 'href="?page=1"' in sin_filtros and 'href="?page=3"' in sin_filtros


def test_una_sola_pagina_no_muestra_navegacion():
    request = RequestFactory().get("/lista/")
    pagina = Paginator(range(5), 10).get_page(1)
    html = render_to_string("includes/paginacion.html", {"pagina": pagina}, request=request)
    assert "pagination" not in html


@pytest.mark.django_db
def test_la_bandeja_filtrada_pagina_sin_perder_el_filtro(comunicador, cliente_de):
    """The inbox filtered by state keeps the filter on page 2 (it used to drop it)."""
    Mensaje.objects.bulk_create(
        Mensaje(nombre="Vecina", email=f"v{i}@example.org", asunto=f"Asunto {i}", texto="¿?")
        for i in range(30)
    )
    url = reverse("comunicacion:bandeja")
    html = cliente_de(comunicador).get(url, {"estado": "nuevo"}).content.decode()
    assert 'href="?estado=nuevo&amp;page=2"' in html
