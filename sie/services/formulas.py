"""The formula engine: ratio indicators follow their components.

A ratio's value is numerator / denominator × factor, per territory and period; its state is the
least of its components' states, and it disappears when a component does.
"""

from decimal import Decimal

from django.db import models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.cache import cambio_publico

from ..models import Indicador, Medicion
from .validacion import alertas_reevaluar

ORDEN_ESTADO = {
    Medicion.Estado.BORRADOR: 0,
    Medicion.Estado.VALIDADO: 1,
    Medicion.Estado.PUBLICADO: 2,
}
CAMPOS_CALCULADOS = [
    "valor",
    "canton_id",
    "parroquia_id",
    "fecha_periodo",
    "fuente",
    "fecha_dato",
    "estado",
    "calculada",
    "es_demo",
    "fecha_publicacion",
]


def _totales(indicadores, territorios: set[str]) -> dict[tuple, Medicion]:
    """The totals (no disaggregation) of these indicators and territories, by (id, territory,
    period)."""
    return {
        (m.indicador_id, m.territorio, m.periodo): m
        for m in Medicion.objects.filter(
            indicador__in=indicadores, territorio__in=territorios, desagregacion=""
        )
    }


def _datos_calculados(derivado: Indicador, numerador: Medicion, denominador: Medicion) -> dict:
    estado = min((numerador.estado, denominador.estado), key=lambda e: ORDEN_ESTADO[e])
    fuente = (
        numerador.fuente
        if numerador.fuente == denominador.fuente
        else f"{numerador.fuente}; {denominador.fuente}"[:200]
    )
    return {
        "valor": (numerador.valor / denominador.valor * derivado.factor).quantize(
            Decimal("0.0001")
        ),
        "canton_id": numerador.canton_id,
        "parroquia_id": numerador.parroquia_id,
        "fecha_periodo": numerador.fecha_periodo,
        "fuente": fuente,
        "fecha_dato": max(numerador.fecha_dato, denominador.fecha_dato),
        "estado": estado,
        "calculada": True,
        "es_demo": numerador.es_demo and denominador.es_demo,
    }


class _Cambios:
    """What one recomputation creates, updates and deletes, written in bulk at the end."""

    def __init__(self):
        self.ahora = timezone.now()
        self.crear: list[Medicion] = []
        self.actualizar: list[Medicion] = []
        self.borrar: list[int] = []
        self.tocados: set[tuple[int, str]] = set()

    def poner(self, derivado, territorio, periodo, datos, existente) -> None:
        self.tocados.add((derivado.pk, territorio))
        publicado = datos["estado"] == Medicion.Estado.PUBLICADO
        if existente is None:
            self.crear.append(
                Medicion(
                    indicador=derivado,
                    territorio=territorio,
                    periodo=periodo,
                    fecha_publicacion=self.ahora if publicado else None,
                    **datos,
                )
            )
            return
        if not publicado:
            datos["fecha_publicacion"] = None
        elif existente.estado != Medicion.Estado.PUBLICADO:
            datos["fecha_publicacion"] = self.ahora
        if any(getattr(existente, k) != v for k, v in datos.items()):
            for clave, valor in datos.items():
                setattr(existente, clave, valor)
            self.actualizar.append(existente)

    def escribir(self) -> None:
        if self.borrar:
            Medicion.objects.filter(pk__in=self.borrar).delete()
        if self.crear:
            bulk_create_with_history(self.crear, Medicion, batch_size=500)
        if self.actualizar:
            bulk_update_with_history(self.actualizar, Medicion, CAMPOS_CALCULADOS, batch_size=500)
        if self.crear or self.actualizar:
            cambio_publico()  # bulk writes send no signals


def formulas_recalcular(*, pares: set[tuple[int, str]]) -> set[tuple[int, str]]:
    """Compute the ratio indicators whose components changed in these (indicator, territory)
    pairs. Returns the (indicator, territory) pairs it touched."""
    componentes_ids = {p[0] for p in pares}
    derivados = list(
        Indicador.objects.filter(calculo=Indicador.Calculo.COCIENTE).filter(
            models.Q(numerador_id__in=componentes_ids)
            | models.Q(denominador_id__in=componentes_ids)
        )
    )
    if not derivados:
        return set()
    territorios = {p[1] for p in pares}
    necesarios = {d.numerador_id for d in derivados} | {d.denominador_id for d in derivados}
    totales = _totales(necesarios, territorios)
    existentes = _totales(derivados, territorios)
    cambios = _Cambios()
    for derivado in derivados:
        componentes = (derivado.numerador_id, derivado.denominador_id)
        periodos = {(t, p) for (i, t, p) in totales if i in componentes} | {
            (t, p) for (i, t, p) in existentes if i == derivado.pk
        }
        for territorio, periodo in periodos:
            if not any((c, territorio) in pares for c in componentes):
                continue
            numerador = totales.get((derivado.numerador_id, territorio, periodo))
            denominador = totales.get((derivado.denominador_id, territorio, periodo))
            existente = existentes.get((derivado.pk, territorio, periodo))
            if numerador is None or denominador is None or denominador.valor == 0:
                if existente is not None and existente.calculada:
                    cambios.borrar.append(existente.pk)
                continue
            datos = _datos_calculados(derivado, numerador, denominador)
            cambios.poner(derivado, territorio, periodo, datos, existente)
    cambios.escribir()
    return cambios.tocados


def recalcular_tras_escribir(*, pares: set[tuple[int, str]]) -> None:
    """After values of these (indicator, territory) pairs changed: the ratios that use them,
    then the flags of everything touched."""
    tocados = formulas_recalcular(pares=pares)
    alertas_reevaluar(pares=pares | tocados)
