"""Event lifecycle, validation messages, launch checklist and the staff screens."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eventos import services
from eventos.models import Evento, TareaLogistica
from eventos.plantillas import PLANTILLA_LANZAMIENTO

from .conftest import datos_evento

pytestmark = pytest.mark.django_db


def test_un_lanzamiento_nace_con_la_lista_del_documento_fundacional(crear_evento):
    evento = crear_evento(tipo=Evento.Tipo.LANZAMIENTO, titulo="Lanzamiento")
    titulos = list(evento.tareas.values_list("titulo", flat=True))
    assert len(titulos) == len(PLANTILLA_LANZAMIENTO)
    assert "Conformar el grupo de trabajo del lanzamiento" in titulos
    assert {t.categoria for t in evento.tareas.all()} >= {
        "lugar",
        "sonido",
        "alimentacion",
        "transporte",
        "accesibilidad",
        "materiales",
        "prensa",
        "presupuesto",
    }
    # Applying the template again adds nothing.
    assert services.logistica_aplicar_plantilla(evento=evento, usuario=None) == 0
    otro = crear_evento(tipo=Evento.Tipo.OTRO, titulo="Otro")
    assert not otro.tareas.exists()


def test_validaciones_en_espanol(parroquia, coordinadora):
    datos = datos_evento(parroquia, direccion="")
    datos["parroquia"] = None
    datos["fin"] = datos["inicio"] - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        services.evento_crear(usuario=coordinadora, datos=datos)
    mensajes = error.value.message_dict
    assert mensajes["fin"] == ["El fin debe ser posterior al inicio."]
    assert mensajes["parroquia"] == ["Un evento presencial necesita la parroquia del local."]
    virtual = datos_evento(parroquia, modalidad=Evento.Modalidad.VIRTUAL)
    with pytest.raises(ValidationError) as error:
        services.evento_crear(usuario=coordinadora, datos=virtual)
    assert error.value.message_dict["enlace_virtual"] == [
        "Un evento virtual necesita el enlace de la sala."
    ]


def test_ciclo_de_estados(evento, coordinadora):
    with pytest.raises(ValidationError, match="todavía no ha empezado"):
        services.evento_cambiar_estado(
            evento=evento, estado=Evento.Estado.REALIZADO, usuario=coordinadora
        )
    Evento.objects.filter(pk=evento.pk).update(
        inicio=timezone.now() - timedelta(hours=5), fin=timezone.now() - timedelta(hours=1)
    )
    evento.refresh_from_db()
    with pytest.raises(ValidationError, match="registre su sistematización"):
        services.evento_cambiar_estado(
            evento=evento, estado=Evento.Estado.SISTEMATIZADO, usuario=coordinadora
        )
    services.sistematizacion_guardar(
        evento=evento, usuario=coordinadora, datos={"resumen": "Se realizó."}
    )
    evento.refresh_from_db()
    assert evento.estado == Evento.Estado.REALIZADO
    services.evento_cambiar_estado(
        evento=evento, estado=Evento.Estado.SISTEMATIZADO, usuario=coordinadora
    )
    with pytest.raises(ValidationError, match="no puede volver a un estado anterior"):
        services.evento_cambiar_estado(
            evento=evento, estado=Evento.Estado.REALIZADO, usuario=coordinadora
        )
    assert evento.history.count() >= 3


def test_crear_evento_desde_la_pantalla(cliente_de, coordinadora, parroquia):
    cliente = cliente_de(coordinadora)
    inicio = timezone.localtime() + timedelta(days=20)
    respuesta = cliente.post(
        "/eventos/gestion/nuevo/",
        {
            "tipo": "lanzamiento",
            "titulo": "Lanzamiento de Pactos por Pichincha",
            "inicio": inicio.strftime("%Y-%m-%dT%H:%M"),
            "fin": (inicio + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "modalidad": "presencial",
            "lugar": "Centro de Convenciones",
            "parroquia": parroquia.pk,
            "direccion": "Av. Amazonas",
            "institucion_organizadora": "Gobierno Provincial de Pichincha",
            "acceso": "invitacion",
            "publicado": "on",
        },
    )
    assert respuesta.status_code == 302
    evento = Evento.objects.get(titulo="Lanzamiento de Pactos por Pichincha")
    assert evento.tareas.count() == len(PLANTILLA_LANZAMIENTO)
    for seccion in [
        "",
        "programa/",
        "equipo/",
        "invitados/",
        "acreditacion/",
        "asistencia/",
        "logistica/",
        "sistematizacion/",
        "invitados/mapa/?tipo=publico",
        "invitados/imprimir/",
    ]:
        assert cliente.get(f"/eventos/gestion/{evento.pk}/{seccion}").status_code == 200, seccion
    assert cliente.get("/eventos/gestion/").status_code == 200


def test_tarea_vencida_y_presupuesto(evento, coordinadora, cliente_de):
    services.tarea_guardar(
        evento=evento,
        usuario=coordinadora,
        datos={
            "categoria": "alimentacion",
            "titulo": "Refrigerio",
            "presupuesto_usd": "450.50",
            "fecha_limite": timezone.localdate() - timedelta(days=1),
        },
    )
    with pytest.raises(ValidationError):
        services.tarea_guardar(
            evento=evento,
            usuario=coordinadora,
            datos={"categoria": "sonido", "titulo": "Sonido", "presupuesto_usd": "-1"},
        )
    html = cliente_de(coordinadora).get(f"/eventos/gestion/{evento.pk}/logistica/").content.decode()
    assert "450,50" in html and "vencida" in html
    tarea = TareaLogistica.objects.get(titulo="Refrigerio")
    cliente_de(coordinadora).post(
        f"/eventos/gestion/{evento.pk}/logistica/tarea/{tarea.pk}/estado/", {"estado": "lista"}
    )
    tarea.refresh_from_db()
    assert tarea.estado == "lista"


def test_lista_de_invitados_desde_el_mapa(evento, crear_actor, cliente_de, coordinadora):
    from sie.models import Canton

    cayambe = Canton.objects.get(codigo="1702")
    quito = Canton.objects.get(codigo="1701")
    a = crear_actor(tipo="academia", canton=cayambe, influencia=5)
    b = crear_actor(tipo="academia", canton=cayambe, influencia=2)
    c = crear_actor(tipo="publico", canton=quito, influencia=5)
    cliente = cliente_de(coordinadora)
    url = f"/eventos/gestion/{evento.pk}/invitados/mapa/"
    html = cliente.get(
        url, {"tipo": "academia", "canton": cayambe.pk, "influencia": 4}
    ).content.decode()
    assert a.nombre in html and b.nombre not in html and c.nombre not in html
    cliente.post(url, {"actores": [a.pk, c.pk]})
    cliente.post(url, {"actores": [a.pk]})  # twice: no duplicate
    assert evento.invitados.count() == 2
    invitado = evento.invitados.get(actor=a)
    assert (
        invitado.email == a.email
        and invitado.canton == cayambe
        and invitado.tipo_actor == "academia"
    )


def test_un_evento_otro_recibe_la_lista_basica_sin_tareas_vencidas(crear_evento, coordinadora):
    from eventos.plantillas import PLANTILLA_BASICA
    from eventos.selectors import logistica_de

    otro = crear_evento(tipo=Evento.Tipo.OTRO, titulo="Feria de productores")  # in 10 days
    n = services.logistica_aplicar_plantilla(evento=otro, usuario=coordinadora)
    assert n == len(PLANTILLA_BASICA) < len(PLANTILLA_LANZAMIENTO)
    titulos = set(otro.tareas.values_list("titulo", flat=True))
    assert "Conformar el grupo de trabajo del lanzamiento" not in titulos
    assert "Reservar el local y confirmar el aforo" in titulos
    logistica = logistica_de(evento=otro)
    assert logistica["vencidas"] == 0
    hoy = timezone.localdate()
    assert all(t.fecha_limite >= hoy for t in otro.tareas.all())


def test_un_lanzamiento_cercano_no_nace_con_tareas_vencidas(crear_evento):
    from eventos.selectors import logistica_de

    lanzamiento = crear_evento(tipo=Evento.Tipo.LANZAMIENTO, titulo="Lanzamiento")  # in 10 days
    assert lanzamiento.tareas.count() == len(PLANTILLA_LANZAMIENTO)
    assert logistica_de(evento=lanzamiento)["vencidas"] == 0
    hoy = timezone.localdate()
    # What fits in the ten days keeps its date; what should have been done already is due today.
    assert lanzamiento.tareas.filter(fecha_limite=hoy).count() == 11
    assert lanzamiento.tareas.get(titulo="Realizar el lanzamiento").fecha_limite == (
        timezone.localtime(lanzamiento.inicio).date()
    )
