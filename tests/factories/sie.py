"""Values to record in the SIE: DatoMedicion is what every recording service receives."""

import datetime
from decimal import Decimal

import factory

from sie.models import Canton, Indicador
from sie.services import DatoMedicion


class DatoMedicionFactory(factory.Factory):
    """A 2024 value of TUR-01 (tourist arrivals) for Cayambe, from MINTUR; record it through
    sie.services (medicion_registrar, mediciones_registrar), as users do."""

    class Meta:
        model = DatoMedicion

    indicador = factory.LazyFunction(
        lambda: Indicador.objects.select_related("numerador", "denominador").get(codigo="TUR-01")
    )
    canton = factory.LazyFunction(lambda: Canton.objects.get(codigo="1702"))
    periodo = "2024"
    valor = Decimal(1000)
    fuente = "MINTUR"
    fecha_dato = datetime.date(2025, 3, 31)
