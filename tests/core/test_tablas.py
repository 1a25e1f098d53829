"""One way to render a list: includes/tabla.html with a row template and {% columnas %} heads."""

import re

from django.template import Context, Template

FILA = Template("<tr><td>{{ fila }}</td><td>{{ forloop.counter }}</td></tr>")


def _html(parametros: str, **contexto) -> str:
    plantilla = Template(
        "{% load tablas %}"
        '{% columnas _("Nombre") _("Total")|derecha _("Acciones")|oculta as columnas %}'
        '{% include "includes/tabla.html" with plantilla_fila=fila_prueba ' + parametros + " %}"
    )
    html = plantilla.render(Context({"fila_prueba": FILA, **contexto}))
    return re.sub(r"\s+", " ", html).replace(" >", ">")


def test_cabeceras_filas_y_rotulo():
    html = _html('filas=filas rotulo="Personas" clase_tabla="table-hover"', filas=["Ana", "Luis"])
    assert '<div class="table-responsive"> <table class="table table-hover">' in html
    assert '<caption class="visually-hidden">Personas</caption>' in html
    assert '<th scope="col"> Nombre </th>' in html
    assert '<th scope="col" class="text-end"> Total </th>' in html
    assert '<th scope="col"> <span class="visually-hidden">Acciones</span> </th>' in html
    assert "<tr><td>Ana</td><td>1</td></tr>" in html
    assert "<tr><td>Luis</td><td>2</td></tr>" in html


def test_lista_vacia_muestra_el_mensaje_donde_se_pide():
    parrafo = _html('filas=filas vacio="Nada todavía."', filas=[])
    assert '<p class="text-body-secondary">Nada todavía.</p>' in parrafo
    assert "<table" not in parrafo
    aviso = _html('filas=filas vacio="Nada todavía." vacio_como="aviso"', filas=[])
    assert '<div class="alert alert-light border">Nada todavía.</div>' in aviso
    assert "<table" not in aviso
    fila = _html('filas=filas vacio="Nada." vacio_como="fila" vacio_clase="small"', filas=[])
    assert "<thead>" in fila
    assert '<td colspan="3" class="small">Nada.</td>' in fila


def test_sin_mensaje_la_tabla_vacia_se_muestra_con_sus_cabeceras():
    html = _html("filas=filas sin_envoltura=True", filas=[])
    assert "table-responsive" not in html
    assert "<thead>" in html and "<tbody> </tbody>" in html
