"""Citizens' messages workflow: type and topic, tracking code, assignment, internal notes,
deadline, closing; the tracking page that shows nothing without the right code."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comunicacion import selectors, services
from comunicacion.models import ALFABETO_CODIGO, Mensaje, NotaMensaje, normalizar_codigo
from comunicacion.views import SeguimientoView
from core.permisos import AccesoDenegado

pytestmark = pytest.mark.django_db

CONTACTO = reverse("comunicacion:contacto")
ACCIONES = ("asignar", "anotar", "cerrar")
SEGUIMIENTO = reverse("comunicacion:seguimiento")


@pytest.fixture(autouse=True)
def _sin_limite_de_seguimiento():
    claves = [f"comunicacion:seguimiento:{ip}" for ip in ("127.0.0.1", "10.0.0.7")]
    cache.delete_many(claves)
    yield
    cache.delete_many(claves)


def _codigo_mostrado(client, respuesta) -> str:
    html = client.get(respuesta["Location"]).content.decode()
    encontrado = re.search(r'id="codigo-seguimiento">([0-9A-Z-]+)<', html)
    assert encontrado, html
    return encontrado.group(1)


def test_el_formulario_guarda_tipo_tema_y_da_un_codigo_de_seguimiento(client, datos_de_contacto):
    respuesta = client.post(CONTACTO, datos_de_contacto(tipo="queja", tema="turismo"))
    assert respuesta.status_code == 302
    codigo = _codigo_mostrado(client, respuesta)
    mensaje = Mensaje.objects.get()
    assert (mensaje.tipo, mensaje.tema) == ("queja", "turismo")
    assert mensaje.codigo == codigo
    # 16 symbols of an unambiguous alphabet (80 bits): not guessable, not sequential.
    assert re.fullmatch(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", codigo)
    assert set(codigo.replace("-", "")) <= set(ALFABETO_CODIGO)
    # Shown once: a reload of the thanks page does not show it again, nor does the URL carry it.
    assert codigo not in respuesta["Location"]
    assert codigo not in client.get(respuesta["Location"]).content.decode()
    # Nobody else sees it either, and no cache on the way keeps the page.
    otro = Client().get(respuesta["Location"])
    assert codigo not in otro.content.decode()
    assert "no-store" in otro["Cache-Control"]


def test_codigos_distintos_por_mensaje(mensaje):
    otros = {
        services.mensaje_recibir(
            datos={"nombre": "A", "email": f"a{i}@example.org", "asunto": "x", "texto": "y"}
        ).codigo
        for i in range(30)
    }
    assert len(otros | {mensaje.codigo}) == 31


def test_seguimiento_con_el_codigo_muestra_estado_y_respuesta_sin_datos_personales(
    client, comunicador, mensaje
):
    respuesta = client.post(SEGUIMIENTO, {"codigo": mensaje.codigo.lower().replace("-", " ")})
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert mensaje.asunto in html and "Sin asignar" in html
    assert "rosa@example.org" not in html and "Rosa Guamán" not in html
    services.mensaje_responder(
        mensaje=mensaje, usuario=comunicador, respuesta="La mesa se reúne el martes.", enviar=False
    )
    html = client.post(SEGUIMIENTO, {"codigo": mensaje.codigo}).content.decode()
    assert "La mesa se reúne el martes." in html and "Respondido" in html


def test_seguimiento_sin_el_codigo_correcto_no_muestra_nada(client, comunicador, mensaje):
    services.mensaje_anotar(mensaje=mensaje, usuario=comunicador, texto="Nota solo del equipo")
    otro = Mensaje.objects.exclude(pk=mensaje.pk)
    assert not otro.exists()
    codigo = mensaje.codigo
    casi = codigo[:-1] + ("0" if codigo[-1] != "0" else "1")
    respuestas = [
        client.post(SEGUIMIENTO, {"codigo": c})
        for c in (casi, "0000-0000-0000-0000", str(mensaje.pk), "' OR 1=1 --", "x" * 39)
    ]
    cuerpos = set()
    for r in respuestas:
        html = r.content.decode()
        assert r.status_code == 200
        assert mensaje.asunto not in html and "Nota solo del equipo" not in html
        assert "rosa@example.org" not in html
        cuerpos.add(re.search(r'id="resultado-seguimiento">(.*?)</div>', html, re.S).group(1))
    # The same answer whatever was wrong.
    assert len(cuerpos) == 1
    # GET never looks anything up, and the code is never read from the query string.
    assert mensaje.asunto not in client.get(SEGUIMIENTO, {"codigo": codigo}).content.decode()
    assert normalizar_codigo("no es un código") == ""


def test_seguimiento_limitado_por_conexion(client, mensaje):
    for _ in range(SeguimientoView.LIMITE_POR_HORA):
        assert client.post(SEGUIMIENTO, {"codigo": "0000-0000-0000-0000"}).status_code == 200
    bloqueado = client.post(SEGUIMIENTO, {"codigo": mensaje.codigo})
    assert bloqueado.status_code == 429
    html = bloqueado.content.decode()
    assert "Demasiados intentos" in html and mensaje.asunto not in html
    otra = client.post(SEGUIMIENTO, {"codigo": mensaje.codigo}, REMOTE_ADDR="10.0.0.7")
    assert otra.status_code == 200 and mensaje.asunto in otra.content.decode()


def test_asignar_anotar_responder_y_cerrar(
    cliente_de, comunicador, coordinadora, mensaje, django_capture_on_commit_callbacks
):
    cliente = cliente_de(coordinadora)
    url = reverse("comunicacion:mensaje", args=[mensaje.pk])
    accion = {a: reverse(f"comunicacion:mensaje_{a}", args=[mensaje.pk]) for a in ACCIONES}
    r = cliente.post(accion["asignar"], {"asignado_a": comunicador.pk})
    assert r.status_code == 302
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.ASIGNADO and mensaje.asignado_a == comunicador
    cliente.post(accion["anotar"], {"texto": "Consultar con el facilitador de Puerto Quito."})
    notas = list(mensaje.notas.values_list("texto", flat=True))
    assert notas[-1] == "Consultar con el facilitador de Puerto Quito."
    assert any("Asignado a" in n for n in notas)
    # The assignee sees it under "mine".
    mios = cliente_de(comunicador).get(reverse("comunicacion:bandeja"), {"estado": "mios"})
    assert mensaje.asunto in mios.content.decode()
    otra = cliente_de(coordinadora).get(reverse("comunicacion:bandeja"), {"estado": "mios"})
    assert mensaje.asunto not in otra.content.decode()

    cliente = cliente_de(comunicador)
    with django_capture_on_commit_callbacks(execute=True):
        cliente.post(url, {"respuesta": "Gracias, ya lo reportamos."})
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.RESPONDIDO
    cliente.post(accion["cerrar"], {})
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.CERRADO and mensaje.cerrado_en
    pagina = cliente.get(url).content.decode()
    assert "Consultar con el facilitador de Puerto Quito." in pagina
    # Internal notes never reach the sender: not in the answer e-mail nor on the tracking page.
    assert len(mail.outbox) == 1 and "facilitador" not in mail.outbox[0].body
    seguimiento = cliente.post(SEGUIMIENTO, {"codigo": mensaje.codigo}).content.decode()
    assert "facilitador" not in seguimiento and "Cerrado" in seguimiento


def test_cerrar_sin_respuesta_exige_motivo(comunicador, mensaje):
    with pytest.raises(ValidationError):
        services.mensaje_cerrar(mensaje=mensaje, usuario=comunicador)
    services.mensaje_cerrar(mensaje=mensaje, usuario=comunicador, motivo="Duplicado del 12.")
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.CERRADO and not mensaje.vencido
    with pytest.raises(ValidationError):
        services.mensaje_responder(mensaje=mensaje, usuario=comunicador, respuesta="Tarde")


def test_solo_se_asigna_al_equipo_de_comunicacion(comunicador, facilitador, mensaje):
    with pytest.raises(ValidationError):
        services.mensaje_asignar(mensaje=mensaje, usuario=comunicador, asignado_a=facilitador)
    with pytest.raises(AccesoDenegado):
        services.mensaje_asignar(mensaje=mensaje, usuario=facilitador, asignado_a=comunicador)
    with pytest.raises(AccesoDenegado):
        services.mensaje_anotar(mensaje=mensaje, usuario=facilitador, texto="x")
    assert not NotaMensaje.objects.exists()


def test_vencidos_marcados_y_plazo_ajustable(cliente_de, comunicador, mensaje):
    Mensaje.objects.filter(pk=mensaje.pk).update(
        recibido=timezone.make_aware(datetime.now() - timedelta(days=40))
    )
    mensaje.refresh_from_db()
    services.mensaje_asignar(mensaje=mensaje, usuario=comunicador, asignado_a=comunicador)
    mensaje.refresh_from_db()
    assert mensaje.vencido  # assigned but unanswered is still overdue
    assert selectors.mensajes_vencidos_cuenta() == 1
    cliente = cliente_de(comunicador)
    html = cliente.get(reverse("comunicacion:bandeja"), {"estado": "vencidos"}).content.decode()
    assert mensaje.asunto in html and 'id="contador-vencidos"' in html
    nuevo = (timezone.localdate() + timedelta(days=5)).isoformat()
    cliente.post(reverse("comunicacion:mensaje_plazo", args=[mensaje.pk]), {"plazo": nuevo})
    mensaje.refresh_from_db()
    assert mensaje.plazo.isoformat() == nuevo and not mensaje.vencido
    assert selectors.mensajes_vencidos_cuenta() == 0
    html = cliente.get(reverse("comunicacion:bandeja"), {"estado": "vencidos"}).content.decode()
    assert mensaje.asunto not in html


def test_el_publico_no_alcanza_la_bandeja_ni_las_acciones(client, mensaje):
    for accion, datos in (("anotar", {"texto": "x"}), ("cerrar", {"motivo": "spam"})):
        url = reverse(f"comunicacion:mensaje_{accion}", args=[mensaje.pk])
        assert client.post(url, datos).status_code == 302  # to the login page
    mensaje.refresh_from_db()
    assert mensaje.estado == Mensaje.Estado.NUEVO and not mensaje.notas.exists()


def test_demo_con_mensajes_en_cada_estado_y_suscripciones(
    comunicador, django_capture_on_commit_callbacks
):
    from comunicacion.demo import cargar_demo
    from comunicacion.models import Suscripcion

    with django_capture_on_commit_callbacks(execute=True):
        cargar_demo(usuarios={"comunicacion": comunicador})
        assert cargar_demo(usuarios={"comunicacion": comunicador}) == "ya estaban cargados"
    estados = set(Mensaje.objects.values_list("estado", flat=True))
    assert estados == set(Mensaje.Estado.values)
    assert selectors.mensajes_vencidos_cuenta() >= 1
    assert Suscripcion.objects.activas().exists()
    assert Suscripcion.objects.filter(confirmada_en__isnull=True).exists()
    assert mail.outbox == []


def test_vencidos_en_sql_coinciden_con_el_plazo_de_cada_mensaje(mensaje):
    """The inbox's overdue filter and count (SQL) agree with each message's own deadline, for
    messages received on each of the last 40 days, with and without a deadline set by staff."""
    import datetime

    from django.utils import timezone

    from comunicacion import selectors

    hoy = timezone.localdate()
    ids = []
    for dias in range(40):
        m = Mensaje.objects.create(
            nombre="Vecina", email=f"v{dias}@example.org", asunto=f"Día {dias}", texto="¿?"
        )
        recibido = timezone.now() - datetime.timedelta(days=dias)
        fijado = hoy + datetime.timedelta(days=2 - dias % 5) if dias % 7 == 0 else None
        Mensaje.objects.filter(pk=m.pk).update(recibido=recibido, plazo_fijado=fijado)
        ids.append(m.pk)
    Mensaje.objects.filter(pk=ids[30]).update(estado=Mensaje.Estado.CERRADO)
    esperados = {m.pk for m in Mensaje.objects.filter(pk__in=ids) if m.vencido}
    assert esperados and esperados != set(ids)
    en_sql = set(selectors.mensajes_vencidos().filter(pk__in=ids).values_list("pk", flat=True))
    assert en_sql == esperados
    en_bandeja = selectors.mensajes_bandeja(estado="vencidos").filter(pk__in=ids)
    assert set(en_bandeja.values_list("pk", flat=True)) == esperados
