"""The five products' progress: from activities, blended with the other apps' real figures."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import pytest

from pactos.models import Actividad, EstadoActividad
from pactos.selectors.hoja_de_ruta import progreso_productos

from .fixtures_hoja_de_ruta import actividad, sin_cifras  # noqa: F401


def progreso(numero: int) -> float:
    return next(p for p in progreso_productos() if p.producto.numero == numero)


def poner(codigo: str, estado: str, avance: int = 0) -> None:
    Actividad.objects.filter(codigo=codigo).update(estado=estado, avance=avance)


@pytest.mark.django_db
def test_sin_avance_todo_en_cero(sin_cifras):
    assert [p.porcentaje for p in progreso_productos()] == [0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_producto_de_una_actividad_sigue_su_avance(sin_cifras):
    poner("instrumentos-sistema-informacion", EstadoActividad.EN_CURSO, 40)
    assert progreso(4).progreso == pytest.approx(0.4)
    poner("instrumentos-sistema-informacion", EstadoActividad.HECHA, 40)
    assert progreso(4).progreso == 1.0  # done counts whole, whatever the percentage says
    assert progreso(4).actividades_hechas == 1


@pytest.mark.django_db
def test_media_de_actividades_y_canceladas_fuera(sin_cifras):
    # Product 3: "Definir la estrategia de comunicación del lanzamiento" and "Estrategia de comunicación".
    assert progreso(3).actividades_total == 2
    poner("instrumentos-comunicacion", EstadoActividad.HECHA)
    poner("lanzamiento-comunicacion", EstadoActividad.EN_CURSO, 50)
    assert progreso(3).progreso == pytest.approx(0.75)
    poner("lanzamiento-comunicacion", EstadoActividad.CANCELADA, 50)
    assert progreso(3).actividades_total == 1
    assert progreso(3).progreso == 1.0


@pytest.mark.django_db
def test_no_iniciada_cuenta_cero_aunque_tenga_porcentaje(sin_cifras):
    poner("instrumentos-sistema-informacion", EstadoActividad.NO_INICIADA, 90)
    assert progreso(4).progreso == 0.0


@pytest.mark.django_db
def test_cifras_reales_con_meta_cuentan_la_mitad(sin_cifras):
    poner("instrumentos-sistema-informacion", EstadoActividad.EN_CURSO, 60)
    sin_cifras.registrar_cifra(
        producto=4,
        clave="indicadores",
        etiqueta="Indicadores con datos",
        funcion=lambda *, desde, hasta: 5,
        meta=20,
    )
    p = progreso(4)
    assert p.avance_cifras == pytest.approx(0.25)
    assert p.progreso == pytest.approx(0.5 * 0.6 + 0.5 * 0.25)
    assert p.porcentaje == 42


@pytest.mark.django_db
def test_cifra_por_encima_de_la_meta_se_limita_y_sin_meta_no_cuenta(sin_cifras):
    sin_cifras.registrar_cifra(
        producto=5, clave="eventos", etiqueta="Eventos", funcion=lambda *, desde, hasta: 7, meta=2
    )
    sin_cifras.registrar_cifra(
        producto=5, clave="asistentes", etiqueta="Asistentes", funcion=lambda *, desde, hasta: 240
    )
    p = progreso(5)
    assert p.avance_cifras == 1.0
    assert p.progreso == pytest.approx(0.5)  # no activity of product 5 has started
    assert [c.valor for c in p.cifras] == [7, 240]


@pytest.mark.django_db
def test_una_cifra_que_falla_no_tumba_el_panel(sin_cifras):
    def rota(*, desde, hasta):
        raise RuntimeError("la app de arriba tiene un error")

    sin_cifras.registrar_cifra(
        producto=2, clave="rota", etiqueta="Cifra rota", funcion=rota, meta=10
    )
    p = progreso(2)
    assert p.cifras[0].valor is None
    assert p.avance_cifras is None
    assert p.progreso == 0.0


def test_registrar_cifra_valida_el_producto(sin_cifras):
    with pytest.raises(ValueError):
        sin_cifras.registrar_cifra(producto=6, clave="x", etiqueta="X", funcion=lambda **kw: 1)


def test_cifras_de_apps_inferiores_son_sus_selectores_importados_directamente():
    """No string import, no signature adapter: a renamed selector fails at start-up."""
    from pactos import fuentes_mesas, indicadores_programa
    from sie import selectors as sie

    cifras = {c.clave: c for c in indicadores_programa.cifras_registradas()}
    assert cifras["mesas_sesiones"].funcion is fuentes_mesas.sesiones_realizadas_total
    assert cifras["mesas_actas"].funcion is fuentes_mesas.actas_publicadas_total
    assert cifras["sie_indicadores"].funcion is sie.indicadores_con_datos_total
    assert cifras["sie_indicadores"].meta is sie.indicadores_activos_total
    tablas = {t.clave: t for t in indicadores_programa.tablas_registradas()}
    assert tablas["mesas_por_genero"].funcion is fuentes_mesas.participacion_por_genero
    assert tablas["sie_indicadores_movidos"].funcion is sie.indicadores_movidos


@pytest.mark.django_db
def test_cifras_reales_de_mesas_y_sie_registradas_al_arrancar():
    from pactos import indicadores_programa

    claves = {c.clave for c in indicadores_programa.cifras_registradas()}
    assert {"mesas_sesiones", "mesas_actas", "sie_indicadores"} <= claves
    for cifra in indicadores_programa.cifras_registradas():
        if cifra.clave.startswith(("mesas_", "sie_")):
            assert indicadores_programa.valor_de(cifra) == 0  # no sessions nor measurements yet
    tablas = {t.clave: t for t in indicadores_programa.tablas_registradas("participacion")}
    genero = indicadores_programa.contenido_de(tablas["mesas_por_genero"])
    assert genero["columnas"] == ["Género", "Asistencias"] and genero["filas"] == []
