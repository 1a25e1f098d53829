"""Every write of the SIE: measurements and their validation, formulas, imports, targets.

The three validation rules (range, change from the previous period, disaggregations that must add
up to the total) never refuse a value: they flag it, and an analyst decides before publication.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .catalogo import DIMENSIONES
from .models import PROVINCIA_CODIGO, Canton, Indicador, Medicion, MetaIndicador, Parroquia

ORDEN_ESTADO = {
    Medicion.Estado.BORRADOR: 0,
    Medicion.Estado.VALIDADO: 1,
    Medicion.Estado.PUBLICADO: 2,
}
TOLERANCIA_SUMA = Decimal("0.005")  # relative, for rounding in the sources


# --- Periods and territories ----------------------------------------------------------------


def periodo_normalizar(*, texto: str, periodicidad: str) -> tuple[str, datetime.date]:
    """Turn '2024', '2024-T2', 'T2 2024', '2024-03' or '03/2024' into (code, first day)."""
    texto = str(texto or "").strip().upper().replace(" ", "")
    if texto.endswith(".0"):
        texto = texto[:-2]
    if periodicidad == Indicador.Periodicidad.ANUAL:
        if re.fullmatch(r"(19|20)\d\d", texto):
            return texto, datetime.date(int(texto), 1, 1)
        raise ValidationError(
            _("el período «%(texto)s» no es un año válido (se espera, p. ej., 2024).")
            % {"texto": texto}
        )
    if periodicidad == Indicador.Periodicidad.TRIMESTRAL:
        m = re.fullmatch(r"((?:19|20)\d\d)-?[TQ]([1-4])", texto) or re.fullmatch(
            r"[TQ]([1-4])-?((?:19|20)\d\d)", texto
        )
        if m:
            a, b = m.groups()
            anio, trimestre = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
            return f"{anio}-T{trimestre}", datetime.date(anio, 3 * trimestre - 2, 1)
        raise ValidationError(
            _("el período «%(texto)s» no es un trimestre válido (se espera, p. ej., 2024-T2).")
            % {"texto": texto}
        )
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", texto) or re.fullmatch(
        r"(\d{1,2})/((?:19|20)\d\d)", texto
    )
    if m:
        a, b = m.groups()
        anio, mes = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if 1 <= mes <= 12:
            return f"{anio}-{mes:02d}", datetime.date(anio, mes, 1)
    raise ValidationError(
        _("el período «%(texto)s» no es un mes válido (se espera, p. ej., 2024-03).")
        % {"texto": texto}
    )


def periodo_anterior(*, periodo: str, periodicidad: str) -> str:
    if periodicidad == Indicador.Periodicidad.ANUAL:
        return str(int(periodo) - 1)
    anio, resto = periodo.split("-")
    if periodicidad == Indicador.Periodicidad.TRIMESTRAL:
        t = int(resto[1:])
        return f"{int(anio) - 1}-T4" if t == 1 else f"{anio}-T{t - 1}"
    mes = int(resto)
    return f"{int(anio) - 1}-12" if mes == 1 else f"{anio}-{mes - 1:02d}"


def periodo_siguiente(*, periodo: str, periodicidad: str) -> str:
    if periodicidad == Indicador.Periodicidad.ANUAL:
        return str(int(periodo) + 1)
    anio, resto = periodo.split("-")
    if periodicidad == Indicador.Periodicidad.TRIMESTRAL:
        t = int(resto[1:])
        return f"{int(anio) + 1}-T1" if t == 4 else f"{anio}-T{t + 1}"
    mes = int(resto)
    return f"{int(anio) + 1}-01" if mes == 12 else f"{anio}-{mes + 1:02d}"


def territorio_clave(*, canton: Canton | None, parroquia: Parroquia | None = None) -> str:
    if parroquia is not None:
        return f"{parroquia.canton.codigo}-{parroquia.pk}"
    if canton is not None:
        return canton.codigo
    return PROVINCIA_CODIGO


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


# --- Validation rules ---------------------------------------------------------------------


def _num(valor: Decimal) -> str:
    texto = f"{valor:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return texto.rstrip("0").rstrip(",") if "," in texto else texto


def regla_rango(*, indicador: Indicador, valor: Decimal) -> str | None:
    if indicador.minimo is not None and valor < indicador.minimo:
        return _("El valor %(valor)s es menor que el mínimo admitido (%(minimo)s).") % {
            "valor": _num(valor),
            "minimo": _num(indicador.minimo),
        }
    if indicador.maximo is not None and valor > indicador.maximo:
        return _("El valor %(valor)s es mayor que el máximo admitido (%(maximo)s).") % {
            "valor": _num(valor),
            "maximo": _num(indicador.maximo),
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
            "valor": _num(valor),
        }
    cambio = (valor - anterior) / abs(anterior) * 100
    if abs(cambio) > indicador.umbral_variacion:
        return _(
            "Cambia %(cambio)s %% frente al período anterior (%(periodo)s: %(anterior)s); "
            "el umbral es ±%(umbral)s %%."
        ) % {
            "cambio": _num(cambio.quantize(Decimal("0.1"))),
            "periodo": periodo_anterior,
            "anterior": _num(anterior),
            "umbral": _num(indicador.umbral_variacion),
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
            "suma": _num(suma),
            "total": _num(total),
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


def _filas_de(pares: set[tuple[int, str]]) -> list[Medicion]:
    """Every measurement of the given (indicator id, territory) pairs, in one query."""
    if not pares:
        return []
    filas = Medicion.objects.filter(
        indicador_id__in={p[0] for p in pares}, territorio__in={p[1] for p in pares}
    ).select_related("indicador")
    return [m for m in filas if (m.indicador_id, m.territorio) in pares]


def _reevaluar(pares: set[tuple[int, str]]) -> None:
    """Recompute the flags of every value of these indicator × territory pairs (a few queries)."""
    por_grupo: dict[tuple, list[Medicion]] = {}
    for medicion in _filas_de(pares):
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


# --- Formulas -----------------------------------------------------------------------------


def _recalcular_formulas(pares: set[tuple[int, str]]) -> set[tuple[int, str]]:
    """Compute the ratio indicators whose components changed; their state is the least of
    their components' states. Returns the (indicator, territory) pairs it touched."""
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
    totales: dict[tuple, Medicion] = {}
    for m in Medicion.objects.filter(
        indicador_id__in=necesarios, territorio__in=territorios, desagregacion=""
    ):
        totales[(m.indicador_id, m.territorio, m.periodo)] = m
    existentes = {
        (m.indicador_id, m.territorio, m.periodo): m
        for m in Medicion.objects.filter(
            indicador__in=derivados, territorio__in=territorios, desagregacion=""
        )
    }
    ahora = timezone.now()
    crear, actualizar, borrar, tocados = [], [], [], set()
    for derivado in derivados:
        periodos = {
            (t, p) for (i, t, p) in totales if i in (derivado.numerador_id, derivado.denominador_id)
        } | {(t, p) for (i, t, p) in existentes if i == derivado.pk}
        for territorio, periodo in periodos:
            if (derivado.numerador_id, territorio) not in pares and (
                derivado.denominador_id,
                territorio,
            ) not in pares:
                continue
            numerador = totales.get((derivado.numerador_id, territorio, periodo))
            denominador = totales.get((derivado.denominador_id, territorio, periodo))
            existente = existentes.get((derivado.pk, territorio, periodo))
            if numerador is None or denominador is None or denominador.valor == 0:
                if existente is not None and existente.calculada:
                    borrar.append(existente.pk)
                continue
            valor = (numerador.valor / denominador.valor * derivado.factor).quantize(
                Decimal("0.0001")
            )
            estado = min((numerador.estado, denominador.estado), key=lambda e: ORDEN_ESTADO[e])
            fuente = (
                numerador.fuente
                if numerador.fuente == denominador.fuente
                else f"{numerador.fuente}; {denominador.fuente}"[:200]
            )
            datos = {
                "valor": valor,
                "canton_id": numerador.canton_id,
                "parroquia_id": numerador.parroquia_id,
                "fecha_periodo": numerador.fecha_periodo,
                "fuente": fuente,
                "fecha_dato": max(numerador.fecha_dato, denominador.fecha_dato),
                "estado": estado,
                "calculada": True,
                "es_demo": numerador.es_demo and denominador.es_demo,
            }
            tocados.add((derivado.pk, territorio))
            if existente is None:
                crear.append(
                    Medicion(
                        indicador=derivado,
                        territorio=territorio,
                        periodo=periodo,
                        fecha_publicacion=ahora if estado == Medicion.Estado.PUBLICADO else None,
                        **datos,
                    )
                )
                continue
            if estado != Medicion.Estado.PUBLICADO:
                datos["fecha_publicacion"] = None
            elif existente.estado != Medicion.Estado.PUBLICADO:
                datos["fecha_publicacion"] = ahora
            if any(getattr(existente, k) != v for k, v in datos.items()):
                for clave, valor_campo in datos.items():
                    setattr(existente, clave, valor_campo)
                actualizar.append(existente)
    if borrar:
        Medicion.objects.filter(pk__in=borrar).delete()
    if crear:
        bulk_create_with_history(crear, Medicion, batch_size=500)
    if actualizar:
        bulk_update_with_history(
            actualizar,
            Medicion,
            [
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
            ],
            batch_size=500,
        )
    return tocados


