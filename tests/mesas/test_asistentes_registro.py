"""Attendance that is quick and right (issue #15, item 5 and "Traer asistentes de la sesión
anterior"): the registry the search uses, walk-ins that are not stored twice, and the previous
session's attendees in one step."""

import datetime
import gzip
import json
import re

import pytest
from django.urls import reverse

from actores.models import Actor
from actores.services import membresia_crear
from actores.validadores import digito_verificador_cedula
from mesas import services
from mesas.models import Asistencia, Mesa
from sie.models import Canton
from tests.factories import ActorFactory, SesionFactory

pytestmark = pytest.mark.django_db


def _url(sesion) -> str:
    return reverse("mesas:sesion", kwargs={"pk": sesion.pk})


# The registry comes with the session page (contract C4), in the JSON block the attendance form
# names (asistentes.js): searching needs no other answer.
_BLOQUE = re.compile(
    r'<script type="application/json" id="registro-asistencia">(.*?)</script>', re.S
)


def _bloque(respuesta) -> str | None:
    html = respuesta.content.decode()
    encontrado = _BLOQUE.search(html)
    if encontrado:
        assert 'data-registro="registro-asistencia"' in html  # the form names it
    return encontrado.group(1) if encontrado else None


def _registro(cliente, sesion) -> dict:
    respuesta = cliente.get(_url(sesion))
    assert respuesta.status_code == 200
    return json.loads(_bloque(respuesta))


def _persona(nombres, apellidos, *, canton="1702", **datos) -> Actor:
    return ActorFactory(
        persona=True,
        nombres=nombres,
        apellidos=apellidos,
        ambito=Actor.Ambito.CANTONAL if canton else Actor.Ambito.PROVINCIAL,
        canton=Canton.objects.get(codigo=canton) if canton else None,
        **datos,
    )


@pytest.fixture
def cayambe():
    return Canton.objects.get(codigo="1702")


@pytest.fixture
def kayambi():
    return ActorFactory(nombre="Asociación Kayambi de Turismo", siglas="ASOKAY")


def _nuevo(cliente, sesion, nombres, apellidos, **datos):
    """The walk-in form of the session page, sent with htmx; datos: its other fields."""
    datos = {"nombres": nombres, "apellidos": apellidos, **datos}
    campos = {"nuevo-tipo": "comunitario", **{f"nuevo-{k}": v for k, v in datos.items()}}
    return cliente.post(f"/mesas/sesion/{sesion.pk}/nuevo/", campos, HTTP_HX_REQUEST="true")


# --- The registry for the search (contract C4) ----------------------------------------------


def test_el_registro_solo_lo_recibe_quien_registra_esa_sesion(
    client, cliente_de, fac_cayambe, fac_mejia, coordinadora, sesion_cayambe
):
    _persona("Rosa", "Quishpé")
    assert client.get(_url(sesion_cayambe)).status_code == 302  # anonymous: to log in
    assert cliente_de(fac_mejia).get(_url(sesion_cayambe)).status_code == 403
    respuesta = cliente_de(fac_cayambe).get(_url(sesion_cayambe))
    assert respuesta.status_code == 200
    assert "Rosa Quishpé" in json.dumps(json.loads(_bloque(respuesta)), ensure_ascii=False)
    assert "private" in respuesta["Cache-Control"]
    assert _registro(cliente_de(coordinadora), sesion_cayambe)["personas"]


def test_el_registro_trae_miembros_primero_gente_del_canton_y_su_organizacion(
    cliente_de, fac_cayambe, sesion_cayambe, mesa_cayambe, kayambi
):
    zoila = _persona("Zoila", "Andrango")  # a member: first, though last by name
    rosa = _persona("Rosa", "Quishpé")
    membresia_crear(persona=rosa, organizacion=kayambi, usuario=None)
    lejana = _persona("Carmen", "Tituaña", canton="1701")  # Quito: not this table's canton
    inactiva = _persona("Inés", "Cabascango", activo=False)
    services.mesa_agregar_miembros(mesa=mesa_cayambe, actores=[zoila, kayambi])
    # who belongs to a member organisation comes from anywhere
    luis = _persona("Luis", "Alba", canton=None)
    membresia_crear(persona=luis, organizacion=kayambi, usuario=None)

    datos = _registro(cliente_de(fac_cayambe), sesion_cayambe)
    personas = {p["nombre"]: p for p in datos["personas"]}
    assert datos["personas"][0]["nombre"] in ("Zoila Andrango", "Rosa Quishpé", "Luis Alba")
    assert personas["Zoila Andrango"]["miembro"] is True
    assert personas["Rosa Quishpé"] == {
        "id": rosa.pk,
        "nombre": "Rosa Quishpé",
        "identificacion": rosa.identificacion,
        "organizacion": {"id": kayambi.pk, "nombre": "Asociación Kayambi de Turismo"},
        "miembro": True,  # through her organisation, a member of the table
        "canton": "Cayambe",
    }
    assert personas["Luis Alba"]["organizacion"]["id"] == kayambi.pk
    assert lejana.nombre not in personas and inactiva.nombre not in personas
    miembros = [p["miembro"] for p in datos["personas"]]
    assert miembros == sorted(miembros, reverse=True)  # members first
    assert {"id": kayambi.pk, "nombre": kayambi.nombre, "siglas": "ASOKAY"} in datos[
        "organizaciones"
    ]
    assert all("telefono" not in p and "email" not in p for p in datos["personas"])


