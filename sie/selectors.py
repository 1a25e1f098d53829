from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery, Sum, Window
from django.db.models.functions import RowNumber

from .models import Canton, Indicador, Medicion, MetaIndicador


def cantones_publicos() -> QuerySet[Canton]:
    return Canton.objects.prefetch_related("parroquias", "sectores").order_by("codigo")


# --- Indicators, measurements and targets ------------------------------------------------------


def indicadores_publicos() -> QuerySet[Indicador]:
    return Indicador.objects.filter(activo=True).select_related(
        "eje", "sector", "numerador", "denominador"
    )


def indicadores_registrables() -> QuerySet[Indicador]:
    """Active indicators whose values people record (ratios are calculated, never typed)."""
    return Indicador.objects.filter(activo=True, calculo=Indicador.Calculo.VALOR)


def mediciones_publicadas() -> QuerySet[Medicion]:
    """The only measurements the public (pages, API, downloads) may ever see."""
    return Medicion.objects.filter(
        estado=Medicion.Estado.PUBLICADO, indicador__activo=True
    ).select_related("indicador__eje", "canton", "parroquia")


def ultima_publicacion(*, indicador: Indicador | None = None, canton: Canton | None = None):
    """When a published measurement of this indicator or canton last changed ("Actualizado el")."""
    qs = mediciones_publicadas()
    if indicador is not None:
        qs = qs.filter(indicador=indicador)
    if canton is not None:
        qs = qs.filter(canton=canton)
    return qs.aggregate(ultima=Max("actualizado"))["ultima"]


def mediciones_de_gestion(*, usuario: AbstractBaseUser) -> QuerySet[Medicion]:
    """Every measurement, for the SIE analysts (and coordination, read only)."""
    if not usuario.has_perm("sie.ver_gestion"):
        return Medicion.objects.none()
    return Medicion.objects.select_related("indicador", "canton", "parroquia", "registrado_por")


MAX_PERIODOS_SERIE = 40


def mediciones_pendientes() -> dict[str, int]:
    """The desk's counters: drafts, drafts with flags, values validated but not published."""
    borradores = Medicion.objects.filter(estado=Medicion.Estado.BORRADOR)
    return {
        "pendientes": borradores.count(),
        "con_alertas": borradores.exclude(alertas=[]).count(),
        "por_publicar": Medicion.objects.filter(estado=Medicion.Estado.VALIDADO).count(),
    }


def mediciones_con_alertas_total(*, mediciones: Iterable[Medicion]) -> int:
    """How many of these values (just saved, say) carry flags, read again from the database."""
    return Medicion.objects.filter(pk__in=[m.pk for m in mediciones]).exclude(alertas=[]).count()


def mediciones_del_periodo(*, indicador: Indicador, periodo: str) -> dict[tuple, Medicion]:
    """The values of one indicator and period, by (territory, disaggregation, category)."""
    return {
        (m.territorio, m.desagregacion, m.categoria): m
        for m in Medicion.objects.filter(indicador=indicador, periodo=periodo)
    }


def series_indicador(*, indicador: Indicador) -> dict:
    """Published totals of one indicator: the latest periods of each territory (one query)."""
    filas = (
        Medicion.objects.filter(
            indicador=indicador, estado=Medicion.Estado.PUBLICADO, desagregacion="", parroquia=None
        )
        .annotate(
            reciente=Window(
                RowNumber(), partition_by=[F("territorio")], order_by=F("fecha_periodo").desc()
            )
        )
        .filter(reciente__lte=MAX_PERIODOS_SERIE)
        .order_by("fecha_periodo")
        .values_list(
            "territorio", "periodo", "fecha_periodo", "valor", "fuente", "fecha_dato", "es_demo"
        )
    )
    periodos: list[str] = []
    inicios: dict[str, date] = {}
    series: dict[str, dict[str, float]] = {}
    ultimo: dict[str, dict] = {}
    hay_demo = False
    for territorio, periodo, fecha_periodo, valor, fuente, fecha_dato, es_demo in filas:
        if periodo not in periodos:
            periodos.append(periodo)
            inicios[periodo] = fecha_periodo
        series.setdefault(territorio, {})[periodo] = float(valor)
        ultimo[territorio] = {
            "periodo": periodo,
            "valor": valor,
            "fuente": fuente,
            "fecha_dato": fecha_dato,
        }
        hay_demo = hay_demo or es_demo
    return {
        "periodos": periodos,
        # Where each period starts, so a chart spaces them by time: 2024 → 2026 spans two years.
        "inicios": [inicios[p] for p in periodos],
        "series": series,
        "ultimo": ultimo,
        "hay_demo": hay_demo,
    }


