"""iCalendar (.ics) of sessions: attached to invitations and offered per table and for all.

A session is one calendar entry for its whole life: the same UID in the invitation, its
updates and its cancellation, each with a higher SEQUENCE (the session's edit version), as
RFC 5546 (iTIP) asks of METHOD:REQUEST and METHOD:CANCEL messages."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from core.enlaces import url_absoluta

from .models import Sesion

DURACION_POR_DEFECTO = datetime.timedelta(hours=3)


def _lugar(sesion: Sesion, *, con_enlace: bool = True) -> str:
    partes = [sesion.lugar]
    if sesion.parroquia_id:
        partes.append(f"{sesion.parroquia.nombre}, {sesion.parroquia.canton.nombre}")
    if sesion.enlace and con_enlace:
        partes.append(sesion.enlace)
    return " — ".join(p for p in partes if p)


def url_publica(sesion: Sesion) -> str:
    """Where a calendar entry leads: the session's public page once its acta is published (before
    that the page does not exist), otherwise the public page of its table."""
    ruta = sesion.get_public_url() if sesion.publicada else sesion.mesa.get_absolute_url()
    return url_absoluta(ruta)


def uid_de(sesion: Sesion) -> str:
    return f"sesion-{sesion.pk}@pactos.pichincha.gob.ec"


def _mensaje_itip(evento: Event, *, metodo: str, para: str) -> None:
    """What a calendar program needs to apply an e-mailed REQUEST or CANCEL to the entry it
    already has: who organises, who is invited, when this message was made, and its status."""
    nombre, correo = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizador = vCalAddress(f"mailto:{correo}")
    organizador.params["cn"] = vText(nombre or _("Pactos por Pichincha"))
    evento.add("organizer", organizador)
    invitado = vCalAddress(f"mailto:{para}")
    invitado.params["role"] = vText("REQ-PARTICIPANT")
    # They answer through the link of the e-mail, not by a calendar reply to the sender.
    invitado.params["rsvp"] = vText("FALSE")
    evento.add("attendee", invitado)
    del evento["dtstamp"]
    evento.add("dtstamp", timezone.now())
    evento.add("status", "CANCELLED" if metodo == "CANCEL" else "CONFIRMED")


def evento_de(sesion: Sesion, *, detalle: bool = True) -> Event:
    url = url_publica(sesion)
    mas = _("Más información: %(url)s") % {"url": url}
    evento = Event()
    evento.add("uid", uid_de(sesion))
    evento.add("summary", f"{sesion.mesa.nombre} — sesión {sesion.numero}")
    evento.add("dtstart", sesion.inicio)
    evento.add("dtend", sesion.fin or sesion.inicio + DURACION_POR_DEFECTO)
    evento.add("dtstamp", sesion.creada)
    evento.add("sequence", sesion.version)
    # The online meeting's link goes to the invitees only, never to a public calendar.
    lugar = _lugar(sesion, con_enlace=detalle)
    if lugar:
        evento.add("location", vText(lugar))
    evento.add("url", url)
    if not detalle:
        resumen = _("%(mesa)s, sesión %(numero)s (%(modalidad)s).") % {
            "numero": sesion.numero,
            "mesa": sesion.mesa.nombre,
            "modalidad": sesion.get_modalidad_display().lower(),
        }
        evento.add("description", f"{resumen}\n\n{mas}")
        return evento
    agenda = "\n".join(
        f"{p.orden}. {p.hora.strftime('%H:%M') + ' ' if p.hora else ''}{p.titulo}"
        for p in sesion.agenda.all()
    )
    evento.add("description", "\n\n".join(x for x in [sesion.objetivo, agenda, mas] if x))
    return evento


def calendario_ics(
    sesiones: Iterable[Sesion],
    *,
    nombre: str,
    detalle: bool = True,
    metodo: str = "",
    para: str = "",
) -> bytes:
    """detalle=False (public calendars) leaves out the agenda and the objective. An e-mail to
    one invitee (`para`) says its method: "REQUEST" (invitation, update) or "CANCEL"."""
    calendario = Calendar()
    calendario.add("prodid", "-//Gobierno Provincial de Pichincha//Pactos por Pichincha//ES")
    calendario.add("version", "2.0")
    if metodo:
        calendario.add("method", metodo)
    calendario.add("x-wr-calname", nombre)
    calendario.add("x-wr-timezone", settings.TIME_ZONE)
    for sesion in sesiones:
        evento = evento_de(sesion, detalle=detalle)
        if metodo:
            _mensaje_itip(evento, metodo=metodo, para=para)
        calendario.add_component(evento)
    return calendario.to_ical()
