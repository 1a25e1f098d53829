"""iCalendar (.ics) of sessions: attached to invitations and offered per table and for all."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from core.enlaces import url_absoluta

from .models import Sesion

DURACION_POR_DEFECTO = datetime.timedelta(hours=3)


def _lugar(sesion: Sesion) -> str:
    partes = [sesion.lugar]
    if sesion.parroquia_id:
        partes.append(f"{sesion.parroquia.nombre}, {sesion.parroquia.canton.nombre}")
    if sesion.enlace:
        partes.append(sesion.enlace)
    return " — ".join(p for p in partes if p)


def url_publica(sesion: Sesion) -> str:
    """Where a calendar entry leads: the session's public page once its acta is published (before
    that the page does not exist), otherwise the public page of its table."""
    ruta = sesion.get_public_url() if sesion.publicada else sesion.mesa.get_absolute_url()
    return url_absoluta(ruta)


def evento_de(sesion: Sesion, *, detalle: bool = True) -> Event:
    url = url_publica(sesion)
    mas = _("Más información: %(url)s") % {"url": url}
    evento = Event()
    evento.add("uid", f"sesion-{sesion.pk}@pactos.pichincha.gob.ec")
    evento.add("summary", f"{sesion.mesa.nombre} — sesión {sesion.numero}")
    evento.add("dtstart", sesion.inicio)
    evento.add("dtend", sesion.fin or sesion.inicio + DURACION_POR_DEFECTO)
    evento.add("dtstamp", sesion.creada)
    evento.add("sequence", sesion.version)
    lugar = _lugar(sesion)
    if lugar:
        evento.add("location", vText(lugar))
    evento.add("url", url)
    if not detalle:
        evento.add("description", mas)
        return evento
    agenda = "\n".join(
        f"{p.orden}. {p.hora.strftime('%H:%M') + ' ' if p.hora else ''}{p.titulo}"
        for p in sesion.agenda.all()
    )
    evento.add("description", "\n\n".join(x for x in [sesion.objetivo, agenda, mas] if x))
    return evento


def calendario_ics(sesiones: Iterable[Sesion], *, nombre: str, detalle: bool = True) -> bytes:
    """detalle=False (public calendars) leaves out the agenda and the objective."""
    calendario = Calendar()
    calendario.add("prodid", "-//Gobierno Provincial de Pichincha//Pactos por Pichincha//ES")
    calendario.add("version", "2.0")
    calendario.add("x-wr-calname", nombre)
    calendario.add("x-wr-timezone", settings.TIME_ZONE)
    for sesion in sesiones:
        calendario.add_component(evento_de(sesion, detalle=detalle))
    return calendario.to_ical()