def valores_por_canton(*, indicador: Indicador, periodo: str | None = None) -> dict:
    """Published canton totals of one period (the latest with data by default), for the map."""
    base = Medicion.objects.filter(
        indicador=indicador,
        estado=Medicion.Estado.PUBLICADO,
        desagregacion="",
        parroquia=None,
        canton__isnull=False,
    )
    periodos = list(
        base.order_by("-fecha_periodo").values_list("periodo", flat=True).distinct()[:40]
    )
    periodos = list(dict.fromkeys(periodos))
    if periodo is None or periodo not in periodos:
        periodo = periodos[0] if periodos else None
    valores = {}
    fuentes = set()
    hay_demo = False
    if periodo:
        for codigo, valor, fuente, es_demo in base.filter(periodo=periodo).values_list(
            "canton__codigo", "valor", "fuente", "es_demo"
        ):
            valores[codigo] = valor
            fuentes.add(fuente)
            hay_demo = hay_demo or es_demo
    return {
        "periodo": periodo,
        "periodos": periodos,
        "valores": valores,
        "fuentes": sorted(fuentes),
        "hay_demo": hay_demo,
    }


def desagregacion_ultima(*, indicador: Indicador, territorio: str) -> dict:
    """Published categories of the latest period that has them, per dimension."""
    from .catalogo import DIMENSIONES

    filas = list(
        Medicion.objects.filter(
            indicador=indicador, territorio=territorio, estado=Medicion.Estado.PUBLICADO
        )
        .exclude(desagregacion="")
        .order_by("-fecha_periodo")
        .values_list("periodo", "desagregacion", "categoria", "valor")[:200]
    )
    if not filas:
        return {}
    periodo = filas[0][0]
    resultado: dict[str, dict] = {}
    for p, dimension, categoria, valor in filas:
        if p != periodo:
            continue
        etiquetas = dict(DIMENSIONES.get(dimension, ("", []))[1])
        bloque = resultado.setdefault(
            dimension,
            {
                "nombre": DIMENSIONES.get(dimension, (dimension,))[0],
                "periodo": periodo,
                "filas": [],
            },
        )
        bloque["filas"].append({"categoria": etiquetas.get(categoria, categoria), "valor": valor})
    return resultado


def metas_disponibles(*, indicador: Indicador | None = None) -> QuerySet[MetaIndicador]:
    """Targets a pacto commitment may point to (used by the pactos app)."""
    metas = MetaIndicador.objects.select_related("indicador", "canton", "indicador__eje")
    if indicador is not None:
        metas = metas.filter(indicador=indicador)
    return metas.filter(indicador__activo=True)


def metas_con_avance(*, metas: Iterable[MetaIndicador]) -> list[dict]:
    """Each target with the latest published value of its territory and the progress (%).

    One query for the targets and one for the values, whatever their number.
    """
    metas = list(metas)
    if not metas:
        return []
    claves = {(m.indicador_id, m.territorio) for m in metas}
    ultimos: dict[tuple, tuple] = {}
    filas = (
        Medicion.objects.filter(
            estado=Medicion.Estado.PUBLICADO,
            desagregacion="",
            indicador_id__in={c[0] for c in claves},
            territorio__in={c[1] for c in claves},
        )
        .order_by("fecha_periodo")
        .values_list("indicador_id", "territorio", "periodo", "valor", "fuente", "fecha_dato")
    )
    for indicador_id, territorio, periodo, valor, fuente, fecha in filas:
        if (indicador_id, territorio) in claves:
            ultimos[(indicador_id, territorio)] = (periodo, valor, fuente, fecha)
    resultado = []
    for meta in metas:
        actual = ultimos.get((meta.indicador_id, meta.territorio))
        avance = None
        if actual is not None and meta.valor_meta != meta.linea_base:
            avance = (actual[1] - meta.linea_base) / (meta.valor_meta - meta.linea_base) * 100
            avance = max(min(float(avance), 999), -999)
        resultado.append(
            {
                "meta": meta,
                "actual": actual[1] if actual else None,
                "periodo": actual[0] if actual else None,
                "fuente": actual[2] if actual else None,
                "fecha_dato": actual[3] if actual else None,
                "avance": avance,
            }
        )
    return resultado


