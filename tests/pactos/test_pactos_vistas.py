"""Permission table, the public never sees a draft, and pages that do not grow in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.documentos import tipo_documento
from mesas.models import Sesion
from pactos.services import pactos as srv
from tests.factories import CompromisoFactory

pytestmark = pytest.mark.django_db


# --- The permission table: role × page/object → allowed or not --------------------------------

PAGINAS_PERSONAL = [
    ("pactos:pactos_gestion", False),
    ("pactos:pacto_crear", True),
    ("pactos:tablero_compromisos", True),
    ("pactos:importar_avances", True),
]

# rol → (may see staff lists, may edit pactos)
TABLA = {
    "coordinacion": (True, True),
    "facilitacion": (True, False),
    "comunicacion": (True, False),
    "analisis": (True, False),
    "administracion": (True, True),  # a superuser: Django grants every permission
    "sin_rol": (False, False),
}


@pytest.mark.parametrize("rol", list(TABLA))
def test_tabla_de_permisos_de_paginas(rol, usuarios_por_rol, cliente_de):
    ver, editar = TABLA[rol]
    cliente = cliente_de(usuarios_por_rol[rol])
    for nombre, solo_coordinacion in PAGINAS_PERSONAL:
        esperado = editar if solo_coordinacion else ver
        respuesta = cliente.get(reverse(nombre))
        assert respuesta.status_code == (200 if esperado else 403), (rol, nombre)
        if not esperado and solo_coordinacion and ver:
            assert "Coordinación" in respuesta.content.decode()


def test_anonimo_va_al_login(client):
    respuesta = client.get(reverse("pactos:pactos_gestion"))
    assert respuesta.status_code == 302 and "/login" in respuesta["Location"]


@pytest.mark.parametrize(
    "quien, puede",
    [
        ("coordinadora", True),
        ("responsable", True),
        ("socio", True),
        ("otro_responsable", False),
        ("facilitador", False),
        ("sin_rol", False),
    ],
)
def test_solo_los_responsables_actualizan_sus_compromisos(
    quien, puede, request, pacto_publicado, crear_usuario, crear_organizacion, cliente_de
):
    compromiso = pacto_publicado.compromisos.get()
    socio_org = crear_organizacion("Municipio de Cayambe")
    compromiso.socios.add(socio_org)
    otra = crear_organizacion("Gremio ajeno")
    usuarios = {
        "coordinadora": request.getfixturevalue("coordinadora"),
        "responsable": request.getfixturevalue("responsable"),
        "facilitador": request.getfixturevalue("facilitador"),
        "sin_rol": request.getfixturevalue("sin_rol"),
    }
    usuarios["socio"] = crear_usuario("socio")
    srv.contacto_responsable_asignar(usuario=usuarios["socio"], actor=socio_org)
    usuarios["otro_responsable"] = crear_usuario("otro")
    srv.contacto_responsable_asignar(usuario=usuarios["otro_responsable"], actor=otra)

    user = usuarios[quien]
    assert user.has_perm("pactos.actualizar_compromiso", compromiso) is puede
    respuesta = cliente_de(user).post(
        reverse("pactos:compromiso_actualizar", args=[compromiso.pk]),
        {
            f"c{compromiso.pk}-estado": "en_curso",
            f"c{compromiso.pk}-avance": "30",
            f"c{compromiso.pk}-texto": "Hecho",
        },
    )
    assert respuesta.status_code == (302 if puede else 403)
    compromiso.refresh_from_db()
    assert (compromiso.avance == 30) is puede


def test_un_responsable_actualiza_en_un_solo_envio_desde_mis_compromisos(
    pacto_publicado, responsable, cliente_de
):
    compromiso = pacto_publicado.compromisos.get()
    cliente = cliente_de(responsable)
    pagina = cliente.get(reverse("pactos:mis_compromisos"))
    assert pagina.status_code == 200
    assert compromiso.titulo in pagina.content.decode()
    p = f"c{compromiso.pk}"
    respuesta = cliente.post(
        reverse("pactos:compromiso_actualizar", args=[compromiso.pk]),
        {
            f"{p}-estado": "en_curso",
            f"{p}-avance": "45",
            f"{p}-texto": "Señales en obra",
            "volver": "/pactos/mis-compromisos/",
        },
        follow=True,
    )
    assert "registrado" in respuesta.content.decode()
    compromiso.refresh_from_db()
    assert compromiso.avance == 45
    assert compromiso.actualizaciones.get().organizacion == compromiso.lider


def test_motivo_obligatorio_en_espanol(pacto_publicado, responsable, cliente_de):
    compromiso = pacto_publicado.compromisos.get()
    p = f"c{compromiso.pk}"
    respuesta = cliente_de(responsable).post(
        reverse("pactos:compromiso_actualizar", args=[compromiso.pk]),
        {f"{p}-estado": "retrasado", f"{p}-texto": "Se retrasó"},
        follow=True,
    )
    assert "Explique el motivo de este estado." in respuesta.content.decode()
    compromiso.refresh_from_db()
    assert compromiso.estado == "sin_iniciar"


# --- The public never sees a draft ----------------------------------------------------------


def test_el_publico_no_ve_un_pacto_en_borrador(client, compromiso, settings):
    pacto = compromiso.pacto
    assert client.get(reverse("pactos:pacto_publico", args=[pacto.slug])).status_code == 404
    assert (
        client.get(
            reverse("pactos:compromiso_publico", args=[pacto.slug, compromiso.numero])
        ).status_code
        == 404
    )
    assert pacto.titulo not in client.get(reverse("pactos:pactos_publicos")).content.decode()
    srv.pacto_cambiar_estado(pacto=pacto, estado="consulta", usuario=None)
    compromiso.refresh_from_db()
    # An update can only exist once signed; even so the feed and API filter by publication.
    assert compromiso.titulo not in client.get(reverse("pactos:feed_avances")).content.decode()
    assert client.get("/api/v1/pactos/").json()["count"] == 0
    assert client.get("/api/v1/compromisos/").json()["count"] == 0
    assert client.get(f"/api/v1/pactos/{pacto.slug}/").status_code == 404
    # The PDF: anonymous visitors may not ask for it (sent to log in), nor see a link.
    definicion = tipo_documento("pacto")
    assert definicion.permite(None, pacto) is False
    respuesta = client.post(reverse("core:documento_solicitar", args=["pacto", pacto.slug]))
    assert respuesta.status_code in (302, 404)
    if respuesta.status_code == 302:
        assert "login" in respuesta["Location"]


def test_el_publico_ve_el_pacto_publicado_con_rastro_feed_api_y_pdf(
    client, pacto_publicado, responsable
):
    compromiso = pacto_publicado.compromisos.get()
    # The trail shows agreements of sessions whose acta is published (issue 14, item 4).
    Sesion.objects.filter(acuerdos__origenes_compromiso__compromiso=compromiso).update(
        estado=Sesion.Estado.ACTA_PUBLICADA
    )
    srv.compromiso_actualizar(
        compromiso=compromiso,
        usuario=responsable,
        texto="Primeras señales",
        estado="en_curso",
        avance=20,
    )
    pagina = client.get(reverse("pactos:pacto_publico", args=[pacto_publicado.slug]))
    html = pagina.content.decode()
    assert pagina.status_code == 200 and compromiso.titulo in html
    assert "secreto.example.org" not in html  # no personal data
    assert reverse("core:documento_solicitar", args=["pacto", pacto_publicado.slug]) in html
    detalle = client.get(compromiso.get_public_url()).content.decode()
    for origen in compromiso.origenes.select_related("acuerdo__sesion__mesa"):
        assert origen.acuerdo.sesion.mesa.nombre in detalle
        assert origen.acuerdo.texto in detalle
    assert "Primeras señales" in detalle
    feed = client.get(reverse("pactos:feed_avances")).content.decode()
    assert "Primeras señales" in feed
    api = client.get("/api/v1/compromisos/").json()
    assert api["count"] == 1
    fila = api["results"][0]
    assert fila["avance"] == 20 and fila["responsable"]["nombre"] == compromiso.lider.nombre
    assert {r["acuerdo"] for r in fila["rastro"]} == set(
        compromiso.origenes.values_list("acuerdo_id", flat=True)
    )
    assert "email" not in str(api)
    assert tipo_documento("pacto").permite(None, pacto_publicado) is True


# --- Query counts do not grow with commitments and updates -----------------------------------


def _agregar_compromisos(pacto, acuerdos, autor, lider, n):
    for _i in range(n):
        c = CompromisoFactory(pacto=pacto, lider=lider, acuerdos=acuerdos[:2], socios=[lider])
        srv.hito_agregar(compromiso=c, titulo="H", fecha=datetime.date(2027, 1, 1))
        for _ in range(2):
            srv.compromiso_actualizar(
                compromiso=c, usuario=autor, texto="x", estado="en_curso", avance=10
            )


def test_consultas_de_la_pagina_publica_y_el_tablero_no_crecen(
    cliente_de, pacto_publicado, acuerdos_turismo, coordinadora, organizacion
):
    paginas = {  # who looks at which page
        reverse("pactos:pacto_publico", args=[pacto_publicado.slug]): None,
        reverse("pactos:tablero_compromisos"): coordinadora,
    }

    def consultas() -> dict[str, int]:
        cuenta = {}
        for url, usuario in paginas.items():
            cliente = cliente_de(usuario)
            with CaptureQueriesContext(connection) as ctx:
                assert cliente.get(url).status_code == 200
            cuenta[url] = len(ctx)
        return cuenta

    _agregar_compromisos(pacto_publicado, acuerdos_turismo, coordinadora, organizacion, 2)
    pocas = consultas()
    _agregar_compromisos(pacto_publicado, acuerdos_turismo, coordinadora, organizacion, 8)
    assert consultas() == pocas


def test_exportar_csv_y_xlsx(cliente_de, coordinadora, pacto_publicado):
    cliente = cliente_de(coordinadora)
    csv = cliente.get(reverse("pactos:tablero_exportar", args=["csv"]))
    assert csv.status_code == 200 and "Rutas de aviturismo" in csv.content.decode("utf-8-sig")
    assert "secreto.example.org" not in csv.content.decode("utf-8-sig")
    xlsx = cliente.get(reverse("pactos:tablero_exportar", args=["xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_paginas_de_gestion_responden(cliente_de, coordinadora, compromiso):
    cliente = cliente_de(coordinadora)
    pacto = compromiso.pacto
    for url in [
        reverse("pactos:pacto_gestion", args=[pacto.pk]),
        reverse("pactos:consolidar", args=[pacto.pk]),
        reverse("pactos:pacto_versiones", args=[pacto.pk]),
        reverse("pactos:pacto_historial", args=[pacto.pk]),
        reverse("pactos:compromiso_gestion", args=[compromiso.pk]),
        reverse("pactos:pacto_editar", args=[pacto.pk]),
    ]:
        assert cliente.get(url).status_code == 200, url


def test_dividir_desde_la_pagina_del_compromiso(cliente_de, coordinadora, compromiso):
    """The split form offers the commitment's own agreements; a refused split shows the page
    again with what was typed, and a valid one leaves the ticked agreements to a new one."""
    cliente = cliente_de(coordinadora)
    a, b = compromiso.acuerdos.order_by("sesion__mesa__orden", "numero")
    pagina = cliente.get(reverse("pactos:compromiso_gestion", args=[compromiso.pk]))
    html = pagina.content.decode()
    for acuerdo in (a, b):
        assert f'name="acuerdos" value="{acuerdo.pk}"' in html
    assert 'id="dividir-titulo"' in html and 'maxlength="250"' in html

    url = reverse("pactos:compromiso_dividir", args=[compromiso.pk])
    todos = cliente.post(url, {"acuerdos": [a.pk, b.pk], "titulo": "Agenda nueva", "texto": ""})
    assert todos.status_code == 400
    assert "no todos" in todos.content.decode() and 'value="Agenda nueva"' in todos.content.decode()

    hecho = cliente.post(url, {"acuerdos": [b.pk], "titulo": "Agenda", "texto": "Agenda"})
    assert hecho.status_code == 302
    assert list(compromiso.acuerdos.all()) == [a]
    assert list(compromiso.pacto.compromisos.get(titulo="Agenda").acuerdos.all()) == [b]