def formula_calcular(*, indicador: Indicador, territorio: str, periodo: str) -> Medicion | None:
    """Recompute one ratio indicator's value for a territory and period, and return it."""
    pares = {(indicador.numerador_id, territorio), (indicador.denominador_id, territorio)}
    tocados = _recalcular_formulas(pares)
    _reevaluar(tocados)
    return Medicion.objects.filter(
        indicador=indicador, territorio=territorio, periodo=periodo, desagregacion=""
    ).first()


def _despues_de_escribir(pares: set[tuple[int, str]]) -> None:
    tocados = _recalcular_formulas(pares)
    _reevaluar(pares | tocados)


# --- Measurements -------------------------------------------------------------------------


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


def _validar_dato(dato: DatoMedicion) -> tuple[str, datetime.date]:
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


def _guardar_lote(
    datos: list[DatoMedicion], *, usuario, es_demo: bool, estado: str
) -> list[Medicion]:
    """Validate every value, then write them in bulk. Raises every error at once."""
    errores = []
    preparados = []
    for numero, dato in enumerate(datos, start=1):
        try:
            codigo, inicio = _validar_dato(dato)
        except ValidationError as error:
            prefijo = _("Valor %(numero)s: ") % {"numero": numero} if len(datos) > 1 else ""
            errores.extend(f"{prefijo}{m[0].upper()}{m[1:]}" for m in error.messages)
            continue
        territorio = territorio_clave(canton=dato.canton, parroquia=dato.parroquia)
        preparados.append((dato, codigo, inicio, territorio))
    if errores:
        raise ValidationError(errores)
    pares = {(d.indicador.pk, t) for d, _, _, t in preparados}
    existentes = {
        (m.indicador_id, m.territorio, m.periodo, m.desagregacion, m.categoria): m
        for m in _filas_de(pares)
    }
    ahora = timezone.now()
    publicado = estado == Medicion.Estado.PUBLICADO
    crear, actualizar, resultado = [], [], []
    for dato, codigo, inicio, territorio in preparados:
        campos = {
            "canton": dato.canton or (dato.parroquia.canton if dato.parroquia else None),
            "parroquia": dato.parroquia,
            "fecha_periodo": inicio,
            "valor": dato.valor,
            "fuente": dato.fuente.strip()[:200],
            "fecha_dato": dato.fecha_dato,
            "estado": estado,
            "justificacion": "",
            "registrado_por": usuario if getattr(usuario, "pk", None) else None,
            "validado_por": None,
            "fecha_validacion": ahora if publicado else None,
            "fecha_publicacion": ahora if publicado else None,
            "es_demo": es_demo,
            "calculada": False,
        }
        clave = (dato.indicador.pk, territorio, codigo, dato.desagregacion, dato.categoria)
        medicion = existentes.get(clave)
        if medicion is None:
            medicion = Medicion(
                indicador=dato.indicador,
                territorio=territorio,
                periodo=codigo,
                desagregacion=dato.desagregacion,
                categoria=dato.categoria,
                **campos,
            )
            crear.append(medicion)
        else:
            for nombre, valor in campos.items():
                setattr(medicion, nombre, valor)
            actualizar.append(medicion)
        resultado.append(medicion)
    usuario_historia = usuario if getattr(usuario, "pk", None) else None
    if crear:
        creadas = bulk_create_with_history(
            crear, Medicion, batch_size=500, default_user=usuario_historia
        )
        # Backends that do not return primary keys from bulk inserts (none we support today).
        if creadas and creadas[0].pk is None:
            raise RuntimeError("bulk_create did not return primary keys")
    if actualizar:
        bulk_update_with_history(
            actualizar,
            Medicion,
            [
                "canton",
                "parroquia",
                "fecha_periodo",
                "valor",
                "fuente",
                "fecha_dato",
                "estado",
                "justificacion",
                "registrado_por",
                "validado_por",
                "fecha_validacion",
                "fecha_publicacion",
                "es_demo",
                "calculada",
            ],
            batch_size=500,
            default_user=usuario_historia,
        )
    _despues_de_escribir(pares)
    return resultado