def meta_avance(*, meta: MetaIndicador) -> dict:
    return metas_con_avance(metas=[meta])[0]


def tablero_canton(*, canton: Canton) -> list[dict]:
    """The canton's indicators at a glance: latest and previous published value, its source,
    a short series and the target. A fixed number of queries, whatever the data."""
    indicadores = list(indicadores_publicos())
    filas = (
        Medicion.objects.filter(
            territorio=canton.codigo, estado=Medicion.Estado.PUBLICADO, desagregacion=""
        )
        .annotate(
            reciente=Window(
                RowNumber(), partition_by=[F("indicador_id")], order_by=F("fecha_periodo").desc()
            )
        )
        .filter(reciente__lte=8)
        .order_by("fecha_periodo")
        .values_list("indicador_id", "periodo", "valor", "fuente", "fecha_dato", "es_demo")
    )
    series: dict[int, list] = {}
    for indicador_id, periodo, valor, fuente, fecha, es_demo in filas:
        series.setdefault(indicador_id, []).append(
            {
                "periodo": periodo,
                "valor": valor,
                "fuente": fuente,
                "fecha_dato": fecha,
                "demo": es_demo,
            }
        )
    metas = {}
    for item in metas_con_avance(
        metas=MetaIndicador.objects.filter(canton=canton).select_related("indicador", "canton")
    ):
        metas.setdefault(item["meta"].indicador_id, item)
    resultado = []
    for indicador in indicadores:
        serie = series.get(indicador.pk, [])
        if not serie:
            continue
        ultimo = serie[-1]
        anterior = serie[-2] if len(serie) > 1 else None
        variacion = None
        if anterior and anterior["valor"]:
            variacion = float((ultimo["valor"] - anterior["valor"]) / abs(anterior["valor"]) * 100)
        mejora = None
        if variacion is not None and abs(variacion) >= 0.05:
            sube = variacion > 0
            mejora = sube if indicador.sentido == Indicador.Sentido.ASCENDENTE else not sube
        resultado.append(
            {
                "indicador": indicador,
                "ultimo": ultimo,
                "anterior": anterior,
                "variacion": variacion,
                "mejora": mejora,
                "serie": serie[-8:],
                "meta": metas.get(indicador.pk),
            }
        )
    return resultado


def resumen_provincia() -> list[dict]:
    """Per indicator: the latest period with published canton values and the province figure
    (sum for additive indicators, ratio of sums for formula ones). Fixed number of queries."""
    indicadores = list(indicadores_publicos())
    base = Medicion.objects.filter(
        estado=Medicion.Estado.PUBLICADO,
        desagregacion="",
        parroquia=None,
        canton__isnull=False,
        indicador__activo=True,
    )
    # One index lookup per indicator (estado, indicador, fecha_periodo) instead of a GROUP BY
    # over every value: the latest period that has a published canton total.
    ultimo_periodo = (
        base.filter(indicador_id=OuterRef("pk"))
        .order_by("-fecha_periodo")
        .values("fecha_periodo")[:1]
    )
    ultimos = [
        {"indicador_id": pk, "ultimo": fecha}
        for pk, fecha in Indicador.objects.filter(activo=True)
        .annotate(ultimo=Subquery(ultimo_periodo))
        .values_list("pk", "ultimo")
        if fecha is not None
    ]
    if not ultimos:
        return []
    filas = (
        base.filter(
            reduce(
                or_, (Q(indicador_id=u["indicador_id"], fecha_periodo=u["ultimo"]) for u in ultimos)
            )
        )
        .order_by("fecha_periodo")
        .values("indicador_id", "periodo")
        .annotate(suma=Sum("valor"), n=Count("id"))
    )
    por_indicador: dict[int, list] = {}
    for fila in filas:
        por_indicador.setdefault(fila["indicador_id"], []).append(fila)
    resultado = []
    for indicador in indicadores:
        periodos = por_indicador.get(indicador.pk)
        if not periodos:
            continue
        ultimo = periodos[-1]
        resultado.append(
            {
                "indicador": indicador,
                "periodo": ultimo["periodo"],
                "territorios": ultimo["n"],
                "valor": _valor_provincia(indicador, ultimo, por_indicador),
            }
        )
    return resultado


