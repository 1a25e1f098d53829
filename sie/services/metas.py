"""Targets of the indicators and edits to the indicator catalogue."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..catalogo import DIMENSIONES
from ..models import Canton, Indicador, MetaIndicador
from .periodos import periodo_normalizar


@transaction.atomic
def meta_guardar(
    *,
    indicador: Indicador,
    canton: Canton | None,
    linea_base: Decimal,
    linea_base_periodo: str,
    valor_meta: Decimal,
    fecha_meta: datetime.date,
    descripcion: str = "",
    meta: MetaIndicador | None = None,
    es_demo: bool = False,
    usuario: AbstractBaseUser | None = None,
) -> MetaIndicador:
    """Create or edit a target; its baseline period is normalised to the indicator's."""
    codigo, inicio = periodo_normalizar(
        texto=linea_base_periodo, periodicidad=indicador.periodicidad
    )
    if fecha_meta <= inicio:
        raise ValidationError(
            {"fecha_meta": _("La fecha de la meta debe ser posterior al período de la línea base.")}
        )
    duplicada = MetaIndicador.objects.filter(
        indicador=indicador, canton=canton, fecha_meta=fecha_meta
    )
    if meta is not None:
        duplicada = duplicada.exclude(pk=meta.pk)
    if duplicada.exists():
        raise ValidationError(
            {"fecha_meta": _("Ya hay una meta de este indicador para este territorio y esa fecha.")}
        )
    meta = meta or MetaIndicador()
    meta.indicador = indicador
    meta.canton = canton
    meta.linea_base = linea_base
    meta.linea_base_periodo = codigo
    meta.valor_meta = valor_meta
    meta.fecha_meta = fecha_meta
    meta.descripcion = descripcion
    meta.es_demo = es_demo
    meta.full_clean()
    meta.save()
    return meta


@transaction.atomic
def indicador_guardar(
    *, indicador: Indicador, usuario: AbstractBaseUser | None = None
) -> Indicador:
    """Save an edited catalogue entry (its form already validated the fields)."""
    if indicador.es_formula:
        if indicador.numerador_id is None or indicador.denominador_id is None:
            raise ValidationError(_("Un indicador de cociente necesita numerador y denominador."))
        if indicador.pk and indicador.pk in (indicador.numerador_id, indicador.denominador_id):
            raise ValidationError(_("Un indicador no puede calcularse a partir de sí mismo."))
    if (
        indicador.minimo is not None
        and indicador.maximo is not None
        and indicador.minimo > indicador.maximo
    ):
        raise ValidationError(_("El mínimo admitido no puede ser mayor que el máximo."))
    for dimension in indicador.desagregaciones or []:
        if dimension not in DIMENSIONES:
            raise ValidationError(
                _("«%(dimension)s» no es una desagregación conocida.") % {"dimension": dimension}
            )
    indicador.save()
    return indicador
