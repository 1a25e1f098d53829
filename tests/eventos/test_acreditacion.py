"""Check-in at the door: QR and search, duplicates counted once, walk-ins, figures."""

import re

import pytest
from django.core.exceptions import ValidationError

from eventos import enlaces, selectors, services
from eventos.models import Invitado
from sie.models import Canton

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmados(invitar):
    invitados = invitar(3)
    for invitado in invitados:
        services.invitacion_responder(invitado=invitado, asiste=True)
    return invitados


def test_qr_registra_la_llegada_una_sola_vez(evento, confirmados, cliente_de, coordinadora):
    invitado = confirmados[0]
    token = enlaces.token_acreditacion(invitado)
    url = f"/eventos/gestion/{evento.pk}/acreditacion/qr/{token}/"
    cliente = cliente_de(coordinadora)
    pagina = cliente.get(url)
    assert pagina.status_code == 200 and invitado.nombre in pagina.content.decode()
    assert cliente.post(url).status_code == 302
    segunda = cliente.post(url, follow=True)
    assert "ya estaba registrado: no se cuenta dos veces" in segunda.content.decode()
    invitado.refresh_from_db()
    assert invitado.asistio and invitado.asistencia_por == coordinadora
    assert selectors.cifras_asistencia(evento=evento)["asistentes"] == 1


def test_qr_de_otro_evento_o_alterado(evento, crear_evento, confirmados, invitar, coordinadora):
    otro = crear_evento(titulo="Otro evento")
    (ajeno,) = invitar(1, ev=otro)
    with pytest.raises(ValidationError) as error:
        services.asistencia_por_qr(
            evento=evento, token=enlaces.token_acreditacion(ajeno), usuario=coordinadora
        )
    assert "Este código QR es de otro evento" in str(error.value)
    token = enlaces.token_acreditacion(confirmados[0])
    with pytest.raises(ValidationError) as error:
        services.asistencia_por_qr(evento=evento, token=token[:-2] + "xx", usuario=coordinadora)
    assert "Este código QR no es válido" in str(error.value)
    assert not Invitado.objects.filter(asistio=True).exists()


def test_busqueda_por_nombre_sin_tildes_y_registro(evento, coordinadora, cliente_de):
    invitado = services.invitado_agregar(
        evento=evento,
        usuario=coordinadora,
        datos={"nombre": "José Ñacato Guamán", "organizacion": "Junta de riego El Pisque"},
    )
    services.invitacion_responder(invitado=invitado, asiste=True)
    cliente = cliente_de(coordinadora)
    for consulta in ["jose nacato", "PISQUE", "guamán"]:
        html = cliente.get(
            f"/eventos/gestion/{evento.pk}/acreditacion/", {"q": consulta}
        ).content.decode()
        assert "José Ñacato Guamán" in html, consulta
    parcial = cliente.get(
        f"/eventos/gestion/{evento.pk}/acreditacion/", {"q": "nacato"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in parcial.content.decode()
    url = f"/eventos/gestion/{evento.pk}/acreditacion/{invitado.pk}/"
    fila = cliente.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Registrado" in fila
    # the counter updates too (out-of-band swap; attributes may be on separate lines)
    assert re.search(r'id="contador-llegadas"\s+hx-swap-oob="true">1<', fila)
    fila = cliente.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Ya llegó" in fila
    assert evento.invitados.filter(asistio=True).count() == 1


def test_llego_sin_invitacion(evento, cliente_de, coordinadora):
    cliente = cliente_de(coordinadora)
    canton = Canton.objects.get(codigo="1704")
    respuesta = cliente.post(
        f"/eventos/gestion/{evento.pk}/acreditacion/sin-invitacion/",
        {
            "nombre": "Carmen Tupiza",
            "tipo_actor": "comunitario",
            "canton": canton.pk,
            "genero": "mujer",
        },
    )
    assert respuesta.status_code == 302
    invitado = evento.invitados.get(nombre="Carmen Tupiza")
    assert invitado.asistio and invitado.origen == Invitado.Origen.SIN_INVITACION


def test_cifras_desagregadas(evento, coordinadora):
    quito, cayambe = Canton.objects.get(codigo="1701"), Canton.objects.get(codigo="1702")
    filas = [
        ("A", "publico", quito, "mujer"),
        ("B", "publico", cayambe, "hombre"),
        ("C", "academia", cayambe, "mujer"),
        ("D", "ong", None, ""),
    ]
    for nombre, tipo, canton, genero in filas:
        services.asistente_sin_invitacion_registrar(
            evento=evento,
            usuario=coordinadora,
            datos={"nombre": nombre, "tipo_actor": tipo, "canton": canton, "genero": genero},
        )
    cifras = selectors.cifras_asistencia(evento=evento)
    assert cifras["asistentes"] == 4 and cifras["sin_invitacion"] == 4
    por_tipo = {f["clave"]: f["n"] for f in cifras["por_tipo"]}
    assert por_tipo == {"publico": 2, "academia": 1, "ong": 1}
    por_canton = {str(f["etiqueta"]): f["n"] for f in cifras["por_canton"]}
    assert por_canton == {"Cayambe": 2, "Distrito Metropolitano de Quito": 1, "Sin dato": 1}
    por_genero = {str(f["etiqueta"]): f["n"] for f in cifras["por_genero"]}
    assert por_genero == {"Mujer": 2, "Hombre": 1, "Sin dato": 1}
