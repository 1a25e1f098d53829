"""Every mistake correctable: each kind of recorded item is edited and deleted in place while the
session is open (and after reopening it), each change in the session's history (who, when,
old → new, in words); the agenda goes by time; removing someone who spoke asks what becomes of
their interventions; acta v2 shows only the corrected values."""

import datetime
import re

import pytest

from core.models import Documento
from mesas import selectors, services
from mesas.models import CambioSesion
from tests.ayudas_pdf import texto_pdf

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def sesion(crear_sesion, mesa_cayambe, fac_cayambe, crear_persona, organizacion):
    """A session that began yesterday, with what a facilitator records in it."""
    sesion = crear_sesion(mesa_cayambe, dias=-1)
    sesion.rosa = crear_persona("Rosa", "Farinango")
    sesion.segundo = crear_persona("Segundo", "Quilumbaquín", "hombre")
    sesion.organizacion = organizacion
    sesion.a_rosa = services.asistencia_registrar(
        sesion=sesion, actor=sesion.rosa, organizacion=organizacion, usuario=fac_cayambe
    )
    sesion.a_segundo = services.asistencia_registrar(
        sesion=sesion, actor=sesion.segundo, usuario=fac_cayambe
    )
    sesion.punto = services.punto_agenda_agregar(
        sesion=sesion, titulo="Diagnóstico turístico", hora=datetime.time(10, 0)
    )
    sesion.intervencion = services.intervencion_registrar(
        sesion=sesion,
        actor=sesion.rosa,
        tipo="propuesta",
        resumen="Ruta del bizcocho",
        punto=sesion.punto,
    )
    sesion.prioridad = services.prioridad_registrar(sesion=sesion, texto="Vialidad", votos=1)
    sesion.tema = services.tema_pendiente_registrar(sesion=sesion, texto="Presupuesto")
    sesion.acuerdo = services.acuerdo_registrar(
        sesion=sesion, texto="Levantar el inventario", responsables=[sesion.rosa]
    )
    return sesion


def _url(sesion, tipo, item, accion):
    return f"/mesas/sesion/{sesion.pk}/{tipo}/{item.pk}/{accion}/"


# (kind, the item in the fixture, what the edit form sends, what the history then says)
EDICIONES = [
    (
        "agenda",
        "punto",
        lambda s: {"hora": "09:30", "titulo": "Diagnóstico del turismo", "proposito": ""},
        [("Hora", "10:00", "09:30"), ("Tema", "Diagnóstico turístico", "Diagnóstico del turismo")],
    ),
    (
        "intervencion",
        "intervencion",
        lambda s: {
            "actor": s.segundo.pk,
            "punto": s.punto.pk,
            "tipo": "preocupacion",
            "resumen": "Ruta del bizcocho",
        },
        [
            ("Quién interviene", "Rosa Farinango", "Segundo Quilumbaquín"),
            ("Tipo", "Propuesta", "Preocupación"),
        ],
    ),
    (
        "prioridad",
        "prioridad",
        lambda s: {"texto": "Vialidad rural", "votos": "2"},
        [("Prioridad", "Vialidad", "Vialidad rural"), ("Votos", "1", "2")],
    ),
    (
        "tema",
        "tema",
        lambda s: {"texto": "Presupuesto participativo"},
        [("Tema pendiente", "Presupuesto", "Presupuesto participativo")],
    ),
    (
        "asistencia",
        "a_rosa",
        lambda s: {"organizacion": ""},
        [("Organización a la que representa", "Asociación de Turismo Comunitario Kayambi", "—")],
    ),
]


