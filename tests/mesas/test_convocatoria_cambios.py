"""A convocation that follows the session: who was invited hears of a change of date, time or
place and of a cancellation, with the same calendar entry (UID) and a higher SEQUENCE; invitees
can be invited again; numbers follow dates; the acta says the next session; a session is not
closed before it starts; and the page's irreversible actions ask first."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar

from mesas import selectors, services
from mesas.models import AvisoConvocatoria, Invitacion, Sesion
from tests.ayudas_worker import esperar

PORTAL = "https://pactos.example.ec"
URL = re.compile(r"""https?://[^\s<>"'()\[\]{}]+""")


def _evento(mensaje):
    """(METHOD, the VEVENT) of the message's .ics attachment, read back with icalendar."""
    (nombre, contenido, tipo) = mensaje.attachments[0]
    assert nombre.endswith(".ics") and tipo == "text/calendar"
    calendario = Calendar.from_ical(contenido)
    return str(calendario.get("method", "")), calendario.walk("VEVENT")[0]


def _enlaces(mensaje) -> list[str]:
    _metodo, evento = _evento(mensaje)
    return [u.rstrip(".,;:") for u in URL.findall(mensaje.body)] + [str(evento["url"])]


def _datos(sesion, **cambios) -> dict:
    """The data form of the session page, as the facilitator posts it."""
    datos = {
        "inicio": timezone.localtime(sesion.inicio).strftime("%Y-%m-%dT%H:%M"),
        "fin": "",
        "modalidad": sesion.modalidad,
        "parroquia": sesion.parroquia_id or "",
        "lugar": sesion.lugar,
        "enlace": sesion.enlace,
        "objetivo": sesion.objetivo,
        "version": sesion.version,
    }
    return {**datos, **cambios}


def _en(dias: int, hora: int = 10) -> datetime.datetime:
    dia = timezone.localdate() + datetime.timedelta(days=dias)
    return datetime.datetime.combine(
        dia, datetime.time(hora), tzinfo=timezone.get_current_timezone()
    )


# --- (g) the update and the cancellation, through the real worker -------------------------


def _convocar(cliente, sesion, *actores) -> tuple[str, int]:
    """The facilitator convenes them; each receives an invitation (METHOD:REQUEST). The
    calendar entry's UID and SEQUENCE."""
    mail.outbox.clear()
    cliente.post(f"/mesas/sesion/{sesion.pk}/convocar/", {"actores": [a.pk for a in actores]})
    assert esperar(lambda: len(mail.outbox) == 2), [m.subject for m in mail.outbox]
    metodo, invitacion = _evento(mail.outbox[0])
    uid, secuencia_invitacion = str(invitacion["uid"]), int(invitacion["sequence"])
    assert metodo == "REQUEST"
    return uid, secuencia_invitacion


def _mover_dos_dias_a_otro_local(cliente, sesion, uid: str, secuencia_invitacion: int) -> int:
    """The facilitator moves the session two days later, to another hall: each invitee hears of
    it, with the same entry and a higher SEQUENCE (returned)."""
    sesion.refresh_from_db()
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion.pk}/datos/",
        _datos(sesion, inicio=_en(9, 15).strftime("%Y-%m-%dT%H:%M"), lugar="Escuela de Olmedo"),
    )
    assert respuesta.status_code == 302
    assert esperar(lambda: len(mail.outbox) == 4), [m.subject for m in mail.outbox]
    cambios = mail.outbox[2:]
    assert sorted(m.to[0] for m in cambios) == ["luis@correo.ec", "rosa@correo.ec"]
    for mensaje in cambios:
        assert mensaje.subject.startswith("Cambio de fecha, hora o lugar: ")
        assert "Escuela de Olmedo" in mensaje.body
        assert "Antes decía" in mensaje.body and "Casa comunal de Ayora" in mensaje.body
        metodo, evento = _evento(mensaje)
        assert metodo == "REQUEST" and str(evento["uid"]) == uid
        assert int(evento["sequence"]) > secuencia_invitacion
        assert evento.decoded("dtstart") == _en(9, 15)
        assert "Escuela de Olmedo" in str(evento["location"])
        assert str(evento["status"]) == "CONFIRMED"
        assert all(u.startswith(PORTAL + "/") for u in _enlaces(mensaje)), _enlaces(mensaje)
    secuencia_cambio = int(_evento(cambios[0])[1]["sequence"])
    avisos = AvisoConvocatoria.objects.filter(tipo=AvisoConvocatoria.Tipo.ACTUALIZACION)
    assert esperar(lambda: avisos.filter(enviado_en__isnull=False).count() == 2)
    assert set(avisos.values_list("secuencia", flat=True)) == {secuencia_cambio}
    return secuencia_cambio


