"""Open-data files of the SIE: published measurements with units, sources, licence and the
data dictionary. Drafts and validated-but-unpublished values never reach these files."""

from collections.abc import Iterable, Iterator

from django.utils import timezone

from .catalogo import DIMENSIONES
from .models import Medicion

LICENCIA = (
    "Creative Commons Atribución 4.0 Internacional (CC BY 4.0): "
    "cite «Gobierno Provincial de Pichincha, Pactos por Pichincha – SIE» y la fuente de cada dato."
)
LICENCIA_URL = "https://creativecommons.org/licenses/by/4.0/deed.es"

# campo, tipo, descripción
DICCIONARIO = [
    ("indicador_codigo", "texto", "Código del indicador en el catálogo del SIE (p. ej. TUR-01)."),
    ("indicador_nombre", "texto", "Nombre del indicador."),
    ("eje", "texto", "Eje del programa: Turismo o Agropecuario."),
    ("unidad", "texto", "Unidad de medida del valor (ha, t, t/ha, L/día, USD, %, ...)."),
    ("territorio_codigo", "texto", "17 = provincia de Pichincha; 1701–1709 = cantón (INEC)."),
    ("territorio", "texto", "Nombre de la provincia, el cantón o la parroquia."),
    ("periodo", "texto", "Año (2024), trimestre (2024-T2) o mes (2024-03)."),
    (
        "desagregacion",
        "texto",
        "Dimensión de la desagregación (sexo, actividad, categoria, sector); vacío = total.",
    ),
    ("categoria", "texto", "Categoría dentro de la desagregación; vacío = total."),
    ("valor", "número", "Valor publicado, con punto decimal."),
    ("fuente", "texto", "Institución fuente del dato."),
    ("fecha_dato", "fecha", "Fecha del dato en su fuente (AAAA-MM-DD)."),
    ("fecha_publicacion", "fecha", "Fecha en que el SIE publicó el valor."),
    ("calculado", "sí/no", "El valor es un cociente calculado de otros indicadores."),
    ("dato_demo", "sí/no", "Sí = dato de demostración, no es una cifra oficial."),
    ("licencia", "texto", "Licencia de uso de los datos."),
]
COLUMNAS = [c for c, _, _ in DICCIONARIO]


def _fila(medicion: Medicion) -> list:
    indicador = medicion.indicador
    etiquetas = dict(DIMENSIONES.get(medicion.desagregacion, ("", []))[1])
    return [
        indicador.codigo,
        indicador.nombre,
        indicador.eje.nombre,
        indicador.unidad,
        medicion.canton.codigo if medicion.canton_id else medicion.territorio,
        medicion.nombre_territorio,
        medicion.periodo,
        medicion.desagregacion,
        etiquetas.get(medicion.categoria, medicion.categoria),
        format(medicion.valor.normalize(), "f"),
        medicion.fuente,
        medicion.fecha_dato.isoformat(),
        timezone.localtime(medicion.fecha_publicacion).date().isoformat()
        if medicion.fecha_publicacion
        else "",
        "sí" if medicion.calculada else "no",
        "sí" if medicion.es_demo else "no",
        "CC BY 4.0",
    ]


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
            fila[9] = float(medicion.valor)
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
