"""What a value must satisfy to be recorded, and the three rules that flag a suspicious one.

The rules (range, change from the previous period, disaggregations that must add up to the
total) never refuse a value: they flag it, and an analyst decides before publication.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..catalogo import DIMENSIONES
from ..cifras import cifra
from ..models import Canton, Indicador, Medicion, Parroquia
from .periodos import periodo_anterior, periodo_normalizar

TOLERANCIA_SUMA = Decimal("0.005")  # relative, for rounding in the sources


@dataclass
class DatoMedicion:
    """One value to record, already parsed (from a form, the grid or an import row)."""

    indicador: Indicador
    canton: Canton | None
    periodo: str
    valor: Decimal
    fuente: str
    fecha_dato: datetime.date
    parroquia: Parroquia | None = None
    desagregacion: str = ""
    categoria: str = ""


def desagregacion_validar(*, indicador: Indicador, desagregacion: str, categoria: str) -> None:
    if not desagregacion and not categoria:
        return
    if desagregacion not in (indicador.desagregaciones or []):
        permitidas = ", ".join(indicador.desagregaciones or []) or _("ninguna")
        raise ValidationError(
            _(
                "el indicador %(codigo)s no se desagrega por «%(desagregacion)s» "
                "(desagregaciones admitidas: %(permitidas)s)."
            )
            % {
                "codigo": indicador.codigo,
                "desagregacion": desagregacion,
                "permitidas": permitidas,
            }
        )
    categorias = [c for c, _etiqueta in DIMENSIONES[desagregacion][1]]
    if categoria not in categorias:
        raise ValidationError(
            _(
                "«%(categoria)s» no es una categoría de %(desagregacion)s "
                "(categorías admitidas: %(categorias)s)."
            )
            % {
                "categoria": categoria,
                "desagregacion": desagregacion,
                "categorias": ", ".join(categorias),
            }
        )


def dato_validar(*, dato: DatoMedicion) -> tuple[str, datetime.date]:
    """Refuse a value that cannot be recorded; return its period code and first day."""
    indicador = dato.indicador
    if indicador.es_formula:
        raise ValidationError(
            _(
                "el indicador %(codigo)s se calcula a partir de %(numerador)s y "
                "%(denominador)s; registre esos valores en su lugar."
            )
            % {
                "codigo": indicador.codigo,
                "numerador": indicador.numerador.codigo,
                "denominador": indicador.denominador.codigo,
            }
        )
    if not indicador.activo:
        raise ValidationError(
            _("el indicador %(codigo)s está inactivo.") % {"codigo": indicador.codigo}
        )
    nivel = indicador.nivel_territorial
    if dato.canton is None and dato.parroquia is None and nivel == Indicador.Nivel.CANTON:
        raise ValidationError(
            _("el indicador %(codigo)s se mide por cantón: falta el cantón.")
            % {"codigo": indicador.codigo}
        )
    if dato.parroquia is not None and nivel != Indicador.Nivel.PARROQUIA:
        raise ValidationError(
            _("el indicador %(codigo)s no se mide por parroquia (nivel: %(nivel)s).")
            % {
                "codigo": indicador.codigo,
                "nivel": indicador.get_nivel_territorial_display().lower(),
            }
        )
    desagregacion_validar(
        indicador=indicador, desagregacion=dato.desagregacion, categoria=dato.categoria
    )
    if not dato.fuente.strip():
        raise ValidationError(_("falta la fuente del dato."))
    if dato.fecha_dato > timezone.localdate():
        raise ValidationError(_("la fecha del dato no puede estar en el futuro."))
    if abs(dato.valor) >= Decimal("1e14"):
        raise ValidationError(_("el valor es demasiado grande."))
    codigo, inicio = periodo_normalizar(texto=dato.periodo, periodicidad=indicador.periodicidad)
    if inicio > timezone.localdate():
        raise ValidationError(
            _("el período %(periodo)s todavía no ha empezado.") % {"periodo": codigo}
        )
    return codigo, inicio


def regla_rango(*, indicador: Indicador, valor: Decimal) -> str | None:
    if indicador.minimo is not None and valor < indicador.minimo:
        return _("El valor %(valor)s es menor que el mínimo admitido (%(minimo)s).") % {
            "valor": cifra(valor),
            "minimo": cifra(indicador.minimo),
        }
    if indicador.maximo is not None and valor > indicador.maximo:
        return _("El valor %(valor)s es mayor que el máximo admitido (%(maximo)s).") % {
            "valor": cifra(valor),
            "maximo": cifra(indicador.maximo),
        }
    return None


def regla_variacion(
    *, indicador: Indicador, valor: Decimal, anterior: Decimal | None, periodo_anterior: str = ""
) -> str | None:
    if anterior is None:
        return None
    if anterior == 0:
        if valor == 0:
            return None
        return _("El período anterior (%(periodo)s) valía 0 y ahora vale %(valor)s.") % {
            "periodo": periodo_anterior,
            "valor": cifra(valor),
        }
    cambio = (valor - anterior) / abs(anterior) * 100
    if abs(cambio) > indicador.umbral_variacion:
        return _(
            "Cambia %(cambio)s %% frente al período anterior (%(periodo)s: %(anterior)s); "
            "el umbral es ±%(umbral)s %%."
        ) % {
            "cambio": cifra(cambio.quantize(Decimal("0.1"))),
            "periodo": periodo_anterior,
            "anterior": cifra(anterior),
            "umbral": cifra(indicador.umbral_variacion),
        }
    return None


def regla_suma(*, total: Decimal, partes: dict[str, Decimal], desagregacion: str) -> str | None:
    """Disaggregations must add up to the total, once every category is present."""
    categorias = [c for c, _etiqueta in DIMENSIONES[desagregacion][1]]
    if any(c not in partes for c in categorias):
        return None
    suma = sum(partes.values(), Decimal(0))
    margen = max(abs(total) * TOLERANCIA_SUMA, Decimal("0.01"))
    if abs(suma - total) > margen:
        etiqueta = DIMENSIONES[desagregacion][0].lower()
        return _("La suma por %(etiqueta)s (%(suma)s) no coincide con el total (%(total)s).") % {
            "etiqueta": etiqueta,
            "suma": cifra(suma),
            "total": cifra(total),
        }
    return None


def _alertas_de(medicion: Medicion, grupo: list[Medicion], anterior: Decimal | None) -> list:
    indicador = medicion.indicador
    alertas = []
    mensaje = regla_rango(indicador=indicador, valor=medicion.valor)
    if mensaje:
        alertas.append({"regla": "rango", "mensaje": mensaje})
    mensaje = regla_variacion(
        indicador=indicador,
        valor=medicion.valor,
        anterior=anterior,
        periodo_anterior=periodo_anterior(
            periodo=medicion.periodo, periodicidad=indicador.periodicidad
        ),
    )
    if mensaje:
        alertas.append({"regla": "variacion", "mensaje": mensaje})
    if indicador.aditivo:
        total = next((m for m in grupo if m.es_total), None)
        dimensiones = (
            [medicion.desagregacion] if medicion.desagregacion else indicador.desagregaciones
        )
        if total is not None:
            for dimension in dimensiones or []:
                if dimension not in DIMENSIONES:
                    continue
                partes = {m.categoria: m.valor for m in grupo if m.desagregacion == dimension}
                mensaje = regla_suma(total=total.valor, partes=partes, desagregacion=dimension)
                if mensaje:
                    alertas.append({"regla": "suma", "mensaje": mensaje})
    return alertas


def mediciones_de_pares(*, pares: set[tuple[int, str]]) -> list[Medicion]:
    """Every measurement of the given (indicator id, territory) pairs, in one query."""
    if not pares:
        return []
    filas = Medicion.objects.filter(
        indicador_id__in={p[0] for p in pares}, territorio__in={p[1] for p in pares}
    ).select_related("indicador")
    return [m for m in filas if (m.indicador_id, m.territorio) in pares]


def alertas_reevaluar(*, pares: set[tuple[int, str]]) -> None:
    """Recompute the flags of every value of these indicator × territory pairs (a few queries)."""
    por_grupo: dict[tuple, list[Medicion]] = {}
    for medicion in mediciones_de_pares(pares=pares):
        clave = (medicion.indicador_id, medicion.territorio, medicion.periodo)
        por_grupo.setdefault(clave, []).append(medicion)
    cambiadas = []
    for (indicador_id, territorio, periodo), grupo in por_grupo.items():
        indicador = grupo[0].indicador
        previo = periodo_anterior(periodo=periodo, periodicidad=indicador.periodicidad)
        anteriores = {
            (m.desagregacion, m.categoria): m.valor
            for m in por_grupo.get((indicador_id, territorio, previo), [])
        }
        for medicion in grupo:
            alertas = _alertas_de(
                medicion, grupo, anteriores.get((medicion.desagregacion, medicion.categoria))
            )
            if alertas != medicion.alertas:
                medicion.alertas = alertas
                cambiadas.append(medicion)
    if cambiadas:
        Medicion.objects.bulk_update(cambiadas, ["alertas"], batch_size=500)