def _cancelar_por_paro(cliente, sesion, uid: str, secuencia_cambio: int) -> None:
    """Then it is called off: the same entry, cancelled, a higher SEQUENCE still."""
    sesion.refresh_from_db()
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion.pk}/cancelar/",
        {"version": sesion.version, "motivo": "Paro de transporte en la provincia."},
        follow=True,
    )
    assert "Sesión cancelada. Las personas invitadas reciben el aviso" in respuesta.content.decode()
    assert esperar(lambda: len(mail.outbox) == 6), [m.subject for m in mail.outbox]
    for mensaje in mail.outbox[4:]:
        assert mensaje.subject.startswith("Sesión cancelada: ")
        assert "Paro de transporte en la provincia." in mensaje.body
        metodo, evento = _evento(mensaje)
        assert metodo == "CANCEL" and str(evento["uid"]) == uid
        assert str(evento["status"]) == "CANCELLED"
        assert int(evento["sequence"]) > secuencia_cambio
        enlaces = _enlaces(mensaje)
        assert f"{PORTAL}/mesas/turismo-cayambe/" in enlaces
        assert all(u.startswith(PORTAL + "/") for u in enlaces), enlaces


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cambio_y_cancelacion_llegan_con_el_mismo_uid_y_sequence_mayor(
    celery_worker_real, settings, cliente_de, fac_cayambe, mesa_cayambe, crear_persona
):
    settings.PORTAL_URL = PORTAL
    sesion = services.sesion_crear(
        mesa=mesa_cayambe, inicio=_en(7), lugar="Casa comunal de Ayora", usuario=fac_cayambe
    )
    rosa = crear_persona("Rosa", "Farinango", email="rosa@correo.ec")
    luis = crear_persona("Luis", "Quishpe", "hombre", email="luis@correo.ec")
    cliente = cliente_de(fac_cayambe)
    uid, secuencia_invitacion = _convocar(cliente, sesion, rosa, luis)
    secuencia_cambio = _mover_dos_dias_a_otro_local(cliente, sesion, uid, secuencia_invitacion)
    _cancelar_por_paro(cliente, sesion, uid, secuencia_cambio)
    # No reminder and no pending invitation leaves for a cancelled session.
    from mesas.correo import invitaciones_pendientes_enviar, recordatorios_enviar

    assert invitaciones_pendientes_enviar() == 0
    assert recordatorios_enviar(ahora=_en(8)) == 0


# --- Cancelling ----------------------------------------------------------------------------


def test_una_sesion_cancelada_se_conserva_pero_no_se_registra_ni_se_publica(
    cliente_de, client, coordinadora, fac_cayambe, sesion_cayambe, crear_persona, convocar
):
    rosa = crear_persona(email="rosa@correo.ec")
    convocar(sesion_cayambe, rosa)
    invitacion = Invitacion.objects.get()
    cliente = cliente_de(fac_cayambe)
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion_cayambe.pk}/cancelar/",
        {"version": sesion_cayambe.version, "motivo": ""},
    )
    assert respuesta.status_code == 400 and "Escriba el motivo" in respuesta.content.decode()
    sesion = services.sesion_cancelar(
        sesion=sesion_cayambe, version=sesion_cayambe.version, motivo="Lluvias", usuario=fac_cayambe
    )
    assert sesion.estado == Sesion.Estado.CANCELADA and Sesion.objects.filter(pk=sesion.pk).exists()

    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert "Sesión cancelada el" in pagina and "Lluvias" in pagina
    assert f"/mesas/sesion/{sesion.pk}/cerrar/" not in pagina
    assert f"/mesas/sesion/{sesion.pk}/asistencia/" not in pagina
    gestion = cliente.get("/mesas/gestion/turismo-cayambe/").content.decode()
    assert "Cancelada" in gestion
    respuesta = cliente.post(
        f"/mesas/sesion/{sesion.pk}/asistencia/", {"asistencia-actor": rosa.pk}
    )
    assert respuesta.status_code == 403 and not sesion.asistencias.exists()
    with pytest.raises(ValidationError, match="cerrada"):
        services.asistencia_registrar(sesion=sesion, actor=rosa)
    assert not coordinadora.has_perm("mesas.reabrir_sesion", sesion)
    with pytest.raises(ValidationError, match="cancelada no se reabre"):
        services.sesion_reabrir(sesion=sesion, usuario=coordinadora)

    # Not in the public calendars; the invitation's page says it, and takes no answer.
    for url in ("/mesas/calendario.ics", "/mesas/turismo-cayambe/calendario.ics"):
        assert not Calendar.from_ical(client.get(url).content).walk("VEVENT")
    pagina = client.get(f"/mesas/invitacion/{invitacion.token}/").content.decode()
    assert "Esta sesión fue cancelada: no se realizará." in pagina and "Lluvias" in pagina
    respuesta = client.post(f"/mesas/invitacion/{invitacion.token}/", {"respuesta": "si"})
    assert "fue cancelada; no hace falta responder" in respuesta.content.decode()
    invitacion.refresh_from_db()
    assert invitacion.respuesta == Invitacion.Respuesta.SIN_RESPUESTA


