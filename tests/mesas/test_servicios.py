import datetime

import pytest
from django.core.exceptions import ValidationError

from core.errores import ConflictoEdicion
from mesas import services

pytestmark = pytest.mark.django_db


def test_numeros_de_sesion_y_de_acuerdo_son_correlativos(mesa_cayambe, crear_sesion):
    s1, s2 = crear_sesion(mesa_cayambe), crear_sesion(mesa_cayambe, dias=8)
    assert (s1.numero, s2.numero) == (1, 2)
    a1 = services.acuerdo_registrar(sesion=s1, texto="Uno")
    a2 = services.acuerdo_registrar(sesion=s1, texto="Dos")
    assert (a1.numero, a2.numero) == (1, 2)


def test_conflicto_de_edicion_entre_dos_facilitadores(sesion_cayambe, fac_cayambe):
    version = sesion_cayambe.version
    services.sesion_actualizar(sesion=sesion_cayambe, version=version, lugar="Casa A")
    with pytest.raises(ConflictoEdicion, match="Otra persona guardó cambios"):
        services.sesion_actualizar(sesion=sesion_cayambe, version=version, lugar="Casa B")
    sesion_cayambe.refresh_from_db()
    assert sesion_cayambe.lugar == "Casa A"

    acuerdo = services.acuerdo_registrar(sesion=sesion_cayambe, texto="Original")
    services.acuerdo_editar(acuerdo=acuerdo, version=acuerdo.version, texto="De Ana")
    with pytest.raises(ConflictoEdicion):
        services.acuerdo_editar(acuerdo=acuerdo, version=acuerdo.version, texto="De Luis")
    acuerdo.refresh_from_db()
    assert acuerdo.texto == "De Ana" and acuerdo.history.count() == 2


def test_conflicto_de_edicion_en_la_pagina(sesion_cayambe, fac_cayambe, cliente_de):
    cliente = cliente_de(fac_cayambe)
    datos = {
        "inicio": sesion_cayambe.inicio.strftime("%Y-%m-%dT%H:%M"),
        "modalidad": "presencial",
        "lugar": "Otra casa",
        "version": sesion_cayambe.version,
    }
    assert cliente.post(f"/mesas/sesion/{sesion_cayambe.pk}/datos/", datos).status_code == 302
    respuesta = cliente.post(f"/mesas/sesion/{sesion_cayambe.pk}/datos/", {**datos, "lugar": "X"})
    assert respuesta.status_code == 409
    assert "Otra persona guardó cambios" in respuesta.content.decode()


def test_intervencion_solo_de_quien_asiste(sesion_cayambe, crear_persona):
    persona = crear_persona()
    with pytest.raises(ValidationError) as exc:
        services.intervencion_registrar(
            sesion=sesion_cayambe, actor=persona, tipo="propuesta", resumen="Hola"
        )
    assert "debe estar en la lista de asistencia" in str(exc.value)
    services.asistencia_registrar(sesion=sesion_cayambe, actor=persona)
    services.intervencion_registrar(
        sesion=sesion_cayambe, actor=persona, tipo="propuesta", resumen="Hola"
    )
    sesion_cayambe.refresh_from_db()
    assert sesion_cayambe.estado == "en_curso"


def test_no_se_cierra_sin_asistentes_y_no_se_duplica_asistencia(sesion_cayambe_ayer, crear_persona):
    with pytest.raises(ValidationError, match="sin asistentes"):
        services.sesion_cerrar(sesion=sesion_cayambe_ayer, version=sesion_cayambe_ayer.version)
    persona = crear_persona()
    services.asistencia_registrar(sesion=sesion_cayambe_ayer, actor=persona)
    with pytest.raises(ValidationError, match="ya está en la lista"):
        services.asistencia_registrar(sesion=sesion_cayambe_ayer, actor=persona)


def test_sesion_virtual_necesita_enlace(mesa_cayambe):
    with pytest.raises(ValidationError) as exc:
        services.sesion_crear(
            mesa=mesa_cayambe,
            inicio=datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC),
            modalidad="virtual",
        )
    assert "enlace de la reunión" in str(exc.value)


def test_asistente_nuevo_entra_al_mapa_y_a_la_asistencia(sesion_cayambe, fac_cayambe, organizacion):
    asistencia = services.asistente_nuevo_registrar(
        sesion=sesion_cayambe,
        nombres="Blanca",
        apellidos="Tupiza",
        genero="mujer",
        organizacion=organizacion,
        usuario=fac_cayambe,
    )
    assert asistencia.actor.nombre == "Blanca Tupiza"
    assert asistencia.actor.naturaleza == "persona"
    assert asistencia.organizacion == organizacion


def test_plazo_anterior_a_la_sesion_se_rechaza(sesion_cayambe):
    with pytest.raises(ValidationError, match="no puede ser anterior"):
        services.acuerdo_registrar(
            sesion=sesion_cayambe, texto="X", plazo=datetime.date(2020, 1, 1)
        )


def test_acuerdo_con_indicador_del_sie_de_su_eje(sesion_cayambe):
    from mesas.forms import AcuerdoForm
    from sie.models import Indicador

    indicador = Indicador.objects.filter(eje__codigo="turismo").first()
    acuerdo = services.acuerdo_registrar(
        sesion=sesion_cayambe, texto="Medir llegadas", indicador=indicador
    )
    assert acuerdo.indicador == indicador
    opciones = AcuerdoForm(sesion=sesion_cayambe).fields["indicador"].queryset
    assert opciones.exists() and not opciones.exclude(eje__codigo="turismo").exists()
