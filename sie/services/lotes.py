"""Recording values (one, a grid or a file, all-or-nothing) and their review: correct, validate,
publish, withdraw."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.cache import cambio_publico

from ..models import Medicion
from .formulas import recalcular_tras_escribir
from .periodos import territorio_clave
from .validacion import DatoMedicion, dato_validar, mediciones_de_pares

CAMPOS_REGISTRADOS = [
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
]


def _preparar(datos: list[DatoMedicion]) -> list[tuple]:
    """(dato, period code, first day, territory) of every value; every error raised at once."""
    errores, preparados = [], []
    for numero, dato in enumerate(datos, start=1):
        try:
            codigo, inicio = dato_validar(dato=dato)
        except ValidationError as error:
            prefijo = _("Valor %(numero)s: ") % {"numero": numero} if len(datos) > 1 else ""
            errores.extend(f"{prefijo}{m[0].upper()}{m[1:]}" for m in error.messages)
            continue
        territorio = territorio_clave(canton=dato.canton, parroquia=dato.parroquia)
        preparados.append((dato, codigo, inicio, territorio))
    if errores:
        raise ValidationError(errores)
    return preparados


def _campos(dato: DatoMedicion, inicio, *, usuario, estado: str, es_demo: bool, ahora) -> dict:
    publicado = estado == Medicion.Estado.PUBLICADO
    return {
        "canton": dato.canton or (dato.parroquia.canton if dato.parroquia else None),
        "parroquia": dato.parroquia,
        "fecha_periodo": inicio,
        "valor": dato.valor,
        "fuente": dato.fuente.strip()[:200],
        "fecha_dato": dato.fecha_dato,
        "estado": estado,
        "justificacion": "",
        "registrado_por": usuario,
        "validado_por": None,
        "fecha_validacion": ahora if publicado else None,
        "fecha_publicacion": ahora if publicado else None,
        "es_demo": es_demo,
        "calculada": False,
    }


def _guardar_lote(
    datos: list[DatoMedicion], *, usuario, es_demo: bool, estado: str
) -> list[Medicion]:
    """Validate every value, then write them in bulk. Raises every error at once."""
    preparados = _preparar(datos)
    pares = {(d.indicador.pk, t) for d, _c, _i, t in preparados}
    existentes = {
        (m.indicador_id, m.territorio, m.periodo, m.desagregacion, m.categoria): m
        for m in mediciones_de_pares(pares=pares)
    }
    usuario = usuario if getattr(usuario, "pk", None) else None
    ahora = timezone.now()
    crear, actualizar, resultado = [], [], []
    for dato, codigo, inicio, territorio in preparados:
        campos = _campos(dato, inicio, usuario=usuario, estado=estado, es_demo=es_demo, ahora=ahora)
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
    if crear:
        bulk_create_with_history(crear, Medicion, batch_size=500, default_user=usuario)
    if actualizar:
        bulk_update_with_history(
            actualizar, Medicion, CAMPOS_REGISTRADOS, batch_size=500, default_user=usuario
        )
    cambio_publico()  # bulk writes send no signals; a corrected value leaves public pages
    recalcular_tras_escribir(pares=pares)
    return resultado


@transaction.atomic
def medicion_registrar(
    *, dato: DatoMedicion, usuario: AbstractBaseUser | None = None, es_demo: bool = False
) -> Medicion:
    """Record (or replace) one value as a draft; a replaced value must be validated again."""
    medicion = _guardar_lote([dato], usuario=usuario, es_demo=es_demo, estado="borrador")[0]
    medicion.refresh_from_db()
    return medicion


@transaction.atomic
def mediciones_registrar(
    *,
    datos: list[DatoMedicion],
    usuario: AbstractBaseUser | None = None,
    es_demo: bool = False,
    estado: str = "borrador",
) -> list[Medicion]:
    """Record many values all-or-nothing: one invalid value and nothing is saved.

    Values enter as drafts; only the demo loader records them directly as published."""
    if estado != Medicion.Estado.BORRADOR and not es_demo:
        raise ValidationError(_("Solo los datos de demostración se registran ya publicados."))
    return _guardar_lote(datos, usuario=usuario, es_demo=es_demo, estado=estado)


@transaction.atomic
def medicion_corregir(
    *,
    medicion: Medicion,
    valor: Decimal,
    fuente: str,
    fecha_dato: datetime.date,
    usuario: AbstractBaseUser,
) -> Medicion:
    """Correct a value (e.g. a flagged one); it goes back to draft and is checked again."""
    if medicion.calculada:
        raise ValidationError(
            _("Este valor se calcula a partir de otros indicadores: corrija sus componentes.")
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


def _bloquear_en_estado(
    medicion: Medicion, estado: str, *, calculada: str, en_otro_estado: str
) -> Medicion:
    """The value, locked, if it is in `estado`; a calculated value follows its components."""
    medicion = Medicion.objects.select_for_update().get(pk=medicion.pk)
    if medicion.calculada:
        raise ValidationError(calculada)
    if medicion.estado != estado:
        raise ValidationError(en_otro_estado)
    return medicion


def _guardar_estado(medicion: Medicion) -> Medicion:
    """Save a value's new state; the values calculated from it follow."""
    medicion.save()
    recalcular_tras_escribir(pares={(medicion.indicador_id, medicion.territorio)})
    return medicion