def test_no_se_cancela_una_sesion_con_asistentes(sesion_cayambe, crear_persona, fac_cayambe):
    services.asistencia_registrar(sesion=sesion_cayambe, actor=crear_persona())
    sesion_cayambe.refresh_from_db()
    with pytest.raises(ValidationError, match="ya tiene asistentes registrados"):
        services.sesion_cancelar(
            sesion=sesion_cayambe, version=sesion_cayambe.version, motivo="X", usuario=fac_cayambe
        )


def test_guardar_los_datos_sin_cambiar_fecha_ni_lugar_no_avisa(
    cliente_de, fac_cayambe, sesion_cayambe, crear_persona, convocar, celery_en_proceso
):
    convocar(sesion_cayambe, crear_persona(email="rosa@correo.ec"))
    mail.outbox.clear()
    sesion_cayambe.refresh_from_db()
    respuesta = cliente_de(fac_cayambe).post(
        f"/mesas/sesion/{sesion_cayambe.pk}/datos/",
        _datos(sesion_cayambe, objetivo="Priorizar la ruta del Quitsato."),
    )
    assert respuesta.status_code == 302
    assert not AvisoConvocatoria.objects.exists() and not mail.outbox


# --- Inviting again ------------------------------------------------------------------------


def test_volver_a_invitar_a_las_marcadas_y_a_quienes_no_respondieron(
    cliente_de,
    fac_cayambe,
    sesion_cayambe,
    crear_persona,
    convocar,
    django_capture_on_commit_callbacks,
):
    rosa = crear_persona("Rosa", "Farinango", email="rosa@correo.ec")
    luis = crear_persona("Luis", "Quishpe", "hombre", email="luis@correo.ec")
    convocar(sesion_cayambe, rosa, luis)
    de_rosa, de_luis = (Invitacion.objects.get(actor=a) for a in (rosa, luis))
    services.invitacion_responder(invitacion=de_rosa, asistira=True)
    mail.outbox.clear()
    cliente = cliente_de(fac_cayambe)
    url = f"/mesas/sesion/{sesion_cayambe.pk}/reenviar/"
    pagina = cliente.get(f"/mesas/sesion/{sesion_cayambe.pk}/").content.decode()
    assert "Volver a invitar a quienes no respondieron" in pagina

    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente.post(url, {"invitaciones": [de_rosa.pk]}, follow=True)
    assert "Invitaciones reenviadas: 1." in respuesta.content.decode()
    assert [m.to for m in mail.outbox] == [["rosa@correo.ec"]]
    assert f"/mesas/invitacion/{de_rosa.token}/" in mail.outbox[0].body  # the same answer link
    assert _evento(mail.outbox[0])[0] == "REQUEST"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cliente.post(url, {"sin_respuesta": "1"})
    assert [m.to for m in mail.outbox] == [["luis@correo.ec"]]  # Rosa already answered
    assert AvisoConvocatoria.objects.filter(enviado_en__isnull=False).count() == 2
    # Never a second invitation row: convening them again changes nothing.
    convocar(sesion_cayambe, rosa, luis)
    assert Invitacion.objects.count() == 2

    respuesta = cliente.post(url, {})
    assert respuesta.status_code == 400
    assert "Marque al menos a una persona invitada." in respuesta.content.decode()
    services.invitacion_responder(invitacion=de_luis, asistira=False)
    respuesta = cliente.post(url, {"sin_respuesta": "1"})
    assert "Todas las personas invitadas ya respondieron." in respuesta.content.decode()


