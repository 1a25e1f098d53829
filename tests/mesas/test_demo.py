import pytest

from core.demo import cuentas_demo_crear
from mesas import demo
from mesas.models import Mesa, Sesion

pytestmark = pytest.mark.django_db


def test_demo_construye_sesiones_por_los_servicios_y_es_idempotente(monkeypatch):
    from config.celery import app

    monkeypatch.setattr(demo, "MESAS_DEMO", ["turismo-cayambe", "agro-floricultura"])
    antes = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        usuarios = cuentas_demo_crear(password="x-demo-123")
        resumen = demo.cargar_demo_mesas(usuarios=usuarios)
        assert resumen == "2 mesas con sesiones, 3 actas publicadas"
        assert demo.cargar_demo_mesas(usuarios=usuarios).startswith("0 mesas")
    finally:
        app.conf.task_always_eager = antes
    cayambe = Mesa.objects.get(slug="turismo-cayambe")
    assert usuarios["facilitador"] in cayambe.facilitadores.all()
    estados = list(cayambe.sesiones.order_by("numero").values_list("estado", flat=True))
    assert estados == [
        Sesion.Estado.ACTA_PUBLICADA,
        Sesion.Estado.CERRADA,
        Sesion.Estado.PLANIFICADA,
    ]
    publicada = cayambe.sesiones.get(numero=1)
    assert publicada.asistencias.count() >= 6 and publicada.acuerdos.count() >= 2
    assert publicada.intervenciones.exists()
