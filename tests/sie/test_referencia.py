import pytest

from sie.models import Canton, Eje, Parroquia, Sector

pytestmark = pytest.mark.django_db


def test_los_8_cantones_con_sus_codigos_oficiales():
    codigos = list(Canton.objects.values_list("codigo", flat=True))
    assert codigos == ["1701", "1702", "1703", "1704", "1705", "1707", "1708", "1709"]
    assert not Canton.objects.filter(codigo="1706").exists()


@pytest.mark.parametrize(
    ("codigo", "cabecera", "rurales"),
    [
        ("1701", "Quito", 33),
        ("1702", "Cayambe", 5),
        ("1703", "Machachi", 7),
        ("1704", "Tabacundo", 4),
        ("1705", "Sangolquí", 2),
        ("1707", "San Miguel de los Bancos", 1),
        ("1708", "Pedro Vicente Maldonado", 0),
        ("1709", "Puerto Quito", 0),
    ],
)
def test_cabeceras_y_parroquias_rurales(codigo, cabecera, rurales):
    canton = Canton.objects.get(codigo=codigo)
    assert canton.cabecera == cabecera
    assert canton.parroquias.filter(tipo=Parroquia.Tipo.RURAL).count() == rurales


def test_las_cifras_llevan_fuente_y_anio():
    quito = Canton.objects.get(codigo="1701")
    assert (quito.poblacion, quito.poblacion_anio) == (2679722, 2022)
    assert "2022" in quito.poblacion_fuente
    puerto_quito = Canton.objects.get(codigo="1709")
    assert (puerto_quito.poblacion, puerto_quito.poblacion_anio) == (20445, 2010)
    assert "2010" in puerto_quito.poblacion_fuente
    assert all(c.superficie_fuente for c in Canton.objects.all())


def test_parroquias_de_mejia_y_mindo():
    rurales = Parroquia.objects.filter(tipo=Parroquia.Tipo.RURAL)
    mejia = sorted(rurales.filter(canton__codigo="1703").values_list("nombre", flat=True))
    assert ", ".join(mejia) == (
        "Aloasí, Alóag, Cutuglagua, El Chaupi, Manuel Cornejo Astorga (Tandapi), Tambillo, Uyumbicho"
    )
    assert list(rurales.filter(canton__codigo="1707").values_list("nombre", flat=True)) == ["Mindo"]
    # Their seats are the cantons' urban parishes.
    urbanas = Parroquia.objects.filter(tipo=Parroquia.Tipo.URBANA)
    assert list(urbanas.filter(canton__codigo="1703").values_list("nombre", flat=True)) == [
        "Machachi"
    ]
    assert list(urbanas.filter(canton__codigo="1707").values_list("nombre", flat=True)) == [
        "San Miguel de los Bancos"
    ]


def test_dos_ejes_y_cinco_sectores_agropecuarios():
    assert set(Eje.objects.values_list("codigo", flat=True)) == {"turismo", "agropecuario"}
    sectores = Sector.objects.filter(eje__codigo="agropecuario")
    assert sectores.count() == 5
    floricultura = sectores.get(slug="floricultura")
    assert set(floricultura.cantones.values_list("codigo", flat=True)) == {"1701", "1702", "1704"}


def test_los_sectores_son_datos_editables():
    sector = Sector.objects.get(slug="cacao-cafe-cana")
    sector.nombre = "Cacao fino de aroma, café y caña"
    sector.save()
    assert Sector.objects.get(pk=sector.pk).nombre == "Cacao fino de aroma, café y caña"