# --- Numbers follow dates --------------------------------------------------------------------


def _numeros(mesa) -> dict[str, int]:
    return dict(mesa.sesiones.exclude(estado="cancelada").values_list("lugar", "numero"))


def test_los_numeros_siguen_las_fechas(mesa_cayambe, fac_cayambe, crear_persona):
    crear = services.sesion_crear
    cerrada = crear(mesa=mesa_cayambe, inicio=_en(-20), lugar="Cerrada", usuario=fac_cayambe)
    services.asistencia_registrar(sesion=cerrada, actor=crear_persona())
    cerrada.refresh_from_db()
    services.sesion_cerrar(sesion=cerrada, version=cerrada.version, usuario=fac_cayambe)

    marzo = crear(mesa=mesa_cayambe, inicio=_en(30), lugar="Marzo", usuario=fac_cayambe)
    febrero = crear(mesa=mesa_cayambe, inicio=_en(10), lugar="Febrero", usuario=fac_cayambe)
    assert febrero.numero == 2
    assert _numeros(mesa_cayambe) == {"Cerrada": 1, "Febrero": 2, "Marzo": 3}

    # March moves before February: they swap numbers (the unique constraint holds throughout).
    marzo.refresh_from_db()
    marzo = services.sesion_actualizar(sesion=marzo, version=marzo.version, inicio=_en(5))
    assert marzo.numero == 2
    assert _numeros(mesa_cayambe) == {"Cerrada": 1, "Marzo": 2, "Febrero": 3}

    # A planned session moved before the closed one: the closed acta keeps its number 1.
    febrero.refresh_from_db()
    services.sesion_actualizar(sesion=febrero, version=febrero.version, inicio=_en(-30))
    assert _numeros(mesa_cayambe) == {"Cerrada": 1, "Febrero": 2, "Marzo": 3}

    # A cancelled session leaves the numbering and keeps the number it was convened with.
    febrero.refresh_from_db()
    services.sesion_cancelar(sesion=febrero, version=febrero.version, motivo="Lluvias")
    assert _numeros(mesa_cayambe) == {"Cerrada": 1, "Marzo": 2}
    assert mesa_cayambe.sesiones.get(lugar="Febrero").numero == 2
    nueva = crear(mesa=mesa_cayambe, inicio=_en(40), lugar="Abril", usuario=fac_cayambe)
    assert nueva.numero == 3


# --- Próxima sesión in the acta -----------------------------------------------------------


def test_el_acta_dice_la_proxima_sesion_planificada(
    mesa_cayambe, fac_cayambe, crear_persona, mesa_mejia
):
    crear = services.sesion_crear
    hoy = crear(mesa=mesa_cayambe, inicio=_en(-1), lugar="Casa comunal", usuario=fac_cayambe)
    lejana = crear(mesa=mesa_cayambe, inicio=_en(40), lugar="Lejana", usuario=fac_cayambe)
    proxima = crear(mesa=mesa_cayambe, inicio=_en(14, 9), lugar="Escuela de Olmedo")
    crear(mesa=mesa_mejia, inicio=_en(3), lugar="Otra mesa")
    services.asistencia_registrar(sesion=hoy, actor=crear_persona())
    hoy.refresh_from_db()
    hoy = services.sesion_cerrar(sesion=hoy, version=hoy.version, usuario=fac_cayambe)
    proxima.refresh_from_db()

    texto = re.sub(
        r"\s+", " ", render_to_string("mesas/pdf/acta.html", selectors.acta_contexto(hoy))
    )
    fecha = timezone.localtime(proxima.inicio).strftime("%H:%M")
    assert re.search(
        rf"Próxima sesión</h2> <p> Sesión {proxima.numero}: [^<]*{fecha} — Escuela de Olmedo", texto
    ), texto[texto.find("Próxima") : texto.find("Próxima") + 300]
    assert "Por convocar" not in texto and "Lejana" not in texto

    proxima.refresh_from_db()
    services.sesion_cancelar(sesion=proxima, version=proxima.version, motivo="Lluvias")
    assert selectors.acta_contexto(hoy)["proxima"] == lejana
    lejana.refresh_from_db()
    services.sesion_cancelar(sesion=lejana, version=lejana.version, motivo="Lluvias")
    texto = render_to_string("mesas/pdf/acta.html", selectors.acta_contexto(hoy))
    assert "Por convocar." in texto


