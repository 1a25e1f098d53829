"""Ratio indicators are computed from their components and follow their state."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sie import services
from sie.models import Medicion

pytestmark = pytest.mark.django_db


def calculada(codigo, territorio, periodo):
    return Medicion.objects.get(
        indicador__codigo=codigo, territorio=territorio, periodo=periodo, desagregacion=""
    )


def test_rendimiento_es_produccion_sobre_superficie_cosechada(registrar):
    registrar("AGR-03", "1702", 2024, 12_000)
    registrar("AGR-02", "1702", 2024, 1_000)
    rendimiento = calculada("AGR-04", "1702", "2024")
    assert rendimiento.valor == Decimal("12.0000")
    assert rendimiento.calculada
    assert rendimiento.estado == Medicion.Estado.BORRADOR


def test_sin_un_componente_no_hay_valor_calculado(registrar):
    registrar("AGR-07", "1703", 2024, 50_000)
    assert not Medicion.objects.filter(indicador__codigo="AGR-08").exists()


def test_corregir_un_componente_recalcula_el_cociente(registrar, analista):
    registrar("AGR-07", "1703", 2024, 50_000)
    vacas = registrar("AGR-06", "1703", 2024, 5_000)
    assert calculada("AGR-08", "1703", "2024").valor == Decimal("10")
    services.medicion_corregir(
        medicion=vacas,
        valor=Decimal(4000),
        fuente="INEC",
        fecha_dato=vacas.fecha_dato,
        usuario=analista,
    )
    assert calculada("AGR-08", "1703", "2024").valor == Decimal("12.5")


def test_denominador_cero_no_calcula(registrar):
    registrar("TUR-05", "1707", 2024, 300)
    registrar("TUR-04", "1707", 2024, 0)
    assert not Medicion.objects.filter(indicador__codigo="TUR-06").exists()


def test_el_cociente_se_publica_solo_cuando_sus_dos_componentes_se_publican(registrar, analista):
    registrar("TUR-05", "1707", 2024, 300, publicar=True, usuario=analista)
    habitaciones = registrar("TUR-04", "1707", 2024, 120, validar=True, usuario=analista)
    assert calculada("TUR-06", "1707", "2024").estado == Medicion.Estado.VALIDADO
    services.medicion_publicar(medicion=habitaciones, usuario=analista)
    plazas_por_habitacion = calculada("TUR-06", "1707", "2024")
    assert plazas_por_habitacion.estado == Medicion.Estado.PUBLICADO
    assert plazas_por_habitacion.valor == Decimal("2.5")


def test_un_indicador_calculado_no_se_registra_a_mano(indicador, canton):
    import datetime

    with pytest.raises(ValidationError) as error:
        services.medicion_registrar(
            dato=services.DatoMedicion(
                indicador=indicador("AGR-04"),
                canton=canton("1702"),
                periodo="2024",
                valor=Decimal(10),
                fuente="MAG",
                fecha_dato=datetime.date(2025, 1, 1),
            )
        )
    assert "se calcula a partir de AGR-03 y AGR-02" in " ".join(error.value.messages)


def test_el_catalogo_trae_al_menos_20_indicadores_de_turismo_y_agro(django_db_setup):
    from sie.models import Indicador

    assert Indicador.objects.count() >= 20
    assert Indicador.objects.filter(eje__codigo="turismo").count() >= 8
    assert Indicador.objects.filter(eje__codigo="agropecuario").count() >= 8
    for indicador in Indicador.objects.all():
        assert indicador.unidad and indicador.fuente and indicador.definicion