@pytest.mark.parametrize(("tipo", "atributo", "datos", "historial"), EDICIONES)
def test_corregir_cada_tipo_en_su_lugar_y_queda_en_el_historial(
    tipo, atributo, datos, historial, cliente_de, fac_cayambe, sesion
):
    cliente = cliente_de(fac_cayambe)
    item = getattr(sesion, atributo)
    url = _url(sesion, tipo, item, "editar")

    formulario = cliente.get(url, **HX)
    assert formulario.status_code == 200
    assert f'id="{tipo}-{item.pk}"' in formulario.content.decode()
    assert "<html" not in formulario.content.decode()

    prefijo = f"{tipo}{item.pk}"
    respuesta = cliente.post(url, {f"{prefijo}-{k}": v for k, v in datos(sesion).items()}, **HX)

    html = respuesta.content.decode()
    assert respuesta.status_code == 200, html
    assert respuesta["HX-Retarget"] == f"#lista-{tipo}"
    assert f'id="lista-{tipo}"' in html and 'id="seccion-historial"' in html
    cambio = sesion.cambios.get()
    assert (cambio.tipo, cambio.accion, cambio.usuario) == (tipo, "editado", fac_cayambe)
    legibles = [(c["etiqueta"], c["antes"], c["despues"]) for c in cambio.cambios_legibles]
    assert legibles == historial
    # shown on the session page, newest first, in words
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    seccion = pagina[pagina.index('id="seccion-historial"') :]
    assert "Historial de cambios" in seccion and "Ana Lema" in seccion and "corrigió" in seccion
    for etiqueta, antes, despues in historial:
        assert etiqueta in seccion and f"<del>{antes}</del>" in seccion and despues in seccion


@pytest.mark.parametrize(
    ("tipo", "atributo", "modelo_lista"),
    [
        ("agenda", "punto", "agenda"),
        ("intervencion", "intervencion", "intervenciones"),
        ("prioridad", "prioridad", "prioridades"),
        ("tema", "tema", "temas"),
        ("acuerdo", "acuerdo", "acuerdos"),
    ],
)
def test_eliminar_cada_tipo_con_confirmacion_y_queda_en_el_historial(
    tipo, atributo, modelo_lista, cliente_de, fac_cayambe, sesion
):
    cliente = cliente_de(fac_cayambe)
    item = getattr(sesion, atributo)
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    url = _url(sesion, tipo, item, "eliminar")
    # the delete button's form asks first (contract C5)
    assert re.search(rf'action="{re.escape(url)}"[^>]*data-confirmar="¿Eliminar', pagina, re.S)

    respuesta = cliente.post(url, **HX)

    assert respuesta.status_code == 200
    assert respuesta["HX-Retarget"] == f"#lista-{tipo}"
    assert not type(item).objects.filter(pk=item.pk).exists()
    cambio = sesion.cambios.get()
    assert (cambio.tipo, cambio.accion) == (tipo, "eliminado")
    assert item not in selectors.registro_de_sesion(sesion=sesion)[modelo_lista]


def test_sin_htmx_corregir_es_una_pagina_y_vuelve_a_la_seccion(cliente_de, fac_cayambe, sesion):
    cliente = cliente_de(fac_cayambe)
    url = _url(sesion, "tema", sesion.tema, "editar")
    assert "<html" in cliente.get(url).content.decode()
    respuesta = cliente.post(url, {f"tema{sesion.tema.pk}-texto": "Presupuesto 2027"})
    assert respuesta.status_code == 302 and respuesta["Location"].endswith("#seccion-tema")
    sesion.tema.refresh_from_db()
    assert sesion.tema.texto == "Presupuesto 2027"


def test_una_correccion_sin_cambios_no_llena_el_historial(cliente_de, fac_cayambe, sesion):
    cliente_de(fac_cayambe).post(
        _url(sesion, "tema", sesion.tema, "editar"),
        {f"tema{sesion.tema.pk}-texto": "Presupuesto"},
        **HX,
    )
    assert not sesion.cambios.exists()


def test_corregir_un_acuerdo_queda_en_el_historial(cliente_de, fac_cayambe, sesion):
    acuerdo = sesion.acuerdo
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion.pk}/acuerdo/{acuerdo.pk}/",
        {
            f"a{acuerdo.pk}-texto": "Levantar el inventario",
            f"a{acuerdo.pk}-responsables": [sesion.segundo.pk],
            f"a{acuerdo.pk}-plazo": "2099-06-30",
            f"a{acuerdo.pk}-version": acuerdo.version,
        },
        **HX,
    )
    assert respuesta.status_code == 200
    assert re.search(r'id="seccion-historial"\s+hx-swap-oob', respuesta.content.decode())
    cambio = sesion.cambios.get()
    assert [(c["etiqueta"], c["antes"], c["despues"]) for c in cambio.cambios_legibles] == [
        ("Responsables", "Rosa Farinango", "Segundo Quilumbaquín"),
        ("Plazo", "—", "30 Jun 2099"),
    ]


