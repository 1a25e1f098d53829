"""Every install starts with the roadmap of the programme's founding document."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import pytest

from pactos.models import Actividad, Bloque, EstadoActividad, ProductoPrograma

# DOMAIN.md, "Roadmap": the activities of each block, in order.
FUNDACIONAL = {
    Bloque.LANZAMIENTO: [
        "Conformar el grupo de trabajo",
        "Definir la agenda del lanzamiento",
        "Definir la estrategia de comunicación del lanzamiento",
        "Confirmar a los expositores",
        "Lista de invitados y entrega de invitaciones",
        "Definir la institución encargada de organizar",
        "Logística del lanzamiento",
        "Evento de lanzamiento",
        "Sistematización del evento",
    ],
    Bloque.PACTOS: [
        "Diseño metodológico",
        "Convocatoria y acercamiento a los actores",
        "Organización de las mesas",
        "8 mesas cantonales que acuerdan una estrategia provincial de turismo",
        "5 mesas sectoriales agropecuarias: articulación, prioridades, acuerdos y metas a futuro",
    ],
    Bloque.INSTRUMENTOS: [
        "Estrategia de comunicación",
        "Diseño del sistema de información",
        "Mapeo de actores provinciales y cantonales",
    ],
    Bloque.SOCIALIZACION: [
        "Encuentro de socialización de los resultados y avances de los pactos",
    ],
}


@pytest.mark.django_db
def test_la_hoja_de_ruta_sembrada_es_la_del_documento_fundacional():
    for bloque, nombres in FUNDACIONAL.items():
        sembradas = list(Actividad.objects.filter(bloque=bloque).order_by("orden"))
        assert [a.nombre for a in sembradas] == nombres, bloque
    assert Actividad.objects.count() == sum(len(n) for n in FUNDACIONAL.values()) == 18


@pytest.mark.django_db
def test_sembrada_sin_fechas_ni_avance_y_editable():
    """Dates are set by coordinators: the seed only brings the plan's structure."""
    assert not Actividad.objects.exclude(inicio_previsto=None).exists()
    assert set(Actividad.objects.values_list("estado", flat=True)) == {EstadoActividad.NO_INICIADA}
    a = Actividad.objects.get(codigo="pactos-diseno-metodologico")
    a.nombre = "Diseño metodológico participativo"
    a.save()
    assert Actividad.objects.filter(nombre="Diseño metodológico participativo").exists()


@pytest.mark.django_db
def test_cinco_productos_y_cada_actividad_contribuye_a_alguno():
    assert list(ProductoPrograma.objects.values_list("numero", "codigo")) == [
        (1, "enfoque"),
        (2, "concertacion"),
        (3, "comunicacion"),
        (4, "sie"),
        (5, "eventos"),
    ]
    assert not Actividad.objects.filter(productos=None).exists()
    assert (
        Actividad.objects.get(codigo="instrumentos-sistema-informacion").productos.get().numero == 4
    )


@pytest.mark.django_db
def test_dependencias_sembradas():
    evento = Actividad.objects.get(codigo="lanzamiento-evento")
    assert set(evento.dependencias.values_list("codigo", flat=True)) == {
        "lanzamiento-expositores",
        "lanzamiento-invitados",
        "lanzamiento-logistica",
        "lanzamiento-comunicacion",
    }
    socializacion = Actividad.objects.get(codigo="socializacion-encuentro")
    assert set(socializacion.dependencias.values_list("codigo", flat=True)) == {
        "pactos-mesas-turismo",
        "pactos-mesas-agropecuarias",
    }
    hitos = set(Actividad.objects.filter(es_hito=True).values_list("codigo", flat=True))
    assert {"lanzamiento-evento", "socializacion-encuentro", "pactos-mesas-turismo"} <= hitos
