"""Demo data of the SIE: five years of plausible values for every indicator and canton.

Built through the services, marked es_demo (pages and downloads say so). Idempotent: it does
nothing if demo values already exist. The figures are invented around the orders of magnitude of
../shared/DOMAIN.md; they are not official statistics.
"""

import datetime
import random
from decimal import Decimal

from .catalogo import DIMENSIONES
from .models import Canton, Indicador, Medicion, MetaIndicador
from .services import DatoMedicion, medicion_registrar, mediciones_registrar, meta_guardar

CANTONES = ["1701", "1702", "1703", "1704", "1705", "1707", "1708", "1709"]
ANIOS = [2021, 2022, 2023, 2024, 2025]
# Tourism recovered after the pandemic; the factor multiplies the 2019-like base.
TURISMO_ANIO = {2021: 0.68, 2022: 0.86, 2023: 0.97, 2024: 1.04, 2025: 1.09}

BASES = {
    "TUR-01": [1_250_000, 62_000, 88_000, 36_000, 112_000, 200_000, 26_000, 41_000],
    "TUR-02": [5200, 185, 240, 92, 420, 165, 46, 72],
    "TUR-09": [96, 44, 41, 35, 38, 71, 52, 49],
    "TUR-10": [58, 34, 31, 29, 37, 53, 30, 34],
    "TUR-11": [12, 6, 4, 5, 2, 4, 2, 3],
    "TUR-12": [152, 46, 41, 26, 31, 36, 21, 27],
    "AGR-01": [25_000, 18_000, 20_500, 9_200, 3_100, 12_400, 14_300, 20_800],
    "AGR-05": [61_000, 72_000, 83_000, 26_000, 8_200, 35_500, 30_200, 28_400],
    "AGR-09": [820, 1_560, None, 1_240, None, None, None, None],
    "AGR-10": [1_100, 2_050, None, 1_620, None, None, None, None],
    "AGR-11": [420, None, None, None, None, 1_480, 1_230, 3_450],
    "AGR-12": [6_100, 9_200, 7_050, 5_480, 920, 310, 210, 260],
    "AGR-13": [3_480, 4_230, 2_810, 2_090, 610, 930, 720, 1_080],
    "AGR-14": [518_000, 163_000, 141_000, 96_000, 25_500, 45_200, 40_100, 61_300],
}
RENDIMIENTO = [8.1, 12.3, 9.4, 14.2, 7.2, 6.1, 10.2, 11.4]  # t/ha
LITROS_VACA = [9.2, 11.4, 12.1, 10.3, 9.0, 6.2, 6.6, 6.1]
ACTIVIDAD = [0.22, 0.55, 0.10, 0.05, 0.06, 0.02]
CATEGORIA = [0.05, 0.15, 0.35, 0.45]
SEXO_TURISMO = [0.47, 0.53]
SEXO_AGRO = [0.58, 0.42]
TEMPORADA = [0.92, 1.0, 1.12, 0.96]  # occupancy by quarter


def _partes(total: float, proporciones: list[float]) -> list[int]:
    partes = [round(total * p) for p in proporciones]
    return partes


def _sectores_de(canton: str) -> list[str]:
    from .referencia import SECTORES_AGROPECUARIOS

    return [s["slug"] for s in SECTORES_AGROPECUARIOS if canton in s["cantones"]]