@transaction.atomic
def medicion_registrar(*, dato: DatoMedicion, usuario=None, es_demo: bool = False) -> Medicion:
    """Record (or replace) one value as a draft; a replaced value must be validated again."""
    medicion = _guardar_lote([dato], usuario=usuario, es_demo=es_demo, estado="borrador")[0]
    medicion.refresh_from_db()
    return medicion


@transaction.atomic
def mediciones_registrar(
    *, datos: list[DatoMedicion], usuario=None, es_demo: bool = False, estado: str = "borrador"
) -> list[Medicion]:
    """Record many values all-or-nothing: one invalid value and nothing is saved.

    Values enter as drafts; only the demo loader records them directly as published."""
    if estado != Medicion.Estado.BORRADOR and not es_demo:
        raise ValidationError(_("Solo los datos de demostración se registran ya publicados."))
    return _guardar_lote(datos, usuario=usuario, es_demo=es_demo, estado=estado)


@transaction.atomic
def medicion_corregir(
    *, medicion: Medicion, valor: Decimal, fuente: str, fecha_dato: datetime.date, usuario
) -> Medicion:
    """Correct a value (e.g. a flagged one); it goes back to draft and is checked again."""
    if medicion.calculada:
        raise ValidationError(
            "Este valor se calcula a partir de otros indicadores: corrija sus componentes."
        )
    dato = DatoMedicion(
        indicador=medicion.indicador,
        canton=medicion.canton,
        parroquia=medicion.parroquia,
        periodo=medicion.periodo,
        valor=valor,
        fuente=fuente,
        fecha_dato=fecha_dato,
        desagregacion=medicion.desagregacion,
        categoria=medicion.categoria,
    )
    return medicion_registrar(dato=dato, usuario=usuario, es_demo=medicion.es_demo)


