"""The progress report for the Provincial Government: PDF through core's pipeline, monthly by beat."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import datetime
import io

import pytest
from openpyxl import load_workbook

from core.models import Documento
from pactos.models import EstadoActividad, InformeProgreso, ProductoPrograma
from pactos.services.informe_progreso import (
    informe_contexto,
    informe_mensual_generar,
    informe_solicitar,
    periodo_mes_anterior,
)
from tests.ayudas_pdf import texto_pdf
from tests.ayudas_worker import documento_terminado

from .fixtures_hoja_de_ruta import (  # noqa: F401
    claves_rapidas,
    medios,
    planificar,
    planificar_hecha,
    sin_cifras,
)

PRODUCTOS = [
    "Enfoque conceptual, metodología, hoja de ruta y plan de trabajo",
    "Dos procesos de concertación (turismo y agropecuario)",
    "Estrategia de comunicación de doble vía",
    "Sistema de Información Estratégica (SIE)",
    "Eventos públicos de difusión del programa",
]


def test_periodo_del_mes_anterior():
    assert periodo_mes_anterior(hoy=datetime.date(2026, 12, 1)) == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 30),
    )
    assert periodo_mes_anterior(hoy=datetime.date(2026, 3, 15)) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 2, 28),
    )
    assert periodo_mes_anterior(hoy=datetime.date(2027, 1, 1)) == (
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 31),
    )


def _metodologia_hecha():
    """The methodological design, done on 28 April."""
    planificar_hecha(
        "pactos-diseno-metodologico",
        "2026-03-02",
        "2026-04-30",
        terminada="2026-04-28",
        inicio_real=datetime.date(2026, 3, 2),
    )


@pytest.fixture
def convocatoria_vencida():
    """The call for participants, due on 20 May and 60 % done."""
    return planificar(
        "pactos-convocatoria",
        "2026-05-04",
        "2026-05-20",
        estado=EstadoActividad.EN_CURSO,
        avance=60,
    )


@pytest.mark.django_db
def test_contexto_del_informe(sin_cifras, convocatoria_vencida):
    _metodologia_hecha()
    contexto = informe_contexto(desde=datetime.date(2026, 4, 1), hasta=datetime.date(2026, 5, 31))
    assert [a.codigo for a in contexto["hechas_en_periodo"]] == ["pactos-diseno-metodologico"]
    assert [a.codigo for a in contexto["vencidas"]] == ["pactos-convocatoria"]
    assert [p.producto.numero for p in contexto["productos"]] == [1, 2, 3, 4, 5]
    assert "<svg" in contexto["linea_de_tiempo"] and "<svg" in contexto["grafico_productos"]


@pytest.mark.django_db
def test_informe_pdf_con_el_periodo_y_cada_producto(
    client, coordinadora, medios, celery_en_proceso, django_capture_on_commit_callbacks
):
    _metodologia_hecha()
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            "/pactos/hoja-de-ruta/informes/", {"desde": "2026-04-01", "hasta": "2026-04-30"}
        )
    documento = Documento.objects.get(tipo="informe_progreso")
    assert respuesta.status_code == 302 and respuesta["Location"] == documento.get_absolute_url()
    assert documento.estado == Documento.Estado.LISTO, documento.error
    assert documento.nombre_archivo == "informe-progreso-001-2026-04-01-2026-04-30.pdf"
    texto = texto_pdf(documento)
    assert "Período: del 1 de abril de 2026 al 30 de abril de 2026" in texto
    for nombre in PRODUCTOS:
        assert nombre in texto, nombre
    for seccion in [
        "1. Resumen ejecutivo",
        "3. Estado de la hoja de ruta",
        "8. Riesgos y próximos pasos",
    ]:
        assert seccion.upper() in texto.upper()
    assert "Diseño metodológico" in texto
    assert "Página 1 de" in texto

    # Earlier reports are kept: a second request is a new numbered report, the first stays.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/pactos/hoja-de-ruta/informes/", {"desde": "2026-05-01", "hasta": "2026-05-31"}
        )
    assert list(InformeProgreso.objects.order_by("numero").values_list("numero", flat=True)) == [
        1,
        2,
    ]
    assert Documento.objects.filter(tipo="informe_progreso", estado="listo").count() == 2
    listado = client.get("/pactos/hoja-de-ruta/informes/").content.decode()
    assert "01/04/2026 – 30/04/2026" in listado and "01/05/2026 – 31/05/2026" in listado


@pytest.mark.django_db
def test_periodo_invalido_con_mensaje_en_espanol(client, coordinadora):
    client.force_login(coordinadora, backend="django.contrib.auth.backends.ModelBackend")
    respuesta = client.post(
        "/pactos/hoja-de-ruta/informes/", {"desde": "2026-05-01", "hasta": "2026-04-01"}
    )
    # A refused form answers 400 and shows the form again with what was typed.
    assert respuesta.status_code == 400
    assert 'value="2026-04-01"' in respuesta.content.decode()
    assert "El fin del período no puede ser anterior a su inicio." in respuesta.content.decode()
    assert not InformeProgreso.objects.exists()


@pytest.mark.django_db
def test_informe_mensual_es_uno_por_mes_aunque_se_pida_dos_veces(
    medios, celery_en_proceso, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        primero = informe_mensual_generar(hoy=datetime.date(2026, 12, 1))
    with django_capture_on_commit_callbacks(execute=True):
        segundo = informe_mensual_generar(hoy=datetime.date(2026, 12, 1))
    assert primero.pk == segundo.pk
    informe = InformeProgreso.objects.get()
    assert (informe.desde, informe.hasta, informe.mensual) == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 30),
        True,
    )
    assert Documento.objects.get().estado == Documento.Estado.LISTO


@pytest.mark.django_db
def test_solo_coordinacion_pide_informes(facilitador):
    from core.permisos import AccesoDenegado

    with pytest.raises(AccesoDenegado):
        informe_solicitar(
            desde=datetime.date(2026, 4, 1), hasta=datetime.date(2026, 4, 30), usuario=facilitador
        )


@pytest.mark.django_db
def test_datos_del_informe_en_xlsx(client, analista, convocatoria_vencida):
    client.force_login(analista, backend="django.contrib.auth.backends.ModelBackend")
    respuesta = client.get(
        "/pactos/hoja-de-ruta/informes/datos.xlsx", {"desde": "2026-05-01", "hasta": "2026-05-31"}
    )
    assert respuesta.status_code == 200
    assert (
        'filename="informe-progreso-2026-05-01-2026-05-31.xlsx"' in respuesta["Content-Disposition"]
    )
    libro = load_workbook(io.BytesIO(respuesta.content))
    assert libro.sheetnames == ["Actividades", "Productos", "Cifras", "Alertas"]
    actividades = list(libro["Actividades"].iter_rows(values_only=True))
    assert len(actividades) == 19  # header + the 18 founding activities
    assert any(
        f[1] == "Convocatoria y acercamiento a los actores" and f[6] == 60 for f in actividades
    )
    productos = [f[0] for f in libro["Productos"].iter_rows(min_row=2, values_only=True)]
    assert productos == [str(p) for p in ProductoPrograma.objects.order_by("numero")]
    # No personal data in the export: owners appear by institution only.
    assert all("@" not in str(c) for fila in actividades for c in fila if c)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_real_un_informe_mensual_aunque_beat_dispare_dos_veces(celery_worker_real, medios):
    from pactos.tasks.hoja_de_ruta import generar_informe_mensual

    primero = generar_informe_mensual.delay()
    segundo = generar_informe_mensual.delay()
    assert primero.get(timeout=60) == segundo.get(timeout=60)
    documento = documento_terminado(Documento.objects.get(tipo="informe_progreso"))
    assert documento.estado == Documento.Estado.LISTO, documento.error
    assert InformeProgreso.objects.count() == 1
    assert Documento.objects.filter(tipo="informe_progreso").count() == 1
    assert documento.intentos == 1
    archivos = list(medios.rglob("*.pdf"))
    assert len(archivos) == 1
    informe = InformeProgreso.objects.get()
    texto = texto_pdf(archivos[0].read_bytes())
    assert informe.mensual and f"{informe.hasta:%Y}" in texto
    for nombre in PRODUCTOS:
        assert nombre in texto, nombre
