"""Issue 14 item 7: the dashboard's "Compromisos por estado" chart shows each bar at the count of
its state as soon as the page shows it (an animation drew the bars short of their counts: a
screenshot or a print taken meanwhile showed them at about half)."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.roles import Rol
from pactos.models import Compromiso, Pacto
from sie.models import Eje

from .test_pactos_consolidacion import datos_de_referencia  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTEOS = {"sin_iniciar": 1, "en_curso": 4, "en_riesgo": 2, "cumplido": 6}


def _como_coordinadora(page, live_server, client, django_user_model, usuario) -> None:
    """The browser carries the session of a new coordinator."""
    coordinadora = django_user_model.objects.create_user(usuario, password="x-123-456")
    coordinadora.groups.add(Group.objects.get(name=Rol.COORDINACION))
    client.force_login(coordinadora)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_las_barras_del_grafico_por_estado_miden_lo_que_cuenta_la_tabla(
    page,
    live_server,
    client,
    django_user_model,
    datos_de_referencia,  # noqa: F811
):
    pacto = Pacto.objects.create(
        eje=Eje.objects.get(codigo="turismo"), titulo="Pacto de turismo", estado="firmado"
    )
    numero = 0
    for estado, n in CONTEOS.items():
        for _ in range(n):
            numero += 1
            Compromiso.objects.create(
                pacto=pacto, numero=numero, titulo=f"C{numero}", texto="T", estado=estado
            )
    _como_coordinadora(page, live_server, client, django_user_model, "coord_grafico")
    page.goto(f"{live_server.url}/pactos/compromisos/tablero/")
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector("
        "'canvas[data-datos=grafico-estados]'))"
    )
    dibujadas = page.evaluate(
        """() => {
          const grafico = Chart.getChart(document.querySelector('canvas[data-datos=grafico-estados]'));
          const eje = grafico.scales[grafico.options.indexAxis === 'y' ? 'x' : 'y'];
          return grafico.getDatasetMeta(0).data.map((barra, i) => {
            // What is on the screen now, as soon as the chart exists.
            const fin = barra.getProps(['x', 'y', 'base']);
            const punta = grafico.options.indexAxis === 'y' ? fin.x : fin.y;
            return {
              etiqueta: grafico.data.labels[i],
              largo: Math.round(
                (eje.getValueForPixel(punta) - eje.getValueForPixel(fin.base)) * 10) / 10,
            };
          });
        }"""
    )
    nombres = dict(Compromiso.Estado.choices)
    esperado = {str(nombres[e]): CONTEOS.get(e, 0) for e in nombres}
    assert {d["etiqueta"]: d["largo"] for d in dibujadas} == esperado
    # The table beside it gives the same counts.
    for estado, n in CONTEOS.items():
        fila = page.locator("tr", has=page.locator("th", has_text=str(nombres[estado]))).first
        assert fila.locator("td").first.inner_text().strip() == str(n)


def test_en_el_telefono_el_tablero_no_se_desplaza_de_lado(
    page,
    live_server,
    client,
    django_user_model,
    datos_de_referencia,  # noqa: F811
):
    """A coordinator on a 390 px phone: the "Por responsable" table, whose lead organisations have
    long names, scrolls inside its own box; the page itself never scrolls sideways."""
    from tests.factories import ActorFactory

    pacto = Pacto.objects.create(
        eje=Eje.objects.get(codigo="turismo"), titulo="Pacto de turismo", estado="firmado"
    )
    for numero, nombre in enumerate(
        [
            "Dirección de Gestión de Desarrollo Económico del GAD Provincial de Pichincha",
            "Asociación de Productores y Exportadores de Flores del Ecuador",
        ],
        start=1,
    ):
        Compromiso.objects.create(
            pacto=pacto,
            numero=numero,
            titulo=f"C{numero}",
            texto="T",
            estado="en_curso",
            lider=ActorFactory(nombre=nombre),
        )
    _como_coordinadora(page, live_server, client, django_user_model, "coord_telefono")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/pactos/compromisos/tablero/")
    expect(
        page.get_by_role("cell", name="Asociación de Productores y Exportadores de Flores").first
    ).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