@transaction.atomic
def medicion_validar(*, medicion: Medicion, usuario, justificacion: str = "") -> Medicion:
    """An analyst accepts a draft; a flagged value needs a written reason to be accepted."""
    medicion = Medicion.objects.select_for_update().get(pk=medicion.pk)
    if medicion.calculada:
        raise ValidationError(
            "Los valores calculados siguen el estado de sus componentes: valide los componentes."
        )
    if medicion.estado != Medicion.Estado.BORRADOR:
        raise ValidationError(_("Solo se valida un valor en borrador."))
    if medicion.alertas and not justificacion.strip():
        raise ValidationError(
            "Este valor tiene alertas de validación: corríjalo, o explique por qué es correcto "
            "para validarlo igualmente."
        )
    medicion.estado = Medicion.Estado.VALIDADO
    medicion.justificacion = justificacion.strip()
    medicion.validado_por = usuario
    medicion.fecha_validacion = timezone.now()
    medicion.save()
    _despues_de_escribir({(medicion.indicador_id, medicion.territorio)})
    return medicion


@transaction.atomic
def medicion_publicar(*, medicion: Medicion, usuario) -> Medicion:
    medicion = Medicion.objects.select_for_update().get(pk=medicion.pk)
    if medicion.calculada:
        raise ValidationError(
            "Los valores calculados se publican cuando se publican sus componentes."
        )
    if medicion.estado != Medicion.Estado.VALIDADO:
        raise ValidationError(_("Solo se publica un valor validado por un analista."))
    medicion.estado = Medicion.Estado.PUBLICADO
    medicion.fecha_publicacion = timezone.now()
    medicion.save()
    _despues_de_escribir({(medicion.indicador_id, medicion.territorio)})
    return medicion