@transaction.atomic
def medicion_validar(
    *, medicion: Medicion, usuario: AbstractBaseUser | None, justificacion: str = ""
) -> Medicion:
    """An analyst accepts a draft; a flagged value needs a written reason to be accepted."""
    medicion = _bloquear_en_estado(
        medicion,
        Medicion.Estado.BORRADOR,
        calculada=_(
            "Los valores calculados siguen el estado de sus componentes: valide los componentes."
        ),
        en_otro_estado=_("Solo se valida un valor en borrador."),
    )
    if medicion.alertas and not justificacion.strip():
        raise ValidationError(
            _(
                "Este valor tiene alertas de validación: corríjalo, o explique por qué es "
                "correcto para validarlo igualmente."
            )
        )
    medicion.estado = Medicion.Estado.VALIDADO
    medicion.justificacion = justificacion.strip()
    medicion.validado_por = usuario
    medicion.fecha_validacion = timezone.now()
    return _guardar_estado(medicion)


@transaction.atomic
def medicion_publicar(*, medicion: Medicion, usuario: AbstractBaseUser | None) -> Medicion:
    """Make a validated value public."""
    medicion = _bloquear_en_estado(
        medicion,
        Medicion.Estado.VALIDADO,
        calculada=_("Los valores calculados se publican cuando se publican sus componentes."),
        en_otro_estado=_("Solo se publica un valor validado por un analista."),
    )
    medicion.estado = Medicion.Estado.PUBLICADO
    medicion.fecha_publicacion = timezone.now()
    return _guardar_estado(medicion)


@transaction.atomic
def medicion_retirar(*, medicion: Medicion, usuario: AbstractBaseUser) -> Medicion:
    """Take a published value back to draft (e.g. the source corrected it)."""
    if medicion.calculada:
        raise ValidationError(_("Retire los componentes de un valor calculado."))
    medicion.estado = Medicion.Estado.BORRADOR
    medicion.fecha_publicacion = None
    medicion.validado_por = None
    medicion.fecha_validacion = None
    return _guardar_estado(medicion)


def mediciones_validar(*, mediciones: list[Medicion], usuario: AbstractBaseUser) -> tuple[int, int]:
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


def mediciones_publicar(*, mediciones: list[Medicion], usuario: AbstractBaseUser) -> int:
    """Publish every validated value among these; returns how many."""
    hechas = 0
    for medicion in mediciones:
        if not medicion.calculada and medicion.estado == Medicion.Estado.VALIDADO:
            medicion_publicar(medicion=medicion, usuario=usuario)
            hechas += 1
    return hechas
