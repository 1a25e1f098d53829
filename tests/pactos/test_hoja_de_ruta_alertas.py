"""Alerts: overdue activities and dependencies that slipped; the weekly digest to owners."""
# ruff: noqa: F811 (fixtures imported from fixtures_hoja_de_ruta are used as arguments)

import datetime

import pytest
from django.core import mail

from core.roles import Rol
from pactos.models import EstadoActividad
from pactos.selectors.hoja_de_ruta import actividades_filtradas, alertas_de
from pactos.services.hoja_de_ruta import actividad_actualizar_avance, resumen_semanal_enviar

from .fixtures_hoja_de_ruta import (  # noqa: F401
    HOY,
    actividad,
    claves_rapidas,
    planificar,
    planificar_hecha,
)


def alertas(hoy=HOY):
    return alertas_de(actividades_filtradas(), hoy=hoy)


def tipos_de(codigo: str, hoy=HOY) -> set[str]:
    return {a.tipo for a in alertas(hoy) if a.actividad.codigo == codigo}


@pytest.mark.django_db
def test_sin_fechas_no_hay_alertas():
    assert alertas() == []


@pytest.mark.django_db
def test_vencida_si_paso_el_fin_previsto_sin_terminar():
    planificar(
        "pactos-diseno-metodologico", "2026-05-01", "2026-06-10", estado=EstadoActividad.EN_CURSO
    )
    assert tipos_de("pactos-diseno-metodologico") == {"vencida"}
    assert "hace 5 días" in alertas()[0].mensaje
    # on its last day it is not overdue yet; done or cancelled it never is
    assert tipos_de("pactos-diseno-metodologico", hoy=datetime.date(2026, 6, 10)) == set()
    planificar(
        "pactos-diseno-metodologico", "2026-05-01", "2026-06-10", estado=EstadoActividad.HECHA
    )
    assert tipos_de("pactos-diseno-metodologico") == set()


@pytest.mark.django_db
def test_dependencia_retrasada_levanta_una_alerta():
    # The table organisation depends on the call to actors, planned to end before it starts.
    planificar("pactos-convocatoria", "2026-05-04", "2026-06-26", estado=EstadoActividad.EN_CURSO)
    planificar("pactos-organizacion-mesas", "2026-07-01", "2026-07-31")
    assert tipos_de("pactos-organizacion-mesas") == set()

    # The call slips: it will now end on 10 July, after the tables were to be organised.
    planificar("pactos-convocatoria", "2026-05-04", "2026-07-10", estado=EstadoActividad.EN_CURSO)
    [alerta] = [a for a in alertas() if a.actividad.codigo == "pactos-organizacion-mesas"]
    assert alerta.tipo == "dependencia"
    assert alerta.dependencia.codigo == "pactos-convocatoria"
    assert "Convocatoria y acercamiento a los actores" in alerta.mensaje
    assert "10/07/2026" in alerta.mensaje


@pytest.mark.django_db
def test_dependencia_vencida_sin_terminar_tambien_se_retrasa():
    # Planned to end before the next one starts, but overdue: its projected end is today or later.
    planificar("pactos-convocatoria", "2026-05-04", "2026-06-01", estado=EstadoActividad.EN_CURSO)
    planificar("pactos-organizacion-mesas", "2026-06-16", "2026-07-31")
    assert tipos_de("pactos-organizacion-mesas", hoy=datetime.date(2026, 6, 16)) == {"dependencia"}
    assert tipos_de("pactos-convocatoria", hoy=datetime.date(2026, 6, 16)) == {"vencida"}


@pytest.mark.django_db
def test_dependencia_terminada_a_tiempo_no_alerta():
    planificar_hecha("pactos-convocatoria", "2026-05-04", "2026-06-01", terminada="2026-05-30")
    planificar("pactos-organizacion-mesas", "2026-06-16", "2026-07-31")
    assert tipos_de("pactos-organizacion-mesas") == set()