@transaction.atomic
def medicion_retirar(*, medicion: Medicion, usuario) -> Medicion:
    """Take a published value back to draft (e.g. the source corrected it)."""
    if medicion.calculada:
        raise ValidationError(_("Retire los componentes de un valor calculado."))
    medicion.estado = Medicion.Estado.BORRADOR
    medicion.fecha_publicacion = None
    medicion.validado_por = None
    medicion.fecha_validacion = None
    medicion.save()
    _despues_de_escribir({(medicion.indicador_id, medicion.territorio)})
    return medicion


def mediciones_validar(*, mediciones, usuario) -> tuple[int, int]:
    """Validate every draft without flags; returns (validated, skipped because flagged)."""
    hechas = omitidas = 0
    for medicion in mediciones:
        if medicion.calculada or medicion.estado != Medicion.Estado.BORRADOR:
            continue
        if medicion.alertas:
            omitidas += 1
            continue
        medicion_validar(medicion=medicion, usuario=usuario)
        hechas += 1
    return hechas, omitidas


def mediciones_publicar(*, mediciones, usuario) -> int:
    hechas = 0
    for medicion in mediciones:
        if not medicion.calculada and medicion.estado == Medicion.Estado.VALIDADO:
            medicion_publicar(medicion=medicion, usuario=usuario)
            hechas += 1
    return hechas


# --- Import (CSV/XLSX) --------------------------------------------------------------------

COLUMNAS_PLANTILLA = [
    "indicador",
    "canton",
    "parroquia",
    "periodo",
    "desagregacion",
    "categoria",
    "valor",
    "fuente",
    "fecha_dato",
]
COLUMNAS_OBLIGATORIAS = ["indicador", "canton", "periodo", "valor", "fuente", "fecha_dato"]
MAX_FILAS_IMPORTACION = 20000


@dataclass
class FilaImportada:
    numero: int
    datos: dict
    dato: DatoMedicion | None = None
    errores: list[str] = field(default_factory=list)


@dataclass
class Importacion:
    filas: list[FilaImportada] = field(default_factory=list)
    errores_generales: list[str] = field(default_factory=list)

    @property
    def errores(self) -> list[str]:
        mensajes = list(self.errores_generales)
        for fila in self.filas:
            mensajes.extend(
                _("Fila %(numero)s: %(error)s") % {"numero": fila.numero, "error": e}
                for e in fila.errores
            )
        return mensajes

    @property
    def valida(self) -> bool:
        return not self.errores and bool(self.filas)


def _leer_tabla(*, contenido: bytes, nombre_archivo: str) -> list[list]:
    import tablib

    nombre = nombre_archivo.lower()
    if nombre.endswith(".xlsx"):
        from io import BytesIO

        from openpyxl import load_workbook

        try:
            libro = load_workbook(BytesIO(contenido), read_only=True, data_only=True)
        except Exception as error:
            raise ValidationError(
                "No se pudo leer el archivo XLSX: ¿está dañado o es de otro formato?"
            ) from error
        hoja = libro.worksheets[0]
        return [list(fila) for fila in hoja.iter_rows(values_only=True)]
    if nombre.endswith(".csv"):
        try:
            texto = contenido.decode("utf-8-sig")
        except UnicodeDecodeError:
            texto = contenido.decode("latin-1")
        separador = (
            ";" if texto.split("\n", 1)[0].count(";") > texto.split("\n", 1)[0].count(",") else ","
        )
        datos = tablib.Dataset().load(texto, format="csv", delimiter=separador, headers=False)
        return [list(fila) for fila in datos]
    raise ValidationError(_("El archivo debe ser CSV (.csv) o Excel (.xlsx)."))


def _decimal(texto) -> Decimal:
    """Read a number as people in Ecuador write it (1.234,5) or as files do (1234.5)."""
    if isinstance(texto, (int, float, Decimal)) and not isinstance(texto, bool):
        return Decimal(str(texto))
    limpio = str(texto).strip().replace(" ", "")
    if "," in limpio and "." in limpio:
        # 1.234,5 (es-EC) or 1,234.5
        limpio = (
            limpio.replace(".", "").replace(",", ".")
            if limpio.rfind(",") > limpio.rfind(".")
            else limpio.replace(",", "")
        )
    elif "," in limpio:
        limpio = limpio.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}", limpio) or re.fullmatch(
        r"-?\d{1,3}\.\d{3}", limpio
    ):
        # es-EC writes thousands with dots: 1.200 is one thousand two hundred.
        limpio = limpio.replace(".", "")
    try:
        valor = Decimal(limpio)
    except InvalidOperation as error:
        raise ValidationError(
            _("el valor «%(texto)s» no es un número.") % {"texto": texto}
        ) from error
    if not valor.is_finite():
        raise ValidationError(_("el valor «%(texto)s» no es un número.") % {"texto": texto})
    return valor