# --- Closing only once it started --------------------------------------------------------


def test_no_se_cierra_antes_de_que_empiece(cliente_de, fac_cayambe, mesa_cayambe, crear_persona):
    sesion = services.sesion_crear(mesa=mesa_cayambe, inicio=_en(2, 9), lugar="Casa comunal")
    services.asistencia_registrar(sesion=sesion, actor=crear_persona())
    sesion.refresh_from_db()
    cliente = cliente_de(fac_cayambe)
    pagina = cliente.get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    assert "a las 09:00: podrá cerrarla desde esa hora." in pagina
    respuesta = cliente.post(f"/mesas/sesion/{sesion.pk}/cerrar/", {"version": sesion.version})
    assert respuesta.status_code == 400
    dia = timezone.localdate(sesion.inicio).day
    assert re.search(
        rf"La sesión empieza el \w+ {dia} de \w+ a las 09:00: no se puede cerrar antes\.",
        respuesta.content.decode(),
    )
    sesion.refresh_from_db()
    assert sesion.estado == Sesion.Estado.EN_CURSO and sesion.acta_version == 0


# --- Confirmations and who publishes ------------------------------------------------------


class _Formularios(HTMLParser):
    """action → attributes of each <form> of a page."""

    def __init__(self):
        super().__init__()
        self.formularios: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            atributos = dict(attrs)
            self.formularios[atributos.get("action", "")] = atributos


def _formularios(html: str) -> dict[str, dict]:
    lector = _Formularios()
    lector.feed(html)
    return lector.formularios


def test_cerrar_publicar_reabrir_y_quitar_preguntan_antes(
    cliente_de, coordinadora, fac_cayambe, sesion_cayambe_ayer, crear_persona
):
    sesion = sesion_cayambe_ayer
    asistencia = services.asistencia_registrar(sesion=sesion, actor=crear_persona())
    pagina = cliente_de(fac_cayambe).get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    formularios = _formularios(pagina)
    base = f"/mesas/sesion/{sesion.pk}"
    assert (
        formularios[f"{base}/cerrar/"]["data-confirmar"]
        == "¿Cerrar la sesión? El registro se congela y se genera el acta."
    )
    quitar = formularios[f"{base}/asistencia/{asistencia.pk}/quitar/"]
    assert quitar["data-confirmar"].startswith("¿Quitar a ")
    assert formularios[f"{base}/cancelar/"]["data-confirmar"].startswith("¿Cancelar la sesión?")
    # Who publishes the acta, and when: the coordination, named.
    assert "La publica la coordinación (María) después de revisarla" in pagina

    sesion.refresh_from_db()
    services.sesion_cerrar(sesion=sesion, version=sesion.version, usuario=fac_cayambe)
    formularios = _formularios(
        cliente_de(coordinadora).get(f"/mesas/sesion/{sesion.pk}/").content.decode()
    )
    assert formularios[f"{base}/publicar/"]["data-confirmar"].startswith("¿Publicar el acta?")
    assert formularios[f"{base}/reabrir/"]["data-confirmar"].startswith("¿Reabrir la sesión")


def test_avisos_que_no_salieron_los_envia_el_barrido_una_sola_vez(
    sesion_cayambe, crear_persona, convocar
):
    """The broker was down when the date changed twice: one update per invitee waits (never
    two), the hourly sweep sends it with the latest date, once."""
    from mesas.correo import avisos_pendientes_enviar

    convocar(sesion_cayambe, crear_persona(email="rosa@correo.ec"))
    mail.outbox.clear()
    for dias in (3, 4):  # no on_commit callbacks run: the tasks never reach a worker
        sesion_cayambe.refresh_from_db()
        services.sesion_actualizar(
            sesion=sesion_cayambe, version=sesion_cayambe.version, inicio=_en(dias)
        )
    assert AvisoConvocatoria.objects.filter(enviado_en__isnull=True).count() == 1
    assert avisos_pendientes_enviar() == 1
    assert avisos_pendientes_enviar() == 0
    (mensaje,) = mail.outbox
    assert _evento(mensaje)[1].decoded("dtstart") == _en(4)