def test_cerrada_no_se_corrige_y_reabierta_si(cliente_de, fac_cayambe, sesion):
    cliente = cliente_de(fac_cayambe)
    url = _url(sesion, "intervencion", sesion.intervencion, "eliminar")
    sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    assert cliente.post(url, **HX).status_code == 403
    assert "bi-trash" not in cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()

    services.sesion_reabrir(sesion=sesion, usuario=fac_cayambe)

    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert "bi-trash" in pagina and "bi-pencil" in pagina
    assert cliente.post(url, **HX).status_code == 200
    assert not sesion.intervenciones.exists()


def test_un_item_de_otra_sesion_no_se_alcanza(
    cliente_de, fac_cayambe, sesion, crear_sesion, mesa_cayambe
):
    otra = crear_sesion(mesa_cayambe)
    tema = services.tema_pendiente_registrar(sesion=otra, texto="Ajeno")
    respuesta = cliente_de(fac_cayambe).post(_url(sesion, "tema", tema, "eliminar"), **HX)
    assert respuesta.status_code == 404
    assert otra.temas_pendientes.exists()


# --- The agenda goes by time ------------------------------------------------------------------


def test_la_agenda_se_ordena_por_hora(cliente_de, fac_cayambe, crear_sesion, mesa_cayambe):
    sesion = crear_sesion(mesa_cayambe)
    cliente = cliente_de(fac_cayambe)
    for hora, titulo in [
        ("10:00", "Bienvenida"),
        ("12:15", "Cierre"),
        ("10:20", "Diagnóstico"),
        ("11:00", "Propuestas"),
    ]:
        cliente.post(
            f"/mesas/sesion/{sesion.pk}/agenda/",
            {"agenda-hora": hora, "agenda-titulo": titulo},
            **HX,
        )
    en_orden = ["Bienvenida", "Diagnóstico", "Propuestas", "Cierre"]

    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    lista = pagina[pagina.index('id="lista-agenda"') :]
    assert sorted(en_orden, key=lista.index) == en_orden
    assert [p["punto"].titulo for p in selectors.acta_contexto(sesion)["puntos"]] == en_orden
    selector = pagina[pagina.index('name="intervencion-punto"') :]
    assert sorted(en_orden, key=selector.index) == en_orden

    # a corrected time moves the item
    cierre = sesion.agenda.get(titulo="Cierre")
    respuesta = cliente.post(
        _url(sesion, "agenda", cierre, "editar"),
        {f"agenda{cierre.pk}-hora": "09:00", f"agenda{cierre.pk}-titulo": "Cierre"},
        **HX,
    )
    lista = respuesta.content.decode()
    assert lista.index("Cierre") < lista.index("Bienvenida")


# --- Removing someone who spoke ---------------------------------------------------------------


def test_quitar_a_quien_hablo_pregunta_que_hacer(cliente_de, fac_cayambe, sesion):
    cliente = cliente_de(fac_cayambe)
    url = f"/mesas/sesion/{sesion.pk}/asistencia/{sesion.a_rosa.pk}/quitar/"
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert f'hx-get="{url}"' in pagina  # no direct delete: the question first

    pregunta = cliente.get(url, **HX).content.decode()
    assert "Rosa Farinango tiene 1 intervención registrada" in pregunta
    assert (
        "Pasarlas a otra persona" in pregunta and "Eliminarlas junto con su asistencia" in pregunta
    )

    sin_elegir = cliente.post(url, **HX)
    assert sin_elegir.status_code == 400
    assert "elija si pasan a otra persona" in sin_elegir.content.decode()
    assert sesion.asistencias.filter(pk=sesion.a_rosa.pk).exists()


def test_quitar_a_quien_hablo_pasando_sus_intervenciones_a_otra_persona(
    cliente_de, fac_cayambe, sesion
):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion.pk}/asistencia/{sesion.a_rosa.pk}/quitar/",
        {"quitar-intervenciones": "mover", "quitar-mover_a": sesion.a_segundo.pk},
        **HX,
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert respuesta["HX-Retarget"] == "#lista-asistencia"
    assert re.search(r'id="lista-intervencion"\s+hx-swap-oob', html)  # the speaker changed there
    assert not sesion.asistencias.filter(actor=sesion.rosa).exists()
    sesion.intervencion.refresh_from_db()
    assert sesion.intervencion.actor == sesion.segundo
    acciones = set(sesion.cambios.values_list("tipo", "accion"))
    assert acciones == {("intervencion", "editado"), ("asistencia", "eliminado")}


