"""Open-data files of the SIE: published measurements with units, sources, licence and the
data dictionary. Drafts and validated-but-unpublished values never reach these files."""

from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils import timezone

from .catalogo import DIMENSIONES
from .models import Medicion

LICENCIA = (
    "Creative Commons Atribución 4.0 Internacional (CC BY 4.0): "
    "cite «Gobierno Provincial de Pichincha, Pactos por Pichincha – SIE» y la fuente de cada dato."
)
LICENCIA_URL = "https://creativecommons.org/licenses/by/4.0/deed.es"

# campo, tipo, descripción. The download (CSV, XLSX) and the API (/api/v1/mediciones/, JSON and
# ?format=csv) carry exactly these columns, in this order, with the same cells (see fila_abierta
# and sie.api.MedicionSerializer).
DICCIONARIO = [
    ("indicador_codigo", "texto", "Código del indicador en el catálogo del SIE (p. ej. TUR-01)."),
    ("indicador_nombre", "texto", "Nombre del indicador."),
    ("eje", "texto", "Eje del programa: Turismo o Agropecuario."),
    ("unidad", "texto", "Unidad de medida del valor (ha, t, t/ha, L/día, USD, %, ...)."),
    (
        "territorio_codigo",
        "texto",
        "Código INEC: 17 = provincia de Pichincha; 1701–1709 = cantón; 6 dígitos = parroquia.",
    ),
    ("territorio", "texto", "Nombre de la provincia, el cantón o la parroquia."),
    ("periodo", "texto", "Año (2024), trimestre (2024-T2) o mes (2024-03)."),
    (
        "desagregacion",
        "texto",
        "Dimensión de la desagregación (sexo, actividad, categoria, sector); vacío = total.",
    ),
    ("categoria", "texto", "Código de la categoría dentro de la desagregación; vacío = total."),
    ("valor", "número", "Valor publicado, con punto decimal."),
    ("fuente", "texto", "Institución fuente del dato."),
    ("fecha_dato", "fecha", "Fecha del dato en su fuente (AAAA-MM-DD)."),
    ("fecha_publicacion", "fecha", "Fecha en que el SIE publicó el valor (AAAA-MM-DD)."),
    ("calculado", "sí/no", "El valor es un cociente calculado de otros indicadores."),
    ("dato_demo", "sí/no", "Sí = dato de demostración, no es una cifra oficial."),
    ("licencia", "texto", "Licencia de uso de los datos."),
    # Last, so that the columns before it keep their places.
    ("categoria_nombre", "texto", "Nombre de la categoría (p. ej. Mujeres); vacío = total."),
]
COLUMNAS = [c for c, _, _ in DICCIONARIO]
LICENCIA_CORTA = "CC BY 4.0"


def si_no(valor: bool) -> str:
    """Booleans of every CSV of the portal (downloads and the API's ?format=csv): sí / no."""
    return "sí" if valor else "no"


def codigo_territorio(medicion: Medicion) -> str:
    """The INEC code of the measurement's territory: parish (6 digits), canton or province."""
    if medicion.parroquia_id and medicion.parroquia.codigo:
        return medicion.parroquia.codigo
    if medicion.canton_id:
        return medicion.canton.codigo
    return medicion.territorio


def nombre_categoria(medicion: Medicion) -> str:
    etiquetas = dict(DIMENSIONES.get(medicion.desagregacion, ("", []))[1])
    return etiquetas.get(medicion.categoria, medicion.categoria)


def valor_abierto(valor: Decimal) -> Decimal:
    """The value without trailing zeros nor exponent: 65000.0000 → 65000, 12.5000 → 12.5."""
    return Decimal(format(valor.normalize(), "f"))


def fecha_publicacion(medicion: Medicion) -> str:
    if not medicion.fecha_publicacion:
        return ""
    return timezone.localtime(medicion.fecha_publicacion).date().isoformat()


def fila_abierta(medicion: Medicion) -> dict:
    """One published value as the open data writes it, by column (COLUMNAS)."""
    indicador = medicion.indicador
    return {
        "indicador_codigo": indicador.codigo,
        "indicador_nombre": indicador.nombre,
        "eje": indicador.eje.nombre,
        "unidad": indicador.unidad,
        "territorio_codigo": codigo_territorio(medicion),
        "territorio": medicion.nombre_territorio,
        "periodo": medicion.periodo,
        "desagregacion": medicion.desagregacion,
        "categoria": medicion.categoria,
        "valor": valor_abierto(medicion.valor),
        "fuente": medicion.fuente,
        "fecha_dato": medicion.fecha_dato.isoformat(),
        "fecha_publicacion": fecha_publicacion(medicion),
        "calculado": si_no(medicion.calculada),
        "dato_demo": si_no(medicion.es_demo),
        "licencia": LICENCIA_CORTA,
        "categoria_nombre": nombre_categoria(medicion),
    }


def _fila(medicion: Medicion) -> list:
    datos = fila_abierta(medicion)
    return [str(datos[c]) if c == "valor" else datos[c] for c in COLUMNAS]


def _mediciones(queryset):
    # Whatever the caller passes, only published values leave the portal.
    return (
        queryset.filter(estado=Medicion.Estado.PUBLICADO)
        .select_related("indicador", "indicador__eje", "canton", "parroquia")
        .order_by("indicador__codigo", "territorio", "fecha_periodo", "desagregacion", "categoria")
    )


def filas_mediciones(queryset) -> Iterator[list]:
    """The rows of the open-data file, published values only, for core.exportar."""
    for medicion in _mediciones(queryset).iterator(chunk_size=2000):
        yield _fila(medicion)


def filas_diccionario() -> list[list]:
    return [list(fila) for fila in DICCIONARIO] + [["licencia", "", LICENCIA]]


def hojas_mediciones(queryset, *, indicadores) -> list[tuple[str, list, Iterable]]:
    """The open-data workbook for core.exportar: the data, the data dictionary (with the
    indicators' notes) and the licence."""
    mediciones = _mediciones(queryset)

    def datos():
        for medicion in mediciones.iterator(chunk_size=2000):
            fila = _fila(medicion)
            fila[COLUMNAS.index("valor")] = float(medicion.valor)
            yield fila

    diccionario = [
        *(list(fila) for fila in DICCIONARIO),
        [],
        ["Indicadores"],
        ["código", "nombre", "unidad", "definición", "fuente", "periodicidad", "nota metodológica"],
        *(
            [
                i.codigo,
                i.nombre,
                i.unidad,
                i.definicion,
                i.fuente,
                i.get_periodicidad_display(),
                i.nota_metodologica,
            ]
            for i in indicadores
        ),
    ]
    licencia = [
        ["Texto de la licencia", LICENCIA_URL],
        ["Generado", timezone.localtime().strftime("%Y-%m-%d %H:%M")],
    ]
    if mediciones.filter(es_demo=True).exists():
        licencia.append(["Aviso", "Contiene datos de demostración (columna dato_demo = sí)."])
    return [
        ("datos", COLUMNAS, datos()),
        ("diccionario", ["campo", "tipo", "descripción"], diccionario),
        ("licencia", ["Licencia", LICENCIA], licencia),
    ]
