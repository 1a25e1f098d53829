"""One entry, once: every recorded item carries the id its device made (`uid`); a repeat of a save
is stored once and answered as the first, and after a save the form is empty with a new id."""

import uuid
from html.parser import HTMLParser
from typing import NamedTuple

import pytest
from django.db import IntegrityError, transaction

from actores.models import Actor
from mesas import services
from mesas.models import Acuerdo, Asistencia, Intervencion, Prioridad, PuntoAgenda, TemaPendiente

pytestmark = pytest.mark.django_db


class _Campos(HTMLParser):
    """The values a form of the answer would send: {name: value or [values]}, by field name."""

    def __init__(self):
        super().__init__()
        self.valores: dict[str, object] = {}
        self._select = None
        self._multiple = False
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        nombre = a.get("name")
        if tag == "input" and nombre:
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.valores[nombre] = a.get("value", "on")
            else:
                self.valores[nombre] = a.get("value", "")
        elif tag == "select" and nombre:
            self._select, self._multiple = nombre, "multiple" in a
            self.valores[nombre] = [] if self._multiple else ""
        elif tag == "option" and self._select and "selected" in a:
            if self._multiple:
                self.valores[self._select].append(a.get("value", ""))
            else:
                self.valores[self._select] = a.get("value", "")
        elif tag == "textarea" and nombre:
            self._textarea = nombre
            self.valores[nombre] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.valores[self._textarea] += data.strip()


def campos(html: str) -> dict:
    lector = _Campos()
    lector.feed(html)
    return lector.valores


@pytest.fixture
def sesion(sesion_cayambe, fac_cayambe, crear_persona, organizacion):
    """Cayambe's session with one attendee (Rosa) and one agenda item, recorded by Ana."""
    sesion_cayambe.rosa = crear_persona("Rosa", "Farinango")
    services.asistencia_registrar(
        sesion=sesion_cayambe, actor=sesion_cayambe.rosa, usuario=fac_cayambe
    )
    sesion_cayambe.punto = services.punto_agenda_agregar(sesion=sesion_cayambe, titulo="Ruta")
    sesion_cayambe.organizacion = organizacion
    return sesion_cayambe


def _datos(seccion, sesion, crear_persona, *, otra=False):
    """What the facilitator types in each form, and how many items it stores; `otra`: about
    another person (attendance and walk-ins)."""
    if seccion == "asistencia":
        persona = crear_persona(*(("Marta", "Quishpe") if otra else ("Lucía", "Tipán")))
        return {"asistencia-actor": persona.pk, "asistencia-organizacion": sesion.organizacion.pk}
    return {
        "nuevo": {
            "nuevo-nombres": "Carmen" if otra else "Blanca",
            "nuevo-apellidos": "Lema" if otra else "Tupiza",
            "nuevo-genero": "mujer",
            "nuevo-tipo": "comunitario",
            "nuevo-organizacion": sesion.organizacion.pk,
        },
        "intervencion": {
            "intervencion-actor": sesion.rosa.pk,
            "intervencion-punto": sesion.punto.pk,
            "intervencion-tipo": "propuesta",
            "intervencion-resumen": "Señalética bilingüe en la ruta",
        },
        "acuerdo": {
            "acuerdo-texto": "Levantar el inventario turístico",
            "acuerdo-responsables": [sesion.rosa.pk],
            "acuerdo-plazo": "2099-03-31",
            "acuerdo-resultado_esperado": "Inventario publicado",
        },
        "agenda": {"agenda-hora": "10:20", "agenda-titulo": "Diagnóstico"},
        "prioridad": {"prioridad-texto": "Vialidad rural", "prioridad-votos": "1"},
        "tema": {"tema-texto": "Presupuesto participativo"},
    }[seccion]


class Seccion(NamedTuple):
    modelo: type  # what a save of the section stores
    lista: str  # the list its answer replaces (id="lista-<lista>")


SECCION = {
    "asistencia": Seccion(Asistencia, "asistencia"),
    "nuevo": Seccion(Asistencia, "asistencia"),  # a walk-in joins the attendance list
    "intervencion": Seccion(Intervencion, "intervencion"),
    "acuerdo": Seccion(Acuerdo, "acuerdo"),
    "agenda": Seccion(PuntoAgenda, "agenda"),
    "prioridad": Seccion(Prioridad, "prioridad"),
    "tema": Seccion(TemaPendiente, "tema"),
}
SECCIONES = list(SECCION)


