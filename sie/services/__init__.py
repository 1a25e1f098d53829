"""Every write of the SIE, by concern; `from sie import services` then `services.<name>`."""

from .formulas import formulas_recalcular, recalcular_tras_escribir
from .importacion import (
    COLUMNAS_PLANTILLA,
    FilaMedicionForm,
    Importacion,
    importacion_analizar,
    importacion_aplicar,
    plantilla_filas,
)
from .lotes import (
    medicion_corregir,
    medicion_publicar,
    medicion_registrar,
    medicion_retirar,
    medicion_validar,
    mediciones_publicar,
    mediciones_registrar,
    mediciones_validar,
)
from .metas import indicador_guardar, meta_guardar
from .periodos import (
    fecha_leer,
    numero_leer,
    periodo_anterior,
    periodo_normalizar,
    territorio_clave,
)
from .validacion import (
    DatoMedicion,
    dato_validar,
    desagregacion_validar,
    regla_rango,
    regla_suma,
    regla_variacion,
)

__all__ = [
    "COLUMNAS_PLANTILLA",
    "DatoMedicion",
    "FilaMedicionForm",
    "Importacion",
    "dato_validar",
    "desagregacion_validar",
    "fecha_leer",
    "formulas_recalcular",
    "importacion_analizar",
    "importacion_aplicar",
    "indicador_guardar",
    "medicion_corregir",
    "medicion_publicar",
    "medicion_registrar",
    "medicion_retirar",
    "medicion_validar",
    "mediciones_publicar",
    "mediciones_registrar",
    "mediciones_validar",
    "meta_guardar",
    "numero_leer",
    "periodo_anterior",
    "periodo_normalizar",
    "plantilla_filas",
    "recalcular_tras_escribir",
    "regla_rango",
    "regla_suma",
    "regla_variacion",
    "territorio_clave",
]
