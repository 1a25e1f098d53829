"""Each validation rule flags the suspicious values and lets the right ones pass."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sie import services
from sie.models import Medicion

pytestmark = pytest.mark.django_db


def reglas(medicion):
    medicion.refresh_from_db()
    return [a["regla"] for a in medicion.alertas]


@pytest.mark.parametrize(
    ("valor", "marcada"),
    [(-1, True), (0, False), (55.5, False), (100, False), (100.1, True)],
)
def test_rango_de_un_porcentaje(registrar, valor, marcada):
    ocupacion = registrar("TUR-10", "1701", "2024-T2", valor)
    assert ("rango" in reglas(ocupacion)) is marcada


def test_rango_explica_el_limite_en_espanol(registrar):
    ocupacion = registrar("TUR-10", "1701", "2024-T2", 130)
    assert ocupacion.alertas[0]["mensaje"] == "El valor 130 es mayor que el máximo admitido (100)."


@pytest.mark.parametrize(
    ("valor", "marcada"),
    [(100_000, False), (139_000, False), (141_000, True), (61_000, False), (59_000, True)],
)
def test_variacion_frente_al_periodo_anterior(registrar, valor, marcada):
    # TUR-01 admits ±40 % from one year to the next.
    registrar("TUR-01", "1702", 2023, 100_000)
    llegadas = registrar("TUR-01", "1702", 2024, valor)
    assert ("variacion" in reglas(llegadas)) is marcada


def test_variacion_se_revisa_cuando_llega_el_periodo_anterior_despues(registrar):
    llegadas_2024 = registrar("TUR-01", "1702", 2024, 600_000)
    assert reglas(llegadas_2024) == []
    registrar("TUR-01", "1702", 2023, 60_000)
    assert reglas(llegadas_2024) == ["variacion"]
    mensaje = Medicion.objects.get(pk=llegadas_2024.pk).alertas[0]["mensaje"]
    assert "frente al período anterior (2023: 60.000)" in mensaje


def test_variacion_trimestral_compara_con_el_trimestre_anterior(registrar):
    registrar("TUR-10", "1707", "2024-T4", 50)
    primero = registrar("TUR-10", "1707", "2025-T1", 90)
    assert reglas(primero) == ["variacion"]


def test_desagregaciones_que_suman_el_total_pasan(registrar):
    total = registrar("TUR-07", "1705", 2024, 1000)
    registrar("TUR-07", "1705", 2024, 480, desagregacion="sexo", categoria="hombres")
    registrar("TUR-07", "1705", 2024, 520, desagregacion="sexo", categoria="mujeres")
    assert reglas(total) == []


def test_desagregaciones_que_no_suman_el_total_se_marcan(registrar):
    total = registrar("TUR-07", "1705", 2024, 1000)
    hombres = registrar("TUR-07", "1705", 2024, 480, desagregacion="sexo", categoria="hombres")
    registrar("TUR-07", "1705", 2024, 600, desagregacion="sexo", categoria="mujeres")
    assert reglas(total) == ["suma"]
    assert reglas(hombres) == ["suma"]
    assert "La suma por sexo (1.080) no coincide con el total (1.000)." in [
        a["mensaje"] for a in Medicion.objects.get(pk=total.pk).alertas
    ]


def test_la_suma_espera_a_que_esten_todas_las_categorias(registrar):
    total = registrar("TUR-07", "1705", 2024, 1000)
    registrar("TUR-07", "1705", 2024, 480, desagregacion="sexo", categoria="hombres")
    assert reglas(total) == []


def test_corregir_el_valor_quita_la_alerta(registrar, analista):
    registrar("TUR-01", "1702", 2023, 60_000, publicar=True, usuario=analista)
    errada = registrar("TUR-01", "1702", 2024, 650_000, usuario=analista)
    assert reglas(errada) == ["variacion"]
    corregida = services.medicion_corregir(
        medicion=errada,
        valor=Decimal(65_000),
        fuente="MINTUR",
        fecha_dato=errada.fecha_dato,
        usuario=analista,
    )
    assert corregida.alertas == []


def test_un_valor_marcado_no_se_valida_sin_justificacion(registrar, analista):
    errada = registrar("TUR-10", "1701", "2024-T1", 120)
    with pytest.raises(ValidationError) as error:
        services.medicion_validar(medicion=errada, usuario=analista)
    assert "tiene alertas de validación" in error.value.messages[0]
    validada = services.medicion_validar(
        medicion=errada, usuario=analista, justificacion="Dato confirmado con el INEC"
    )
    assert validada.estado == Medicion.Estado.VALIDADO


def test_solo_se_publica_lo_validado(registrar, analista):
    borrador = registrar("TUR-01", "1701", 2024, 1_000_000)
    with pytest.raises(ValidationError, match="validado por un analista"):
        services.medicion_publicar(medicion=borrador, usuario=analista)


def test_mensajes_de_periodo_en_espanol(indicador):
    with pytest.raises(ValidationError, match="no es un trimestre válido"):
        services.periodo_normalizar(texto="2024-5", periodicidad="trimestral")
    assert services.periodo_normalizar(texto="T2 2024", periodicidad="trimestral")[0] == "2024-T2"
    assert services.periodo_normalizar(texto="03/2024", periodicidad="mensual")[0] == "2024-03"