@pytest.mark.django_db
def test_sin_iniciar_a_tiempo_y_bloqueada():
    planificar("instrumentos-mapeo-actores", "2026-06-01", "2026-07-31")
    assert tipos_de("instrumentos-mapeo-actores") == {"sin_iniciar"}
    planificar(
        "instrumentos-comunicacion",
        "2026-06-01",
        "2026-07-31",
        estado=EstadoActividad.BLOQUEADA,
        notas="Sin presupuesto aprobado.",
    )
    [alerta] = [a for a in alertas() if a.actividad.codigo == "instrumentos-comunicacion"]
    assert alerta.tipo == "bloqueada" and "Sin presupuesto aprobado." in alerta.mensaje


@pytest.mark.django_db
def test_resumen_semanal_a_cada_responsable_con_sus_alertas(crear_usuario, settings):
    luis = crear_usuario("luis", Rol.FACILITACION, first_name="Luis")
    daniela = crear_usuario("daniela", Rol.COMUNICACION, first_name="Daniela")
    sin_correo = crear_usuario("sincorreo", Rol.ANALISIS)
    sin_correo.email = ""
    sin_correo.save()
    planificar(
        "pactos-convocatoria",
        "2026-05-04",
        "2026-06-01",
        estado=EstadoActividad.EN_CURSO,
        responsable=luis,
    )
    planificar("pactos-organizacion-mesas", "2026-06-15", "2026-07-31", responsable=luis)
    planificar(
        "instrumentos-comunicacion",
        "2026-06-01",
        "2026-07-31",
        estado=EstadoActividad.EN_CURSO,
        responsable=daniela,
    )
    planificar(
        "instrumentos-sistema-informacion", "2026-03-01", "2026-04-30", responsable=sin_correo
    )

    assert resumen_semanal_enviar(hoy=datetime.date(2026, 6, 15)) == 1
    [correo] = mail.outbox
    assert correo.to == ["luis@example.org"]
    assert "2 alertas" in correo.subject
    assert "Convocatoria y acercamiento a los actores" in correo.body
    assert "Organización de las mesas" in correo.body
    assert "Vencida hace 14 días" in correo.body
    assert "Depende de «Convocatoria y acercamiento a los actores»" in correo.body
    assert "Hola, Luis" in correo.body


@pytest.mark.django_db
def test_tarea_semanal_delgada_llama_al_servicio(crear_usuario):
    from pactos.tasks.hoja_de_ruta import enviar_resumen_semanal_hoja_de_ruta

    luis = crear_usuario("luis", Rol.FACILITACION)
    planificar("pactos-convocatoria", "2020-05-04", "2020-06-01", responsable=luis)
    assert enviar_resumen_semanal_hoja_de_ruta.apply().get() == 1
    assert len(mail.outbox) == 1


def test_beat_programa_el_resumen_y_el_informe_mensual():
    from config.celery import app

    tareas = {e["task"]: e["schedule"] for e in app.conf.beat_schedule.values()}
    semanal = tareas["pactos.tasks.enviar_resumen_semanal_hoja_de_ruta"]
    assert semanal.day_of_week == {1} and semanal.hour == {7}
    mensual = tareas["pactos.tasks.generar_informe_mensual"]
    assert mensual.day_of_month == {1}


@pytest.mark.django_db
def test_servicio_de_avance_con_mensajes_en_espanol(coordinadora):
    from django.core.exceptions import ValidationError

    a = actividad("instrumentos-comunicacion")
    with pytest.raises(ValidationError) as error:
        actividad_actualizar_avance(
            actividad=a, usuario=coordinadora, estado=EstadoActividad.BLOQUEADA
        )
    assert error.value.message_dict["notas"] == ["Explique en las notas por qué está bloqueada."]
    with pytest.raises(ValidationError) as error:
        actividad_actualizar_avance(
            actividad=actividad("instrumentos-comunicacion"),
            usuario=coordinadora,
            estado=EstadoActividad.EN_CURSO,
            avance=140,
        )
    assert error.value.message_dict["avance"] == ["El avance debe estar entre 0 y 100 %."]
    hoy = datetime.date(2026, 6, 15)
    hecha = actividad_actualizar_avance(
        actividad=actividad("instrumentos-comunicacion"),
        usuario=coordinadora,
        estado=EstadoActividad.HECHA,
        hoy=hoy,
    )
    assert (hecha.avance, hecha.fin_real, hecha.inicio_real) == (100, hoy, hoy)
    assert hecha.history.first().history_user == coordinadora
