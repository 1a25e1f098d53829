"""What eventos adds to lower apps through their registries: actor page and product 5 figures."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from eventos import services
from eventos.models import Evento

pytestmark = pytest.mark.django_db


def test_seccion_eventos_en_la_ficha_del_actor(evento, crear_actor, coordinadora):
    from actores.participacion import secciones_para

    actor = crear_actor()
    services.invitados_agregar_desde_actores(evento=evento, actores=[actor], usuario=coordinadora)
    invitado = evento.invitados.get(actor=actor)
    services.asistencia_registrar(invitado=invitado, usuario=coordinadora)
    (seccion,) = [s for s in secciones_para(actor, coordinadora) if s["clave"] == "eventos"]
    assert seccion["total"] == 1 and evento.titulo in seccion["html"]
    Evento.objects.filter(pk=evento.pk).update(publicado=False)
    (publica,) = [s for s in secciones_para(actor, AnonymousUser()) if s["clave"] == "eventos"]
    assert publica["total"] == 0  # unpublished events are not shown to the public


def test_cifras_del_producto_5(evento, coordinadora):
    from pactos.indicadores_programa import cifras_registradas, valor_de

    cifras = {c.clave: c for c in cifras_registradas(5)}
    assert {"eventos_realizados", "eventos_asistentes"} <= set(cifras)
    assert valor_de(cifras["eventos_realizados"]) == 0
    Evento.objects.filter(pk=evento.pk).update(
        inicio=timezone.now() - timedelta(hours=3), fin=timezone.now() - timedelta(hours=1)
    )
    services.evento_cambiar_estado(
        evento=evento, estado=Evento.Estado.REALIZADO, usuario=coordinadora
    )
    assert valor_de(cifras["eventos_realizados"]) == 1