def test_una_membresia_terminada_no_da_la_organizacion(
    cliente_de, fac_cayambe, sesion_cayambe, kayambi
):
    rosa = _persona("Rosa", "Quishpé")
    membresia_crear(
        persona=rosa,
        organizacion=kayambi,
        usuario=None,
        desde=datetime.date(2019, 1, 1),
        hasta=datetime.date(2020, 1, 1),
    )
    datos = _registro(cliente_de(fac_cayambe), sesion_cayambe)
    assert next(p for p in datos["personas"] if p["id"] == rosa.pk)["organizacion"] is None


def test_mesa_agropecuaria_trae_a_la_gente_de_su_sector(crear_usuario, cliente_de):
    from core.roles import Rol

    mesa = Mesa.objects.filter(tipo=Mesa.Tipo.AGROPECUARIO).first()
    facilitadora = crear_usuario("fac_agro", Rol.FACILITACION)
    mesa.facilitadores.add(facilitadora)
    sesion = SesionFactory(mesa=mesa)
    del_sector = _persona("Mercedes", "Pilataxi", sectores=[mesa.sector])
    otra = _persona("Olga", "Ulcuango")
    nombres = {p["nombre"] for p in _registro(cliente_de(facilitadora), sesion)["personas"]}
    assert del_sector.nombre in nombres and otra.nombre not in nombres


def test_el_registro_de_una_mesa_de_demostracion_es_ligero(
    cliente_de, fac_cayambe, sesion_cayambe, mesa_cayambe
):
    """A realistic table: 60 members of 12 organisations, 150 people in the canton, 80
    organisations in the registry. Its registry travels gzipped in a few KB."""
    organizaciones = [
        ActorFactory(nombre=f"Asociación de Productores Agroecológicos {i}", siglas=f"APA{i}")
        for i in range(80)
    ]
    for i in range(150):
        persona = _persona(f"María José {i}", f"Cabascango Quishpé {i}")
        if i < 60:
            membresia_crear(persona=persona, organizacion=organizaciones[i % 12], usuario=None)
    services.mesa_agregar_miembros(mesa=mesa_cayambe, actores=organizaciones[:12])
    cuerpo = _bloque(cliente_de(fac_cayambe).get(_url(sesion_cayambe))).encode()
    comprimido = len(gzip.compress(cuerpo))
    print(
        f"the page's registry: {len(cuerpo)} B, {comprimido} B gzip, 150 personas, 80 organizaciones"
    )
    assert len(json.loads(cuerpo)["personas"]) == 150
    assert comprimido < 8_000


# --- Walk-ins: defaults, contact data, no duplicates ------------------------------------------


def test_el_formulario_de_persona_nueva_propone_comunitario_y_el_canton_de_la_mesa(
    cliente_de, fac_cayambe, sesion_cayambe
):
    html = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert '<option value="comunitario" selected>' in html
    assert '<option value="publico" selected>' not in html
    canton = Canton.objects.get(codigo="1702")
    assert f'<option value="{canton.pk}" selected>' in html
    for campo in ("nuevo-identificacion", "nuevo-telefono", "nuevo-email"):
        assert f'name="{campo}"' in html


def test_el_tipo_propuesto_es_el_habitual_de_la_mesa_pero_nunca_publico(
    cliente_de, fac_cayambe, crear_sesion, mesa_cayambe
):
    anterior = crear_sesion(mesa_cayambe, dias=-7)
    for i in range(3):
        services.asistencia_registrar(
            sesion=anterior, actor=_persona(f"Funcionario {i}", "Público", tipo="publico")
        )
    services.asistencia_registrar(
        sesion=anterior, actor=_persona("Dueña", "Hostal", tipo="privado")
    )
    sesion = crear_sesion(mesa_cayambe)
    html = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert '<option value="privado" selected>' in html


