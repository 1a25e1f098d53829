"""Readable history: a change made through the portal's forms shows on the record's page as who,
which field (its label), old → new (choice labels, names, Sí/No, dates), personal data only to
those who may see it, with queries that do not grow with the entries."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actores.forms import ActorForm
from actores.models import Actor
from core.historial import historial_de
from core.roles import Rol
from pactos.forms.pactos import CompromisoForm, PactoEditarForm
from pactos.models import Actividad, Compromiso, ProductoPrograma
from sie.models import Canton, Indicador
from sie.services import lotes
from tests.factories import ActorFactory, CompromisoFactory
from tests.factories.sie import DatoMedicionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _claves_rapidas(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def datos_de(form, **cambios) -> dict:
    """What the browser posts for an unchanged form, with `cambios` typed over it."""
    datos = {}
    for nombre in form.fields:
        valor = form[nombre].value()
        if valor is None or valor is False:
            continue
        if valor is True:
            valor = "on"
        elif isinstance(valor, list | tuple):
            valor = [str(getattr(v, "pk", v)) for v in valor]
        datos[form.add_prefix(nombre)] = valor
    datos.update(cambios)
    return datos


def seccion(html: str, ancla: str = "historial") -> str:
    """The text of the history section, without tags and with spaces collapsed."""
    inicio = html.index(f'id="{ancla}"')
    fin = html.index("</section>", inicio)
    return " ".join(re.sub(r"<[^>]+>", " ", html[inicio:fin]).split())


# --- Each record's page ------------------------------------------------------------------------


def test_cambio_de_un_actor_con_telefono_solo_para_quien_ve_datos_personales(
    cliente_de, coordinadora, analista
):
    actor = ActorFactory(telefono="+59322500000", tipo=Actor.Tipo.COMUNITARIO)
    cliente = cliente_de(coordinadora)
    form = ActorForm(instance=actor)
    respuesta = cliente.post(
        f"/actores/{actor.pk}/editar/",
        datos_de(form, telefono="0991234567", tipo=Actor.Tipo.ACADEMIA),
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]

    texto = seccion(cliente.get(f"/actores/{actor.pk}/").content.decode())
    assert "María" in texto and "Modificación" in texto
    assert "Tipo de actor: Comunitario / economía popular y solidaria → Academia" in texto
    assert "Teléfono: +593 2-250-0000 → +593 99 123 4567" in texto, texto

    # An analyst reads the map without personal data: the change is told, its values are not.
    texto = seccion(cliente_de(analista).get(f"/actores/{actor.pk}/").content.decode())
    assert "Tipo de actor: Comunitario / economía popular y solidaria → Academia" in texto
    assert "Teléfono: cambiado" in texto
    assert "2500000" not in texto.replace(" ", "").replace("-", "")
    assert "991234567" not in texto.replace(" ", "")


def test_el_publico_no_ve_el_historial_de_un_actor(client, coordinadora):
    actor = ActorFactory(visible_publico=True, telefono="+59322500000")
    actor._history_user = coordinadora
    actor.telefono = "0991234567"
    actor.save()
    html = client.get(f"/actores/{actor.pk}/").content.decode()
    assert 'id="historial"' not in html and "99 123" not in html and "0991234567" not in html


def test_compromiso_muestra_campo_anterior_y_nuevo_con_nombres(cliente_de, coordinadora):
    antes, despues = ActorFactory(nombre="Asociación Kawsay"), ActorFactory(nombre="GAD Cayambe")
    compromiso = CompromisoFactory(lider=antes)
    cliente = cliente_de(coordinadora)
    form = CompromisoForm(instance=compromiso)
    respuesta = cliente.post(
        f"/pactos/compromisos/{compromiso.pk}/editar/",
        datos_de(
            form,
            titulo="Rutas de turismo comunitario",
            lider=str(despues.pk),
            plazo="2027-03-31",
        ),
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    texto = seccion(cliente.get(f"/pactos/compromisos/{compromiso.pk}/").content.decode())
    assert "María" in texto
    assert "Rutas de turismo comunitario" in texto
    assert "Asociación Kawsay → GAD Cayambe" in texto
    assert "Plazo: — → 31 de marzo de 2027" in texto
    assert "Changed" not in texto


def test_pacto_y_sus_compromisos_en_la_pagina_de_historial(cliente_de, coordinadora):
    compromiso = CompromisoFactory(titulo="Señalética")
    pacto = compromiso.pacto
    cliente = cliente_de(coordinadora)
    respuesta = cliente.post(
        f"/pactos/gestion/{pacto.pk}/editar/",
        datos_de(PactoEditarForm(instance=pacto), titulo="Pacto por el turismo de Cayambe"),
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    cliente.post(
        f"/pactos/compromisos/{compromiso.pk}/editar/",
        datos_de(CompromisoForm(instance=compromiso), titulo="Señalética turística"),
    )
    html = cliente.get(f"/pactos/gestion/{pacto.pk}/historial/").content.decode()
    del_pacto = seccion(html, "historial-pacto")
    assert re.search(r"Título: Pacto de prueba \d+ → Pacto por el turismo de Cayambe", del_pacto)
    assert "Versión" not in del_pacto  # the version counter is bookkeeping
    de_compromisos = seccion(html, "historial-compromisos")
    assert "Título: Señalética → Señalética turística" in de_compromisos
    assert "«1. Señalética turística»" in de_compromisos
    assert "Changed" not in html and "Modificación" in html


def test_actividad_estado_con_etiquetas_y_productos(cliente_de, crear_usuario):
    luis = crear_usuario("luis", Rol.COORDINACION, first_name="Luis", last_name="Quishpe")
    a = Actividad.objects.get(codigo="pactos-convocatoria")
    a.inicio_previsto, a.fin_previsto, a.responsable = (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
        luis,
    )
    a.save()
    cliente = cliente_de(luis)
    respuesta = cliente.post(
        a.get_absolute_url(), {"estado": "en_curso", "avance": "45", "salud": "ambar"}
    )
    assert respuesta.status_code == 302
    producto = ProductoPrograma.objects.exclude(pk__in=a.productos.all()).first()
    a.refresh_from_db()
    a._history_user = luis
    a.productos.add(producto)

    texto = seccion(cliente.get(a.get_absolute_url()).content.decode())
    assert "Luis Quishpe" in texto
    assert "Estado: No iniciada → En curso" in texto
    assert "sin_iniciar" not in texto and "en_curso" not in texto
    assert "Avance (%): 0 → 45" in texto
    assert re.search(r"Productos a los que contribuye: .* → .*" + re.escape(str(producto)), texto)


def test_medicion_corregida_con_su_valor_anterior(cliente_de, analista):
    m = lotes.medicion_registrar(
        dato=DatoMedicionFactory(
            indicador=Indicador.objects.get(codigo="TUR-01"),
            canton=Canton.objects.get(codigo="1702"),
            periodo="2024",
            valor=Decimal(650000),
            fuente="MINTUR",
        ),
        usuario=analista,
    )
    cliente = cliente_de(analista)
    cliente.post(
        f"/sie/gestion/mediciones/{m.pk}/corregir/",
        {"valor": "65000", "fuente": "MINTUR", "fecha_dato": "2025-03-31"},
    )
    texto = seccion(cliente.get(f"/sie/gestion/mediciones/{m.pk}/").content.decode())
    assert "anal" in texto
    assert re.search(r"Valor: 650[.\s ]?000(,0+)? → 65[.\s ]?000", texto), texto


# --- The shared piece -------------------------------------------------------------------------


def test_ver_todo_muestra_las_entradas_anteriores(cliente_de, coordinadora):
    compromiso = CompromisoFactory()
    for n in range(12):
        compromiso._history_user = coordinadora
        compromiso.titulo = f"Título {n}"
        compromiso.save()
    cliente = cliente_de(coordinadora)
    url = f"/pactos/compromisos/{compromiso.pk}/"
    texto = seccion(cliente.get(url).content.decode())
    assert "Título 11" in texto and "Título: Título 0 → Título 1" not in texto
    assert "Ver todo el historial" in texto
    texto = seccion(cliente.get(url + "?historial=todo").content.decode())
    assert "Título: Título 0 → Título 1" in texto and "Ver todo el historial" not in texto


def _cambiar(compromiso, usuario, lideres, n, desde=0):
    for i in range(desde, desde + n):
        compromiso._history_user = usuario
        compromiso.titulo = f"Título {i}"
        compromiso.lider = lideres[i % len(lideres)]
        compromiso.plazo = datetime.date(2027, 1, 1) + datetime.timedelta(days=i)
        compromiso.save()


def test_consultas_del_historial_no_crecen_con_las_entradas(coordinadora, crear_usuario):
    lideres = [ActorFactory() for _ in range(3)]
    compromiso = CompromisoFactory()
    otro = crear_usuario("otra", Rol.COORDINACION)
    _cambiar(compromiso, coordinadora, lideres, 1)
    with CaptureQueriesContext(connection) as una:
        h1 = historial_de(compromiso.history.all(), limite=10)
    _cambiar(compromiso, otro, lideres, 10, desde=1)
    with CaptureQueriesContext(connection) as diez:
        h10 = historial_de(Compromiso.history.filter(pacto_id=compromiso.pacto_id), limite=10)
    assert [e.accion for e in h1.entradas] == ["Modificación", "Creación"]
    assert len(h10.entradas) == 10
    assert all(e.cambios for e in h10.entradas)
    # the rows with their authors, the rows before the oldest shown, the leaders they name
    assert len(una) <= 3 and len(diez) <= 3, [q["sql"][:120] for q in diez.captured_queries]


def test_m2m_sin_consultas_por_entrada(crear_usuario):
    a = Actividad.objects.get(codigo="pactos-convocatoria")
    productos = list(ProductoPrograma.objects.all()[:3])
    a.productos.add(productos[0])
    with CaptureQueriesContext(connection) as una:
        historial_de(a.history.all(), limite=10)
    for p in productos[1:]:
        a.productos.add(p)
        a.productos.remove(p)
    with CaptureQueriesContext(connection) as varias:
        h = historial_de(a.history.all(), limite=10)
    assert len(varias) <= len(una) + 1  # + the products named, in one query
    assert any("Productos" in c.etiqueta for e in h.entradas for c in e.cambios)


def test_la_pagina_del_compromiso_no_crece_en_consultas_con_el_historial(cliente_de, coordinadora):
    lideres = [ActorFactory() for _ in range(3)]
    compromiso = CompromisoFactory()
    cliente = cliente_de(coordinadora)
    url = f"/pactos/compromisos/{compromiso.pk}/"
    _cambiar(compromiso, coordinadora, lideres, 1)
    cliente.get(url)  # warm the caches the page shares with others
    with CaptureQueriesContext(connection) as una:
        assert cliente.get(url).status_code == 200
    _cambiar(compromiso, coordinadora, lideres, 9, desde=1)
    with CaptureQueriesContext(connection) as diez:
        html = cliente.get(url).content.decode()
    assert seccion(html).count("Modificación") == 10
    assert len(diez) == len(una), f"{len(una)} consultas con 1 cambio, {len(diez)} con 10"