def generar_valores(semilla: int = 17) -> list[tuple]:
    """(indicador, canton, periodo, desagregacion, categoria, valor, fuente_extra) rows."""
    azar = random.Random(semilla)
    filas = []

    def ruido(amplitud=0.03):
        return 1 + azar.uniform(-amplitud, amplitud)

    pesos_sector = {
        (canton, slug): azar.uniform(0.6, 1.4)
        for canton in CANTONES
        for slug in _sectores_de(canton)
    }
    for i, canton in enumerate(CANTONES):
        tendencia_agro = 1.0
        for anio in ANIOS:
            t = TURISMO_ANIO[anio]
            tendencia_agro *= 1.015 * ruido(0.01)
            periodo = str(anio)
            filas.append(
                ("TUR-01", canton, periodo, "", "", round(BASES["TUR-01"][i] * t * ruido()))
            )
            est = BASES["TUR-02"][i] * (0.9 + 0.1 * t) * ruido(0.02)
            actividad = _partes(est, ACTIVIDAD)
            filas.append(("TUR-02", canton, periodo, "", "", sum(actividad)))
            for (codigo, _), valor in zip(DIMENSIONES["actividad"][1], actividad, strict=True):
                filas.append(("TUR-02", canton, periodo, "actividad", codigo, valor))
            alojamiento = actividad[0]
            categorias = _partes(alojamiento, CATEGORIA)
            filas.append(("TUR-03", canton, periodo, "", "", sum(categorias)))
            for (codigo, _), valor in zip(DIMENSIONES["categoria"][1], categorias, strict=True):
                filas.append(("TUR-03", canton, periodo, "categoria", codigo, valor))
            habitaciones = round(sum(categorias) * (18 if canton == "1701" else 11) * ruido())
            filas.append(("TUR-04", canton, periodo, "", "", habitaciones))
            filas.append(("TUR-05", canton, periodo, "", "", round(habitaciones * 2.1 * ruido())))
            empleo = _partes(sum(actividad) * 4.4 * ruido(), SEXO_TURISMO)
            filas.append(("TUR-07", canton, periodo, "", "", sum(empleo)))
            for (codigo, _), valor in zip(DIMENSIONES["sexo"][1], empleo, strict=True):
                filas.append(("TUR-07", canton, periodo, "sexo", codigo, valor))
            filas.append(
                (
                    "TUR-09",
                    canton,
                    periodo,
                    "",
                    "",
                    round(BASES["TUR-09"][i] * (0.9 + 0.1 * t) * ruido(), 2),
                )
            )
            for trimestre, factor in enumerate(TEMPORADA, start=1):
                valor = min(BASES["TUR-10"][i] * t * factor * ruido(0.05), 95)
                filas.append(("TUR-10", canton, f"{anio}-T{trimestre}", "", "", round(valor, 1)))
            for codigo in ("TUR-11", "TUR-12"):
                filas.append(
                    (
                        codigo,
                        canton,
                        periodo,
                        "",
                        "",
                        round(BASES[codigo][i] * (1 + (anio - 2021) * 0.03)),
                    )
                )
            # Agriculture
            sembrada = BASES["AGR-01"][i] * tendencia_agro
            sectores = _sectores_de(canton)
            pesos = [pesos_sector[(canton, s)] for s in sectores]
            partes = _partes(sembrada, [p / sum(pesos) for p in pesos]) if sectores else []
            total_sembrada = sum(partes) if partes else round(sembrada)
            filas.append(("AGR-01", canton, periodo, "", "", total_sembrada))
            for codigo, _ in DIMENSIONES["sector"][1]:
                valor = partes[sectores.index(codigo)] if codigo in sectores else 0
                filas.append(("AGR-01", canton, periodo, "sector", codigo, valor))
            cosechada = round(total_sembrada * 0.9 * ruido(0.02))
            filas.append(("AGR-02", canton, periodo, "", "", cosechada))
            filas.append(
                ("AGR-03", canton, periodo, "", "", round(cosechada * RENDIMIENTO[i] * ruido()))
            )
            bovinos = round(BASES["AGR-05"][i] * tendencia_agro)
            vacas = round(bovinos * 0.38 * ruido(0.02))
            filas.append(("AGR-05", canton, periodo, "", "", bovinos))
            filas.append(("AGR-06", canton, periodo, "", "", vacas))
            filas.append(
                (
                    "AGR-07",
                    canton,
                    periodo,
                    "",
                    "",
                    round(vacas * LITROS_VACA[i] * tendencia_agro * ruido()),
                )
            )
            for codigo in ("AGR-09", "AGR-10", "AGR-11", "AGR-12", "AGR-14"):
                base = BASES[codigo][i]
                if base is not None:
                    filas.append(
                        (codigo, canton, periodo, "", "", round(base * tendencia_agro * ruido()))
                    )
            productores = _partes(
                BASES["AGR-13"][i] * (1 + (anio - 2021) * 0.05) * ruido(), SEXO_AGRO
            )
            filas.append(("AGR-13", canton, periodo, "", "", sum(productores)))
            for (codigo, _), valor in zip(DIMENSIONES["sexo"][1], productores, strict=True):
                filas.append(("AGR-13", canton, periodo, "sexo", codigo, valor))
    return filas


def cargar_demo(*, usuarios, salida=None) -> str:
    if Medicion.objects.filter(es_demo=True).exists():
        return "ya estaba cargado"
    indicadores = {
        i.codigo: i for i in Indicador.objects.select_related("numerador", "denominador")
    }
    cantones = {c.codigo: c for c in Canton.objects.all()}
    analista = usuarios.get("analista")
    datos = []
    for codigo, canton, periodo, desagregacion, categoria, valor in generar_valores():
        indicador = indicadores[codigo]
        anio = int(periodo[:4])
        datos.append(
            DatoMedicion(
                indicador=indicador,
                canton=cantones[canton],
                periodo=periodo,
                valor=Decimal(str(valor)),
                fuente=indicador.fuente,
                fecha_dato=datetime.date(anio + 1, 3, 31),
                desagregacion=desagregacion,
                categoria=categoria,
            )
        )
    # Everything up to 2024 published; 2025 waits for the analyst as drafts.
    publicados = [d for d in datos if not d.periodo.startswith("2025")]
    borradores = [d for d in datos if d.periodo.startswith("2025")]
    mediciones_registrar(datos=publicados, usuario=analista, es_demo=True, estado="publicado")
    mediciones_registrar(datos=borradores, usuario=analista, es_demo=True)
    # A typing slip the validation rules should catch: an extra zero in Cayambe's arrivals.
    cayambe = next(
        d for d in borradores if d.indicador.codigo == "TUR-01" and d.canton.codigo == "1702"
    )
    cayambe.valor = cayambe.valor * 10
    medicion_registrar(dato=cayambe, usuario=analista, es_demo=True)
    # Targets to 2027 from the 2023 baseline.
    metas = 0
    for codigo, mejora in (
        ("TUR-01", "1.25"),
        ("TUR-07", "1.20"),
        ("AGR-07", "1.10"),
        ("AGR-12", "1.15"),
    ):
        indicador = indicadores[codigo]
        for canton in cantones.values():
            base = Medicion.objects.filter(
                indicador=indicador, territorio=canton.codigo, periodo="2023", desagregacion=""
            ).first()
            if (
                base is None
                or MetaIndicador.objects.filter(indicador=indicador, canton=canton).exists()
            ):
                continue
            meta_guardar(
                indicador=indicador,
                canton=canton,
                linea_base=base.valor,
                linea_base_periodo="2023",
                valor_meta=(base.valor * Decimal(mejora)).quantize(Decimal("1")),
                fecha_meta=datetime.date(2027, 12, 31),
                descripcion="Meta de demostración del pacto",
                es_demo=True,
                usuario=analista,
            )
            metas += 1
    total = Medicion.objects.filter(es_demo=True).count()
    return f"{total} valores de demostración y {metas} metas"