def test_persona_nueva_con_telefono_correo_y_cedula_normalizados(
    cliente_de, fac_cayambe, sesion_cayambe, cayambe
):
    cedula = digito_verificador_cedula("170456789")
    respuesta = _nuevo(
        cliente_de(fac_cayambe),
        sesion_cayambe,
        "Blanca",
        "Tupiza",
        canton=cayambe.pk,
        telefono="099 123 4567",
        email=" Blanca.Tupiza@Example.ORG ",
        identificacion=f"{cedula[:9]}-{cedula[9]}",
        consentimiento_nombre_publico="on",
    )
    assert respuesta.status_code == 200, respuesta.content.decode()[:2000]
    blanca = Actor.objects.get(nombre="Blanca Tupiza")
    assert str(blanca.telefono) == "+593991234567"
    assert blanca.email == "blanca.tupiza@example.org"
    assert blanca.identificacion == cedula
    assert blanca.consentimiento_nombre_publico is True
    assert blanca.tipo == "comunitario" and blanca.canton == cayambe
    assert sesion_cayambe.asistencias.filter(actor=blanca).exists()


def test_telefono_o_cedula_invalidos_se_explican(cliente_de, fac_cayambe, sesion_cayambe):
    respuesta = _nuevo(
        cliente_de(fac_cayambe),
        sesion_cayambe,
        "Blanca",
        "Tupiza",
        telefono="12",
        identificacion="1234567890",
    )
    html = respuesta.content.decode()
    assert respuesta.status_code == 400
    assert "Escriba un teléfono válido de Ecuador" in html
    assert "Blanca" in html  # what was typed stays
    assert not Actor.objects.filter(nombre="Blanca Tupiza").exists()


def test_una_cedula_que_ya_existe_ofrece_a_la_persona_y_no_la_duplica(
    cliente_de, fac_cayambe, sesion_cayambe, kayambi, cayambe
):
    rosa = _persona("Rosa", "Quishpé")
    membresia_crear(persona=rosa, organizacion=kayambi, usuario=None)
    cliente = cliente_de(fac_cayambe)
    antes = Actor.objects.count()

    def rosita(**datos):
        """Rosita Quishpe, walk-in, typed with Rosa's cédula."""
        return _nuevo(
            cliente,
            sesion_cayambe,
            "Rosita",
            "Quishpe",
            identificacion=rosa.identificacion,
            **datos,
        )

    respuesta = rosita(canton=cayambe.pk)
    html = respuesta.content.decode()
    assert respuesta.status_code == 400
    assert "Ya hay una persona con esa cédula en el registro: Rosa Quishpé." in html
    assert "Registrar a Rosa Quishpé" in html and "(Asociación Kayambi de Turismo)" in html
    assert "Es otra persona" not in html  # a cédula is one person's
    assert Actor.objects.count() == antes and not sesion_cayambe.asistencias.exists()

    # "Es otra persona" is refused over a cédula all the same
    rosita(coincidencia="otra")
    assert Actor.objects.count() == antes

    respuesta = rosita(coincidencia=rosa.pk)
    assert respuesta.status_code == 200
    asistencia = sesion_cayambe.asistencias.get()
    assert asistencia.actor == rosa and asistencia.organizacion == kayambi
    assert Actor.objects.count() == antes


def test_el_mismo_nombre_en_el_mismo_canton_se_ofrece_o_se_confirma_otra_persona(
    cliente_de, fac_cayambe, sesion_cayambe, cayambe
):
    rosa = _persona("Rosa", "Quishpé")
    cliente = cliente_de(fac_cayambe)

    def otra_rosa(**datos):
        return _nuevo(cliente, sesion_cayambe, "ROSA", "quishpe", canton=cayambe.pk, **datos)

    respuesta = otra_rosa()
    html = respuesta.content.decode()
    assert respuesta.status_code == 400
    assert "Ya hay una persona con ese nombre en el mismo cantón: Rosa Quishpé." in html
    assert f'value="{rosa.pk}"' in html and 'value="otra"' in html
    assert Actor.objects.filter(nombre_normalizado="rosa quishpe").count() == 1

    respuesta = otra_rosa(coincidencia="otra")
    assert respuesta.status_code == 200
    assert Actor.objects.filter(nombre_normalizado="rosa quishpe").count() == 2
    nueva = sesion_cayambe.asistencias.get().actor
    assert nueva != rosa