def test_quitar_a_quien_hablo_eliminando_sus_intervenciones(cliente_de, fac_cayambe, sesion):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion.pk}/asistencia/{sesion.a_rosa.pk}/quitar/",
        {"quitar-intervenciones": "eliminar"},
        **HX,
    )
    assert respuesta.status_code == 200
    assert not sesion.intervenciones.exists()
    assert not sesion.asistencias.filter(actor=sesion.rosa).exists()
    assert sesion.cambios.filter(tipo="intervencion", accion="eliminado").count() == 1


def test_mover_a_uno_mismo_no_vale(cliente_de, fac_cayambe, sesion):
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion.pk}/asistencia/{sesion.a_rosa.pk}/quitar/",
        {"quitar-intervenciones": "mover"},
        **HX,
    )
    assert respuesta.status_code == 400
    assert "Elija a otra persona de la lista de asistencia." in respuesta.content.decode()


def test_quitar_a_quien_no_hablo_es_directo(cliente_de, fac_cayambe, sesion):
    url = f"/mesas/sesion/{sesion.pk}/asistencia/{sesion.a_segundo.pk}/quitar/"
    cliente = cliente_de(fac_cayambe)
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert re.search(rf'action="{re.escape(url)}"[^>]*data-confirmar="¿Quitar a', pagina, re.S)
    respuesta = cliente.post(url, **HX)
    assert respuesta.status_code == 200
    assert re.search(r'id="total-asistentes"\s+hx-swap-oob="true">1<', respuesta.content.decode())
    assert not sesion.asistencias.filter(actor=sesion.segundo).exists()


# --- The history, page by page -----------------------------------------------------------------


def test_el_historial_muestra_lo_ultimo_y_ver_mas(cliente_de, fac_cayambe, sesion):
    for n in range(12):
        services.tema_pendiente_editar(tema=sesion.tema, texto=f"Tema {n}", usuario=fac_cayambe)
    cliente = cliente_de(fac_cayambe)
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    seccion = pagina[pagina.index('id="seccion-historial"') :]
    assert seccion.count('class="border-bottom py-2 small cambio"') == 10
    assert seccion.index("Tema 11") < seccion.index("Tema 10")  # newest first
    assert "Ver más" in seccion

    mas = cliente.get(f"/mesas/sesion/{sesion.pk}/historial/?pagina=2", **HX).content.decode()
    assert mas.count('class="border-bottom py-2 small cambio"') == 2 and "Ver más" not in mas
    assert CambioSesion.objects.filter(sesion=sesion).count() == 12


# --- Acta v2 after reopening and correcting -----------------------------------------------------


def test_acta_v2_solo_con_lo_corregido(
    cliente_de,
    fac_cayambe,
    sesion,
    celery_en_proceso,
    django_capture_on_commit_callbacks,
):
    """Reopen, correct an intervention and delete an agenda item, close: acta v2 (rendered by the
    document pipeline, in process) shows the corrections and none of the old values."""
    segundo_punto = services.punto_agenda_agregar(
        sesion=sesion, titulo="Punto equivocado", hora=datetime.time(11, 0)
    )
    i, punto, segundo = sesion.intervencion, sesion.punto, sesion.segundo
    with django_capture_on_commit_callbacks(execute=True):
        sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    v1 = selectors.acta_actual(sesion=sesion)
    assert "Punto equivocado" in texto_pdf(v1) and "Ruta del bizcocho" in texto_pdf(v1)

    sesion = services.sesion_reabrir(sesion=sesion, usuario=fac_cayambe)
    cliente = cliente_de(fac_cayambe)
    cliente.post(
        _url(sesion, "intervencion", i, "editar"),
        {
            f"intervencion{i.pk}-actor": segundo.pk,
            f"intervencion{i.pk}-punto": punto.pk,
            f"intervencion{i.pk}-tipo": "preocupacion",
            f"intervencion{i.pk}-resumen": "Falta señalética en la ruta",
        },
        **HX,
    )
    cliente.post(_url(sesion, "agenda", segundo_punto, "eliminar"), **HX)
    sesion.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        sesion = services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)

    v2 = selectors.acta_actual(sesion=sesion)
    assert v2.version == 2 and v2.estado == Documento.Estado.LISTO
    texto = texto_pdf(v2)
    assert "Falta señalética en la ruta" in texto
    assert "Segundo Quilumbaquín: Falta señalética" in texto
    assert "Ruta del bizcocho" not in texto and "Punto equivocado" not in texto
