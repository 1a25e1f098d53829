"""The roadmap's pages: list by block, filters, SVG timeline, board, inline htmx updates, plan."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import datetime
import re

import pytest
from django.utils import timezone

from core.roles import Rol
from pactos.models import Actividad, EstadoActividad

from .fixtures_hoja_de_ruta import (  # noqa: F401
    actividad,
    claves_rapidas,
    planificar,
    planificar_hecha,
    sin_cifras,
)

URL = "/pactos/hoja-de-ruta/"


def _en_linea(cliente, a, datos: dict):
    """The inline update of the list or the board, as htmx posts it."""
    return cliente.post(f"{URL}actividades/{a.pk}/estado/", datos, headers={"HX-Request": "true"})


def dias(n: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


@pytest.mark.django_db
def test_lista_agrupada_por_bloque_en_orden(cliente_de, coordinadora):
    html = cliente_de(coordinadora).get(URL).content.decode()
    posiciones = [
        html.index(b) for b in ["Evento de lanzamiento", "Instrumentos de apoyo", "Socialización"]
    ]
    assert posiciones == sorted(posiciones)
    assert html.index("Conformar el grupo de trabajo") < html.index("Diseño metodológico")


@pytest.mark.django_db
def test_filtros_por_responsable_bloque_y_producto(cliente_de, coordinadora, facilitador):
    planificar("pactos-convocatoria", dias(-10), dias(10), responsable=facilitador)
    cliente = cliente_de(coordinadora)
    html = cliente.get(URL, {"responsable": facilitador.pk}).content.decode()
    assert "Convocatoria y acercamiento a los actores" in html
    assert "Diseño metodológico" not in html

    html = cliente.get(URL, {"bloque": "instrumentos"}).content.decode()
    assert "Mapeo de actores provinciales y cantonales" in html
    assert "Conformar el grupo de trabajo" not in html

    html = cliente.get(URL, {"producto": 4}).content.decode()
    assert "Diseño del sistema de información" in html
    assert "Organización de las mesas" not in html

    html = cliente.get(URL, {"producto": 4, "bloque": "socializacion"}).content.decode()
    assert "Ninguna actividad coincide con estos filtros." in html


@pytest.mark.django_db
def test_linea_de_tiempo_svg_con_hoy_vencidas_en_rojo_y_dependencias(cliente_de, coordinadora):
    planificar("pactos-convocatoria", dias(-40), dias(-5), estado=EstadoActividad.EN_CURSO)
    planificar("pactos-organizacion-mesas", dias(-2), dias(30))
    planificar("pactos-diseno-metodologico", dias(-80), dias(-45), estado=EstadoActividad.HECHA)
    html = cliente_de(coordinadora).get(URL + "linea-de-tiempo/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'class="linea-de-tiempo"' in svg and "viewBox" in svg
    assert ">Hoy<" in svg
    assert 'class="ldt-fila ldt-vencida"' in svg  # the overdue call to actors
    assert svg.count("ldt-vencida") == 1
    assert 'fill="#dc3545"' in svg  # drawn in red
    assert "ldt-flecha-roja" in svg  # the tables' organisation waits on an overdue dependency
    assert "Convocatoria y acercamiento a los actores" in svg
    assert not re.search(r"\sstyle=", svg)  # Content Security Policy: no inline styles
    assert "sin fechas previstas" in svg


@pytest.mark.django_db
def test_tablero_por_estado(cliente_de, coordinadora):
    Actividad.objects.filter(codigo="instrumentos-comunicacion").update(
        estado=EstadoActividad.HECHA
    )
    html = cliente_de(coordinadora).get(URL + "tablero/").content.decode()
    for columna in ["No iniciada", "En curso", "Hecha", "Bloqueada", "Cancelada"]:
        assert columna in html
    hecha = html.index('id="columna-hecha"')
    assert html.index("Estrategia de comunicación</a>", hecha) > hecha


@pytest.mark.django_db
def test_actualizacion_en_linea_devuelve_la_fila_y_avisa_al_progreso(
    cliente_de, coordinadora, sin_cifras
):
    a = actividad("instrumentos-sistema-informacion")
    cliente = cliente_de(coordinadora)
    respuesta = _en_linea(cliente, a, {"estado": "hecha", "vista": "lista"})
    assert respuesta.status_code == 200
    assert respuesta["HX-Trigger"] == "hoja-de-ruta-actualizada"
    html = respuesta.content.decode()
    assert html.strip().startswith(f'<tr id="actividad-{a.pk}"')
    assert "<html" not in html
    a.refresh_from_db()
    assert (a.estado, a.avance, a.fin_real) == (EstadoActividad.HECHA, 100, timezone.localdate())
    progreso = cliente.get(URL + "progreso-productos/").content.decode()
    producto_4 = progreso[progreso.index('data-producto="4"') :]
    producto_4 = producto_4[: producto_4.index("</li>")]
    assert 'value="100"' in producto_4 and "100 %" in producto_4


@pytest.mark.django_db
def test_actualizacion_en_linea_con_error_en_espanol(cliente_de, coordinadora):
    a = actividad("instrumentos-sistema-informacion")
    respuesta = _en_linea(cliente_de(coordinadora), a, {"estado": "bloqueada", "vista": "lista"})
    assert respuesta.status_code == 200
    assert "HX-Trigger" not in respuesta
    assert "Explique en las notas por qué está bloqueada." in respuesta.content.decode()
    a.refresh_from_db()
    assert a.estado == EstadoActividad.NO_INICIADA


@pytest.mark.django_db
def test_tablero_en_linea_mueve_la_tarjeta(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    respuesta = _en_linea(cliente_de(coordinadora), a, {"estado": "en_curso", "vista": "tablero"})
    html = respuesta.content.decode()
    assert html.strip().startswith('<div id="tablero"')
    en_curso = html.index('id="columna-en_curso"')
    assert en_curso < html.index("Mapeo de actores provinciales") < html.index('id="columna-hecha"')


@pytest.mark.django_db
def test_sin_htmx_la_actualizacion_redirige(cliente_de, coordinadora):
    a = actividad("instrumentos-mapeo-actores")
    respuesta = cliente_de(coordinadora).post(
        f"{URL}actividades/{a.pk}/estado/", {"estado": "en_curso"}
    )
    assert respuesta.status_code == 302


@pytest.mark.django_db
def test_responsable_informa_avance_y_queda_en_el_historial(cliente_de, crear_usuario):
    luis = crear_usuario("luis", Rol.FACILITACION, first_name="Luis", last_name="Quishpe")
    a = planificar("pactos-convocatoria", dias(-10), dias(10), responsable=luis)
    cliente = cliente_de(luis)
    pagina = cliente.get(a.get_absolute_url()).content.decode()
    assert "Informar el avance" in pagina and "Editar el plan" not in pagina
    respuesta = cliente.post(
        a.get_absolute_url(),
        {
            "estado": "en_curso",
            "avance": "45",
            "salud": "ambar",
            "notas": "Faltan dos cantones.",
            "evidencia_url": "https://example.org/acta.pdf",
        },
    )
    assert respuesta.status_code == 302
    a.refresh_from_db()
    assert (a.estado, a.avance, a.salud, a.inicio_real) == (
        "en_curso",
        45,
        "ambar",
        timezone.localdate(),
    )
    ultimo = a.history.first()
    assert ultimo.history_user == luis and ultimo.avance == 45
    pagina = cliente.get(a.get_absolute_url()).content.decode()
    assert "Luis Quishpe" in pagina and "Faltan dos cantones." in pagina


@pytest.mark.django_db
def test_avance_con_fechas_invalidas_muestra_errores_en_espanol(cliente_de, coordinadora):
    a = actividad("pactos-convocatoria")
    respuesta = cliente_de(coordinadora).post(
        a.get_absolute_url(),
        {
            "estado": "hecha",
            "avance": "100",
            "salud": "verde",
            "inicio_real": dias(-1),
            "fin_real": dias(5),
        },
    )
    # A refused form answers 400 and shows the form again with what was typed.
    assert respuesta.status_code == 400
    assert "La fecha de fin real no puede ser futura." in respuesta.content.decode()


@pytest.mark.django_db
def test_coordinacion_planifica_y_crea_actividades(cliente_de, coordinadora, facilitador):
    cliente = cliente_de(coordinadora)
    a = actividad("pactos-organizacion-mesas")
    datos = {
        "bloque": "pactos",
        "nombre": "Organización de las mesas",
        "orden": a.orden,
        "responsable": facilitador.pk,
        "institucion": "Dirección de Desarrollo Económico",
        "inicio_previsto": "2026-06-15",
        "fin_previsto": "2026-07-17",
        "productos": [2],
        "dependencias": [actividad("pactos-convocatoria").pk],
    }
    from pactos.models import ProductoPrograma

    datos["productos"] = [ProductoPrograma.objects.get(numero=2).pk]
    assert cliente.post(f"{URL}actividades/{a.pk}/plan/", datos).status_code == 302
    a.refresh_from_db()
    assert (a.responsable, a.fin_previsto) == (facilitador, datetime.date(2026, 7, 17))

    # Fechas al revés: mensaje claro
    respuesta = cliente.post(
        f"{URL}actividades/{a.pk}/plan/", {**datos, "fin_previsto": "2026-06-01"}
    )
    assert "El fin previsto no puede ser anterior al inicio previsto." in respuesta.content.decode()

    # Un ciclo de dependencias se rechaza
    convocatoria = actividad("pactos-convocatoria")
    respuesta = cliente.post(
        f"{URL}actividades/{convocatoria.pk}/plan/",
        {**datos, "nombre": convocatoria.nombre, "dependencias": [a.pk]},
    )
    assert "forman un ciclo" in respuesta.content.decode()

    nueva = cliente.post(
        f"{URL}actividades/nueva/",
        {**datos, "nombre": "Taller de validación de la estrategia de turismo", "orden": 0},
    )
    assert nueva.status_code == 302
    creada = Actividad.objects.get(nombre="Taller de validación de la estrategia de turismo")
    assert creada.codigo == "taller-de-validacion-de-la-estrategia-de-turismo"
    assert creada.history.first().history_user == coordinadora


@pytest.mark.django_db
def test_panel_del_programa_dice_que_esta_atrasado_y_por_que(cliente_de, coordinadora, sin_cifras):
    planificar(
        "pactos-convocatoria",
        dias(-40),
        dias(-5),
        estado=EstadoActividad.EN_CURSO,
        notas="Falta confirmar a las juntas de riego.",
    )
    planificar("pactos-organizacion-mesas", dias(-1), dias(30))
    html = cliente_de(coordinadora).get(URL + "panel/").content.decode()
    assert "Qué está atrasado y por qué" in html
    assert "Vencida hace 5 días" in html
    assert "Falta confirmar a las juntas de riego." in html
    assert "Dependencia retrasada" in html
    for numero in range(1, 6):
        assert f'data-producto="{numero}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rol, en_menu, en_panel",
    [
        ("coordinacion", True, True),
        ("facilitacion", False, True),
        ("analisis", False, True),
    ],
)
def test_navegacion_a_la_hoja_de_ruta(usuarios_por_rol, cliente_de, rol, en_menu, en_panel):
    cliente = cliente_de(usuarios_por_rol[rol])
    cabecera = cliente.get("/").content.decode().split("<header", 1)[1].split("</header>", 1)[0]
    assert ('href="/pactos/hoja-de-ruta/panel/"' in cabecera) is en_menu
    accesos = cliente.get("/panel/").content.decode().split('id="accesos"', 1)[1]
    assert ("/pactos/hoja-de-ruta/" in accesos) is en_panel


@pytest.mark.django_db
def test_demo_con_fechas_de_2026_algunas_hechas_y_algunas_vencidas(django_user_model):
    from core.demo import cuentas_demo_crear
    from pactos.services.hoja_de_ruta import registrar_demo_hoja_de_ruta

    usuarios = cuentas_demo_crear(password="clave-demo-123")
    assert registrar_demo_hoja_de_ruta(usuarios=usuarios) == "18 actividades con fechas de 2026"
    assert registrar_demo_hoja_de_ruta(usuarios=usuarios) == "0 actividades con fechas de 2026"
    assert not Actividad.objects.filter(inicio_previsto=None).exists()
    assert {a.inicio_previsto.year for a in Actividad.objects.all()} == {2026}
    assert Actividad.objects.filter(estado=EstadoActividad.HECHA).count() >= 10
    vencidas = [a for a in Actividad.objects.all() if a.vencida(datetime.date(2026, 11, 25))]
    assert len(vencidas) >= 2
    assert (
        Actividad.objects.get(codigo="pactos-mesas-turismo").responsable == usuarios["facilitador"]
    )
    assert Actividad.objects.filter(codigo="lanzamiento-evento").get().history.count() >= 2


def _lanzamiento_hecho(**extra):
    # the launch event, a milestone the public sees once it is reached; its note is internal
    return planificar_hecha(
        "lanzamiento-evento",
        "2026-04-21",
        "2026-04-21",
        terminada="2026-04-21",
        notas="Nota interna: presupuesto ajustado.",
        **extra,
    )


@pytest.mark.django_db
def test_hoja_de_ruta_publica_solo_bloques_e_hitos_alcanzados(coordinadora):
    from django.template import Context, Template

    _lanzamiento_hecho(responsable=coordinadora)
    planificar(
        "pactos-diseno-metodologico", "2026-03-01", "2026-04-30", estado=EstadoActividad.EN_CURSO
    )
    html = Template("{% load hoja_de_ruta_publica %}{% hoja_de_ruta_publica %}").render(Context())
    assert "Evento de lanzamiento" in html and "abril 2026" in html
    assert "1 de 9 actividades realizadas" in html
    assert "Diseño metodológico" not in html  # a milestone not reached yet
    assert "presupuesto" not in html and "coord" not in html and "@" not in html


def test_la_portada_muestra_el_avance_de_cada_bloque_y_se_actualiza(client, coordinadora):
    """The home page's roadmap shows each block's progress; a finished activity shows at once."""
    assert "0 de 9 actividades realizadas" in client.get("/").content.decode()
    _lanzamiento_hecho()
    html = client.get("/").content.decode()
    assert "1 de 9 actividades realizadas" in html
    assert "presupuesto" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefijo", "mensaje"),
    [
        ("", "El avance debe estar entre 0 y 100 %."),
        ("/en", "Progress must be between 0 and 100 %."),
    ],
)
@pytest.mark.parametrize("avance", ["150", "-1"])
def test_un_avance_fuera_de_rango_se_explica_sin_error_500(
    cliente_de, coordinadora, prefijo, mensaje, avance
):
    """Issue 14 item 8: the message's "%" broke Django's formatting of the form's error."""
    a = actividad("instrumentos-sistema-informacion")
    cliente = cliente_de(coordinadora)
    respuesta = cliente.post(
        f"{prefijo}{URL}actividades/{a.pk}/estado/",
        {"estado": "en_curso", "avance": avance, "vista": "lista"},
        headers={"HX-Request": "true"},
    )
    assert respuesta.status_code == 200
    assert mensaje in respuesta.content.decode()
    sin_htmx = cliente.post(
        f"{prefijo}{URL}actividades/{a.pk}/estado/",
        {"estado": "en_curso", "avance": avance, "volver": f"{prefijo}{URL}"},
        follow=True,
    )
    assert sin_htmx.status_code == 200 and mensaje in sin_htmx.content.decode()
    a.refresh_from_db()
    assert a.avance != int(avance)