def _fecha(texto) -> datetime.date:
    if isinstance(texto, datetime.datetime):
        return texto.date()
    if isinstance(texto, datetime.date):
        return texto
    limpio = str(texto).strip()
    for formato in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(limpio, formato).date()
        except ValueError:
            continue
    raise ValidationError(
        _("la fecha del dato «%(fecha)s» no es válida (use AAAA-MM-DD o DD/MM/AAAA).")
        % {"fecha": limpio}
    )


def importacion_analizar(*, contenido: bytes, nombre_archivo: str) -> Importacion:
    """Read a CSV/XLSX file and check every row without saving anything (the preview)."""
    resultado = Importacion()
    try:
        tabla = _leer_tabla(contenido=contenido, nombre_archivo=nombre_archivo)
    except ValidationError as error:
        resultado.errores_generales.extend(error.messages)
        return resultado
    except Exception:
        resultado.errores_generales.append(
            "No se pudo leer el archivo: revise que sea un CSV separado por comas o punto y coma."
        )
        return resultado
    tabla = [fila for fila in tabla if any(c not in (None, "") for c in fila)]
    if not tabla:
        resultado.errores_generales.append(_("El archivo está vacío."))
        return resultado
    cabecera = [str(c or "").strip().lower().replace("ó", "o").replace("í", "i") for c in tabla[0]]
    faltan = [c for c in COLUMNAS_OBLIGATORIAS if c not in cabecera]
    if faltan:
        resultado.errores_generales.append(
            _(
                "Faltan columnas: %(columnas)s. Descargue la plantilla del indicador y "
                "conserve su primera fila."
            )
            % {"columnas": ", ".join(faltan)}
        )
        return resultado
    if len(tabla) - 1 > MAX_FILAS_IMPORTACION:
        resultado.errores_generales.append(
            _("El archivo tiene %(filas)s filas; el máximo es %(maximo)s.")
            % {"filas": len(tabla) - 1, "maximo": MAX_FILAS_IMPORTACION}
        )
        return resultado
    indicadores = {
        i.codigo.upper(): i for i in Indicador.objects.select_related("numerador", "denominador")
    }
    cantones = {}
    for canton in Canton.objects.all():
        cantones[canton.codigo] = canton
        cantones[canton.nombre.lower()] = canton
        cantones[canton.slug] = canton
    parroquias = {(p.canton_id, p.nombre.lower()): p for p in Parroquia.objects.all()}
    vistos: dict[tuple, int] = {}
    for numero, celdas in enumerate(tabla[1:], start=2):
        datos = {
            col: ("" if valor is None else valor)
            for col, valor in zip(cabecera, list(celdas) + [None] * len(cabecera), strict=False)
        }
        fila = FilaImportada(numero=numero, datos=datos)
        resultado.filas.append(fila)
        for col in COLUMNAS_OBLIGATORIAS:
            if str(datos.get(col, "")).strip() == "":
                fila.errores.append(_("la columna «%(columna)s» está vacía.") % {"columna": col})
        if fila.errores:
            continue
        codigo = str(datos["indicador"]).strip().upper()
        indicador = indicadores.get(codigo)
        if indicador is None:
            fila.errores.append(
                _("el indicador «%(codigo)s» no existe en el catálogo.")
                % {"codigo": datos["indicador"]}
            )
            continue
        texto_canton = str(datos["canton"]).strip()
        if texto_canton.endswith(".0"):
            texto_canton = texto_canton[:-2]
        canton = None
        if texto_canton not in (PROVINCIA_CODIGO, "Pichincha", "pichincha"):
            canton = cantones.get(texto_canton) or cantones.get(texto_canton.lower())
            if canton is None:
                fila.errores.append(
                    _(
                        "el cantón «%(canton)s» no existe: use el código (1701 a 1709, sin 1706) "
                        "o el nombre del cantón."
                    )
                    % {"canton": texto_canton}
                )
                continue
        parroquia = None
        texto_parroquia = str(datos.get("parroquia", "")).strip()
        if texto_parroquia:
            parroquia = parroquias.get((canton.pk if canton else None, texto_parroquia.lower()))
            if parroquia is None:
                fila.errores.append(
                    _("la parroquia «%(parroquia)s» no pertenece al cantón «%(canton)s».")
                    % {"parroquia": texto_parroquia, "canton": texto_canton}
                )
                continue
        try:
            valor = _decimal(datos["valor"])
        except ValidationError as error:
            fila.errores.extend(error.messages)
            valor = None
        try:
            fecha_dato = _fecha(datos["fecha_dato"])
        except ValidationError as error:
            fila.errores.extend(error.messages)
            fecha_dato = None
        if fila.errores:
            continue
        dato = DatoMedicion(
            indicador=indicador,
            canton=canton,
            parroquia=parroquia,
            periodo=str(datos["periodo"]),
            valor=valor,
            fuente=str(datos["fuente"]),
            fecha_dato=fecha_dato,
            desagregacion=str(datos.get("desagregacion", "")).strip().lower(),
            categoria=str(datos.get("categoria", "")).strip().lower(),
        )
        try:
            codigo_periodo, _inicio = _validar_dato(dato)
        except ValidationError as error:
            fila.errores.extend(error.messages)
            continue
        dato.periodo = codigo_periodo
        clave = (
            indicador.codigo,
            territorio_clave(canton=canton, parroquia=parroquia),
            codigo_periodo,
            dato.desagregacion,
            dato.categoria,
        )
        if clave in vistos:
            fila.errores.append(_("repite el valor de la fila %(fila)s.") % {"fila": vistos[clave]})
            continue
        vistos[clave] = numero
        fila.dato = dato
    if not resultado.filas:
        resultado.errores_generales.append(_("El archivo no tiene filas de datos."))
    return resultado


