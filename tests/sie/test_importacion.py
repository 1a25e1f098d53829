"""CSV/XLSX import: preview with every error in Spanish, all-or-nothing, templates."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from sie import services
from sie.models import Medicion

pytestmark = pytest.mark.django_db

CABECERA = "indicador,canton,parroquia,periodo,desagregacion,categoria,valor,fuente,fecha_dato\n"


def csv(*filas: str) -> bytes:
    return (CABECERA + "\n".join(filas) + "\n").encode()


def test_un_archivo_correcto_se_importa_como_borrador(analista):
    contenido = csv(
        "TUR-01,1702,,2024,,,65000,MINTUR,2025-03-31",
        'TUR-01,Mejía,,2024,,,"91.500",MINTUR,31/03/2025',
        "TUR-07,1705,,2024,sexo,mujeres,520,MINTUR,2025-03-31",
    )
    guardadas = services.importacion_aplicar(
        contenido=contenido, nombre_archivo="datos.csv", usuario=analista
    )
    assert len(guardadas) == 3
    assert set(Medicion.objects.values_list("estado", flat=True)) == {"borrador"}
    assert Medicion.objects.get(territorio="1703").valor == 91500


def test_una_fila_mala_no_cambia_nada(registrar, analista):
    existente = registrar("TUR-01", "1702", 2024, 60_000)
    contenido = csv(
        "TUR-01,1702,,2024,,,65000,MINTUR,2025-03-31",
        "TUR-01,1703,,2024,,,noventa mil,MINTUR,2025-03-31",
    )
    antes = list(Medicion.objects.values_list("pk", "valor", "estado"))
    with pytest.raises(ValidationError) as error:
        services.importacion_aplicar(contenido=contenido, nombre_archivo="d.csv", usuario=analista)
    assert "Fila 3: el valor «noventa mil» no es un número." in error.value.messages
    assert list(Medicion.objects.values_list("pk", "valor", "estado")) == antes
    existente.refresh_from_db()
    assert existente.valor == 60_000


def test_la_vista_previa_explica_cada_error_en_espanol():
    contenido = csv(
        "TUR-99,1702,,2024,,,1,MINTUR,2025-03-31",
        "TUR-01,Quitoo,,2024,,,1,MINTUR,2025-03-31",
        "TUR-01,1702,,24,,,1,MINTUR,2025-03-31",
        "TUR-01,1702,,2024,sexo,mujeres,1,MINTUR,2025-03-31",
        "AGR-04,1702,,2024,,,1,MAG,2025-03-31",
        "TUR-01,1702,,2023,,,1,,2025-03-31",
        "TUR-01,1702,,2022,,,1,MINTUR,31-31-2025",
        "TUR-01,1704,,2024,,,1,MINTUR,2025-03-31",
        "TUR-01,1704,,2024,,,2,MINTUR,2025-03-31",
    )
    resultado = services.importacion_analizar(contenido=contenido, nombre_archivo="d.csv")
    assert not resultado.valida
    errores = resultado.errores
    esperados = [
        "Fila 2: el indicador «TUR-99» no existe en el catálogo.",
        "Fila 3: el cantón «Quitoo» no existe",
        "Fila 4: el período «24» no es un año válido",
        "Fila 5: el indicador TUR-01 no se desagrega por «sexo»",
        "Fila 6: el indicador AGR-04 se calcula a partir de AGR-03 y AGR-02",
        "Fila 7: la columna «fuente» está vacía.",
        "Fila 8: la fecha del dato «31-31-2025» no es válida",
        "Fila 10: repite el valor de la fila 9.",
    ]
    for esperado in esperados:
        assert any(e.startswith(esperado) for e in errores), (esperado, errores)
    assert len(errores) == len(esperados)


def test_faltan_columnas():
    resultado = services.importacion_analizar(
        contenido=b"indicador;valor\nTUR-01;3\n", nombre_archivo="d.csv"
    )
    assert resultado.errores == [
        "Faltan columnas: canton, periodo, fuente, fecha_dato. Descargue la plantilla del "
        "indicador y conserve su primera fila."
    ]


def test_formato_desconocido():
    resultado = services.importacion_analizar(contenido=b"x", nombre_archivo="d.ods")
    assert resultado.errores == ["El archivo debe ser CSV (.csv) o Excel (.xlsx)."]


def test_la_plantilla_xlsx_se_llena_y_se_importa(cliente_de, analista):
    plantilla = cliente_de(analista).get("/sie/gestion/plantilla/TUR-07.xlsx?periodo=2024").content
    libro = load_workbook(io.BytesIO(plantilla))
    hoja = libro.active
    filas = list(hoja.iter_rows(values_only=True))
    assert list(filas[0]) == services.COLUMNAS_PLANTILLA
    # 8 cantons × (total + hombres + mujeres)
    assert len(filas) == 1 + 8 * 3
    for fila in hoja.iter_rows(min_row=2):
        categoria = fila[5].value
        fila[6].value = {"": 100, None: 100, "hombres": 40, "mujeres": 60}[categoria]
    salida = io.BytesIO()
    libro.save(salida)
    guardadas = services.importacion_aplicar(
        contenido=salida.getvalue(), nombre_archivo="plantilla.xlsx", usuario=analista
    )
    assert len(guardadas) == 24
    assert not Medicion.objects.exclude(alertas=[]).exists()


@pytest.mark.parametrize(
    ("canton", "previa", "aviso", "confirmacion", "guardadas"),
    [
        ("1702", 200, "1 fila correcta", 302, [65000]),
        # an error saves nothing, and leaves nothing to confirm
        ("9999", 400, "el cantón «9999» no existe", 400, []),
    ],
)
def test_vista_importar_previa_y_confirmacion(
    cliente_de, analista, canton, previa, aviso, confirmacion, guardadas
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cliente = cliente_de(analista)
    archivo = SimpleUploadedFile(
        "datos.csv", csv(f"TUR-01,{canton},,2024,,,65000,MINTUR,2025-03-31")
    )
    respuesta = cliente.post("/sie/gestion/importar/", {"archivo": archivo})
    assert respuesta.status_code == previa
    assert aviso in respuesta.content.decode()
    assert not Medicion.objects.exists()
    respuesta = cliente.post("/sie/gestion/importar/confirmar/")
    assert respuesta.status_code == confirmacion
    assert list(Medicion.objects.values_list("valor", flat=True)) == guardadas