def _valor_provincia(indicador: Indicador, ultimo: dict, por_indicador: dict) -> Decimal | None:
    """The sum for an additive indicator, the ratio of sums for a formula, else None."""
    if indicador.es_formula:
        periodo = ultimo["periodo"]
        num = {p["periodo"]: p["suma"] for p in por_indicador.get(indicador.numerador_id, [])}
        den = {p["periodo"]: p["suma"] for p in por_indicador.get(indicador.denominador_id, [])}
        if num.get(periodo) and den.get(periodo):
            return num[periodo] / den[periodo] * indicador.factor
        return None
    return ultimo["suma"] if indicador.aditivo else None


def indicadores_activos_total(*, desde: date | None = None, hasta: date | None = None) -> int:
    """How many indicators the SIE tracks (the set "indicadores con datos" is counted over)."""
    return indicadores_publicos().count()


def _publicadas_en(*, desde: date | None = None, hasta: date | None = None) -> QuerySet[Medicion]:
    """Published values of active indicators whose publication date falls in desde..hasta."""
    mediciones = mediciones_publicadas()
    if desde is not None:
        mediciones = mediciones.filter(fecha_publicacion__date__gte=desde)
    if hasta is not None:
        mediciones = mediciones.filter(fecha_publicacion__date__lte=hasta)
    return mediciones


def indicadores_con_datos(*, hasta: date | None = None) -> QuerySet[Indicador]:
    """Active indicators with at least one value published by `hasta` (all time if None)."""
    return indicadores_publicos().filter(pk__in=_publicadas_en(hasta=hasta).values("indicador_id"))


def indicadores_con_datos_total(*, desde: date | None = None, hasta: date | None = None) -> int:
    """How many active indicators have published data at the end of the period (cumulative: a
    value published before the period still counts), out of indicadores_activos_total()."""
    return indicadores_con_datos(hasta=hasta).count()


def indicadores_movidos_en(
    *, desde: date | None = None, hasta: date | None = None
) -> QuerySet[Indicador]:
    """Active indicators with a value published in desde..hasta: what moved in the period."""
    return indicadores_publicos().filter(
        pk__in=_publicadas_en(desde=desde, hasta=hasta).values("indicador_id")
    )


def indicadores_movidos(*, desde: date | None = None, hasta: date | None = None) -> dict:
    """Table for the progress report: the indicators that moved in the period, each with its
    latest province figure."""
    from django.utils.translation import gettext as _

    from .cifras import cifra

    movidos = set(indicadores_movidos_en(desde=desde, hasta=hasta).values_list("pk", flat=True))
    resumen = {item["indicador"].pk: item for item in resumen_provincia()}
    filas = []
    for indicador in indicadores_publicos().filter(pk__in=movidos).order_by("codigo"):
        item = resumen.get(indicador.pk, {})
        valor = item.get("valor")
        filas.append(
            [
                indicador.codigo,
                indicador.nombre,
                item.get("periodo") or "—",
                cifra(valor, 1),
                indicador.unidad,
                indicador.fuente,
            ]
        )
    return {
        "columnas": [
            _("Código"),
            _("Indicador"),
            _("Período"),
            _("Pichincha"),
            _("Unidad"),
            _("Fuente"),
        ],
        "filas": filas,
        "nota": _(
            "Indicadores con al menos un valor publicado en el período; la cifra de Pichincha es "
            "la última publicada. Los datos de demostración se señalan como tales."
        ),
    }