@transaction.atomic
def importacion_aplicar(*, contenido: bytes, nombre_archivo: str, usuario) -> list[Medicion]:
    """Import a file all-or-nothing: with any error nothing is saved, and the errors are raised."""
    resultado = importacion_analizar(contenido=contenido, nombre_archivo=nombre_archivo)
    if not resultado.valida:
        raise ValidationError(resultado.errores or ["El archivo no tiene filas de datos."])
    return mediciones_registrar(datos=[f.dato for f in resultado.filas], usuario=usuario)


def plantilla_generar(*, indicador: Indicador, formato: str, periodo: str = "") -> bytes:
    """A file with the import columns and one row per canton (and category) to fill in."""
    import tablib

    from core.exportar import dataset_seguro

    datos = tablib.Dataset(headers=COLUMNAS_PLANTILLA, title=indicador.codigo)
    categorias = [("", "")]
    for dimension in indicador.desagregaciones or []:
        categorias.extend((dimension, c) for c, _etiqueta in DIMENSIONES[dimension][1])
    hoy = timezone.localdate().isoformat()
    if indicador.nivel_territorial == Indicador.Nivel.PROVINCIA:
        territorios = [PROVINCIA_CODIGO]
    else:
        territorios = list(Canton.objects.values_list("codigo", flat=True))
    for territorio in territorios:
        for desagregacion, categoria in categorias:
            datos.append(
                [
                    indicador.codigo,
                    territorio,
                    "",
                    periodo,
                    desagregacion,
                    categoria,
                    "",
                    indicador.fuente,
                    hoy,
                ]
            )
    datos = dataset_seguro(datos)  # the period comes from the query string
    if formato == "xlsx":
        return datos.export("xlsx")
    return ("\ufeff" + datos.export("csv")).encode("utf-8")


# --- Targets and the catalogue ------------------------------------------------------------


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
) -> MetaIndicador:
    codigo, inicio = periodo_normalizar(
        texto=linea_base_periodo, periodicidad=indicador.periodicidad
    )
    if fecha_meta <= inicio:
        raise ValidationError(
            {"fecha_meta": "La fecha de la meta debe ser posterior al período de la línea base."}
        )
    duplicada = MetaIndicador.objects.filter(
        indicador=indicador, canton=canton, fecha_meta=fecha_meta
    )
    if meta is not None:
        duplicada = duplicada.exclude(pk=meta.pk)
    if duplicada.exists():
        raise ValidationError(
            {"fecha_meta": "Ya hay una meta de este indicador para este territorio y esa fecha."}
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
def indicador_guardar(*, indicador: Indicador) -> Indicador:
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