@pytest.mark.parametrize("seccion", SECCIONES)
def test_enviar_dos_veces_guarda_una_y_responde_igual(
    seccion, cliente_de, fac_cayambe, sesion, crear_persona
):
    """A double tap, or the outbox sending again what the server already has: one item, and
    both answers are the section's list as after a first save."""
    cliente = cliente_de(fac_cayambe)
    uid = uuid.uuid4()
    datos = {**_datos(seccion, sesion, crear_persona), f"{seccion}-uid": str(uid)}
    url = f"/mesas/sesion/{sesion.pk}/{seccion}/"
    actores_antes = Actor.objects.count()

    primera = cliente.post(url, datos, HTTP_HX_REQUEST="true")
    segunda = cliente.post(url, datos, HTTP_HX_REQUEST="true")

    assert (primera.status_code, segunda.status_code) == (200, 200)
    for respuesta in (primera, segunda):
        html = respuesta.content.decode()
        assert respuesta["HX-Retarget"] == f"#lista-{SECCION[seccion].lista}"
        assert f'id="lista-{SECCION[seccion].lista}"' in html
        assert "alert-danger" not in html and "is-invalid" not in html
    assert SECCION[seccion].modelo.objects.filter(uid=uid).count() == 1
    if seccion == "nuevo":  # a repeated walk-in is neither a second actor nor a second attendance
        assert Actor.objects.count() == actores_antes + 1
        assert Actor.objects.filter(nombre="Blanca Tupiza").count() == 1


@pytest.mark.parametrize("seccion", SECCIONES)
def test_tras_guardar_el_formulario_queda_vacio_con_otro_uid(
    seccion, cliente_de, fac_cayambe, sesion, crear_persona
):
    cliente = cliente_de(fac_cayambe)
    pagina = campos(cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode())
    uid = pagina[f"{seccion}-uid"]
    assert uuid.UUID(uid)
    datos = {**_datos(seccion, sesion, crear_persona), f"{seccion}-uid": uid}

    # With htmx (the outbox) the answer holds none of the section's fields: the page empties its
    # form itself, and nothing sent back can fill it again.
    otro = {**datos, f"{seccion}-uid": str(uuid.uuid4())}
    if seccion in ("asistencia", "nuevo"):
        otro = {
            **_datos(seccion, sesion, crear_persona, otra=True),
            f"{seccion}-uid": str(uuid.uuid4()),
        }
    con_htmx = cliente.post(f"/mesas/sesion/{sesion.pk}/{seccion}/", otro, HTTP_HX_REQUEST="true")
    assert con_htmx.status_code == 200
    assert not [n for n in campos(con_htmx.content.decode()) if n.startswith(f"{seccion}-")]

    # Without it, the page the save leads back to has the form blank, with a new uid.
    respuesta = cliente.post(f"/mesas/sesion/{sesion.pk}/{seccion}/", datos, follow=True)

    assert respuesta.status_code == 200
    formulario = campos(respuesta.content.decode())
    nuevo_uid = formulario[f"{seccion}-uid"]
    assert uuid.UUID(nuevo_uid) and nuevo_uid != uid
    for nombre, valor in datos.items():
        if nombre.endswith("-uid"):
            continue
        enviado = [str(v) for v in valor] if isinstance(valor, list) else str(valor)
        # Blank, or the visible default a fresh page offers (the walk-in's usual type), never
        # what was just sent when it differs from that default.
        por_defecto = pagina.get(nombre)
        assert formulario.get(nombre) in ("", [], None, "0", por_defecto), (
            nombre,
            formulario.get(nombre),
        )
        if enviado != por_defecto:
            assert formulario.get(nombre) != enviado, nombre


def test_cada_carga_de_la_pagina_da_uid_nuevos(cliente_de, fac_cayambe, sesion):
    cliente = cliente_de(fac_cayambe)
    una = campos(cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode())
    otra = campos(cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode())
    for seccion in SECCIONES:
        assert una[f"{seccion}-uid"] != otra[f"{seccion}-uid"], seccion
    assert len({una[f"{s}-uid"] for s in SECCIONES}) == len(SECCIONES)


