"""Coordination assigns territories to facilitators."""

from django.urls import reverse

from actores.models import AsignacionTerritorial


def test_coordinacion_asigna_y_quita(cliente_de, coordinadora, facilitador, canton, crear_actor):
    actor = crear_actor(canton=canton)
    assert not facilitador.has_perm("actores.editar_actor", actor)
    cliente = cliente_de(coordinadora)
    respuesta = cliente.post(reverse("actores:asignaciones"), {"facilitador": facilitador.pk})
    assert respuesta.status_code == 400
    assert "Elija un cantón, un sector o ambos" in respuesta.content.decode()
    cliente.post(
        reverse("actores:asignaciones"), {"facilitador": facilitador.pk, "canton": canton.pk}
    )
    asignacion = AsignacionTerritorial.objects.get(usuario=facilitador)
    facilitador.__dict__.pop("_asignaciones_actores", None)
    assert facilitador.has_perm("actores.editar_actor", actor)
    cliente.post(reverse("actores:asignacion_eliminar", args=[asignacion.pk]))
    assert not AsignacionTerritorial.objects.exists()


def test_solo_coordinacion_asigna(cliente_de, facilitador, analista):
    for user in (facilitador, analista):
        assert cliente_de(user).get(reverse("actores:asignaciones")).status_code == 403
