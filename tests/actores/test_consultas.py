"""Query counts of the list, the grid, the network and an actor page do not grow with the actors."""

import pytest
from django.urls import reverse

from actores.models import Actor, Relacion
from actores.services import membresia_crear
from sie.models import Canton, Eje, Sector
from tests.factories import ActorFactory


def poblar(n: int, coordinadora):
    cantones = list(Canton.objects.all())
    sectores = list(Sector.objects.all())
    eje = Eje.objects.get(codigo="agropecuario")
    actores = Actor.objects.bulk_create(
        [
            ActorFactory.build(
                nombre=f"Organización {i:04d}",
                nombre_normalizado=f"organizacion {i:04d}",
                canton=cantones[i % len(cantones)],
                influencia=1 + i % 5,
                interes=1 + (i // 5) % 5,
            )
            for i in range(n)
        ]
    )
    Actor.ejes.through.objects.bulk_create([Actor.ejes.through(actor=a, eje=eje) for a in actores])
    Actor.sectores.through.objects.bulk_create(
        [
            Actor.sectores.through(actor=a, sector=sectores[i % len(sectores)])
            for i, a in enumerate(actores)
        ]
    )
    Relacion.objects.bulk_create(
        [
            Relacion(origen=actores[i], destino=actores[(i * 7 + 1) % n], tipo="aliado")
            for i in range(0, n, 2)
            if (i * 7 + 1) % n != i
        ]
    )
    return actores


@pytest.mark.parametrize("n", [10, 200])
@pytest.mark.parametrize("url", ["actores:lista", "actores:mapa", "actores:red"])
def test_consultas_constantes(n, url, cliente_de, coordinadora, django_assert_max_num_queries):
    poblar(n, coordinadora)
    cliente = cliente_de(coordinadora)
    cliente.get(reverse(url))  # warm caches (session, templates)
    with django_assert_max_num_queries(14):
        respuesta = cliente.get(
            reverse(url), {"eje": "agropecuario"} if url != "actores:lista" else {}
        )
    assert respuesta.status_code == 200


@pytest.mark.parametrize("n", [10, 200])
def test_ficha_de_actor_consultas_constantes(
    n, cliente_de, coordinadora, crear_actor, django_assert_max_num_queries
):
    actores = poblar(n, coordinadora)
    persona = crear_actor(naturaleza=Actor.Naturaleza.PERSONA)
    for org in actores[: n // 2 : 5]:
        membresia_crear(persona=persona, organizacion=org, usuario=coordinadora, cargo="Vocal")
    cliente = cliente_de(coordinadora)
    cliente.get(persona.get_absolute_url())
    with django_assert_max_num_queries(28):
        assert cliente.get(persona.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [10, 200])
def test_api_y_publico_consultas_constantes(n, client, coordinadora, django_assert_max_num_queries):
    actores = poblar(n, coordinadora)
    Actor.objects.filter(pk__in=[a.pk for a in actores]).update(visible_publico=True)
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/actores/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("actores:participantes")).status_code == 200