def test_la_base_de_datos_no_admite_dos_veces_el_mismo_uid(sesion):
    uid = uuid.uuid4()
    TemaPendiente.objects.create(sesion=sesion, texto="Uno", uid=uid)
    with pytest.raises(IntegrityError), transaction.atomic():
        TemaPendiente.objects.create(sesion=sesion, texto="Otro", uid=uid)


def test_servicio_con_uid_ya_guardado_devuelve_el_existente(sesion, fac_cayambe):
    uid = uuid.uuid4()
    primero = services.intervencion_registrar(
        sesion=sesion, actor=sesion.rosa, tipo="propuesta", resumen="Uno", uid=uid
    )
    repetido = services.intervencion_registrar(
        sesion=sesion, actor=sesion.rosa, tipo="propuesta", resumen="Uno", uid=uid
    )
    assert repetido.pk == primero.pk and sesion.intervenciones.count() == 1


def test_un_uid_de_otra_sesion_se_rechaza(sesion, crear_sesion, mesa_cayambe):
    otra = crear_sesion(mesa_cayambe)
    tema = services.tema_pendiente_registrar(sesion=otra, texto="Ajeno")
    with pytest.raises(Exception, match="otra sesión"):
        services.tema_pendiente_registrar(sesion=sesion, texto="Mío", uid=tema.uid)


# --- C2: a speaker or a responsable named by the uid of their attendance ----------------------


def test_interviene_quien_se_nombra_por_el_uid_de_su_asistencia(cliente_de, fac_cayambe, sesion):
    """The offline client names a walk-in recorded offline by the id of their attendance."""
    cliente = cliente_de(fac_cayambe)
    uid_asistencia = uuid.uuid4()
    cliente.post(
        f"/mesas/sesion/{sesion.pk}/nuevo/",
        {
            "nuevo-nombres": "Blanca",
            "nuevo-apellidos": "Tupiza",
            "nuevo-tipo": "comunitario",
            "nuevo-uid": str(uid_asistencia),
        },
        HTTP_HX_REQUEST="true",
    )
    blanca = Asistencia.objects.get(uid=uid_asistencia).actor

    respuesta = cliente.post(
        f"/mesas/sesion/{sesion.pk}/intervencion/",
        {
            "intervencion-actor": str(uid_asistencia),
            "intervencion-tipo": "propuesta",
            "intervencion-resumen": "Ferias en la plaza",
        },
        HTTP_HX_REQUEST="true",
    )
    assert respuesta.status_code == 200
    assert sesion.intervenciones.get().actor == blanca

    respuesta = cliente.post(
        f"/mesas/sesion/{sesion.pk}/acuerdo/",
        {
            "acuerdo-texto": "Organizar la feria",
            "acuerdo-responsables": [str(uid_asistencia), sesion.rosa.pk],
        },
        HTTP_HX_REQUEST="true",
    )
    assert respuesta.status_code == 200
    assert set(sesion.acuerdos.get().responsables.all()) == {blanca, sesion.rosa}


def test_el_uid_de_una_asistencia_de_otra_sesion_no_vale(
    cliente_de, fac_cayambe, sesion, crear_sesion, mesa_cayambe, crear_persona
):
    otra = crear_sesion(mesa_cayambe)
    ajena = services.asistencia_registrar(sesion=otra, actor=crear_persona("Pedro", "Ajeno"))
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion.pk}/intervencion/",
        {
            "intervencion-actor": str(ajena.uid),
            "intervencion-tipo": "propuesta",
            "intervencion-resumen": "No debería guardarse",
        },
        HTTP_HX_REQUEST="true",
    )
    assert respuesta.status_code == 400
    assert not sesion.intervenciones.exists()


def test_si_el_mismo_uid_entra_a_la_vez_la_restriccion_devuelve_el_guardado(sesion):
    """Two sends of one item at the same moment: the second insert hits the unique constraint
    (here the first is already there when it tries) and the answer is the item stored."""
    uid = uuid.uuid4()
    primero = TemaPendiente.objects.create(sesion=sesion, texto="Presupuesto", uid=uid)
    segundo = services._crear_una_vez(
        TemaPendiente,
        uid=uid,
        crear=lambda: TemaPendiente.objects.create(sesion=sesion, texto="Presupuesto", uid=uid),
    )
    assert segundo.pk == primero.pk
    assert sesion.temas_pendientes.count() == 1  # and the transaction goes on (a savepoint)