def test_el_mismo_nombre_en_otro_canton_no_pregunta(
    cliente_de, fac_cayambe, sesion_cayambe, cayambe
):
    _persona("Rosa", "Quishpé", canton="1701")
    respuesta = _nuevo(
        cliente_de(fac_cayambe), sesion_cayambe, "Rosa", "Quishpé", canton=cayambe.pk
    )
    assert respuesta.status_code == 200
    assert Actor.objects.filter(nombre_normalizado="rosa quishpe").count() == 2


def test_la_misma_persona_nueva_entrada_dos_veces_queda_una_vez(
    cliente_de, fac_cayambe, sesion_cayambe, cayambe
):
    """Two phones (or a resend with a new device id) record the same walk-in."""
    cliente = cliente_de(fac_cayambe)
    datos = {"nombres": "Blanca", "apellidos": "Tupiza", "canton": cayambe.pk}
    assert _nuevo(cliente, sesion_cayambe, **datos).status_code == 200
    respuesta = _nuevo(cliente, sesion_cayambe, **datos)
    html = respuesta.content.decode()
    assert respuesta.status_code == 400
    assert "ya está en la lista de asistencia de esta sesión" in html
    assert Actor.objects.filter(nombre="Blanca Tupiza").count() == 1
    assert sesion_cayambe.asistencias.count() == 1


# --- Traer asistentes de la sesión anterior ----------------------------------------------------


def test_traer_asistentes_de_la_sesion_anterior(
    cliente_de, fac_cayambe, crear_sesion, mesa_cayambe, kayambi
):
    primera = crear_sesion(mesa_cayambe, dias=-14)
    services.asistencia_registrar(sesion=primera, actor=_persona("Ana", "Uno"))
    anterior = crear_sesion(mesa_cayambe, dias=-7)
    rosa, luis, zoila = _persona("Rosa", "Quishpé"), _persona("Luis", "Alba"), _persona("Z", "Z")
    services.asistencia_registrar(sesion=anterior, actor=rosa, organizacion=kayambi)
    services.asistencia_registrar(sesion=anterior, actor=luis)
    services.asistencia_registrar(sesion=anterior, actor=zoila)
    sesion = crear_sesion(mesa_cayambe)
    services.asistencia_registrar(sesion=sesion, actor=zoila)  # already here
    cliente = cliente_de(fac_cayambe)

    html = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert "Traer asistentes de la sesión anterior" in html
    assert "2 personas de la sesión 2, aún no en la lista" in html
    assert "data-confirmar=" in html

    url = reverse("mesas:asistencia_anteriores", kwargs={"pk": sesion.pk})
    respuesta = cliente.post(url, follow=True)
    assert "Se añadieron 2 asistentes de la sesión anterior." in respuesta.content.decode()
    organizaciones = dict(sesion.asistencias.values_list("actor__nombre", "organizacion"))
    assert organizaciones == {"Rosa Quishpé": kayambi.pk, "Luis Alba": None, "Z Z": None}
    assert "Traer asistentes de la sesión anterior" not in respuesta.content.decode()

    respuesta = cliente.post(url, follow=True)
    assert "Todos los asistentes de la sesión anterior ya están en la lista." in (
        respuesta.content.decode()
    )
    assert sesion.asistencias.count() == 3


def test_traer_asistentes_solo_quien_registra_esa_sesion(
    cliente_de, fac_mejia, crear_sesion, mesa_cayambe
):
    anterior = crear_sesion(mesa_cayambe, dias=-7)
    services.asistencia_registrar(sesion=anterior, actor=_persona("Rosa", "Quishpé"))
    sesion = crear_sesion(mesa_cayambe)
    url = reverse("mesas:asistencia_anteriores", kwargs={"pk": sesion.pk})
    assert cliente_de(fac_mejia).post(url).status_code == 403
    assert not Asistencia.objects.filter(sesion=sesion).exists()


def test_elegir_a_una_persona_que_ya_no_esta_se_explica(cliente_de, fac_cayambe, sesion_cayambe):
    respuesta = _nuevo(
        cliente_de(fac_cayambe), sesion_cayambe, "Rosa", "Quishpé", coincidencia="999999"
    )
    assert respuesta.status_code == 400
    assert "Esa persona ya no está en el registro." in respuesta.content.decode()
    assert not sesion_cayambe.asistencias.exists()
