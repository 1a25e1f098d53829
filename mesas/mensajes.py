"""Text messages (SMS, WhatsApp) of convening, for invitees whose channel is a phone: the
convocation, the day-before reminder, a change or a cancellation; and what their answer does
("SI" / "NO" answers the invitation, as the e-mail's link does).

Each text is one row of canales, unique by its key (the invitation and the session's version),
so a second convening, a retried task or the hourly sweep never send it twice. Texts are short,
plain, within one SMS segment: the table's name and the place are shortened to fit.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from canales.models import MensajeCanal
from canales.services import enlace_corto, textos_enviar
from canales.texto import en_un_segmento
from core.enlaces import url_de

from .models import Invitacion, Sesion

Proposito = MensajeCanal.Proposito

SI = {"SI", "S", "1", "CONFIRMO", "ASISTIRE", "OK", "YES"}
NO = {"NO", "N", "2", "NO ASISTIRE", "NO PUEDO"}


def cuando_corto(sesion: Sesion) -> str:
    inicio = timezone.localtime(sesion.inicio)
    return f"{date_format(inicio, 'D j/n')} {inicio:%H:%M}"


def donde_corto(sesion: Sesion) -> str:
    if sesion.modalidad == Sesion.Modalidad.VIRTUAL:
        return _("en linea")
    partes = [
        p for p in (sesion.lugar, sesion.parroquia.nombre if sesion.parroquia_id else "") if p
    ]
    return ", ".join(partes)


def ajustar(plantilla: str, **partes: str) -> str:
    """One SMS segment: the place, then the table's name, shortened a word at a time."""
    return en_un_segmento(plantilla, acortables=("lugar", "mesa"), **partes)


def mesa_corta(sesion: Sesion) -> str:
    return sesion.mesa.nombre.replace("Mesa cantonal de ", "Mesa de ").replace(
        "Mesa sectorial de ", "Mesa de "
    )


def texto_convocatoria(invitacion: Invitacion, *, recordatorio: bool = False) -> str:
    sesion = invitacion.sesion
    enlace = enlace_corto(url_de("mesas:invitacion", token=invitacion.token))
    with translation.override("es"):
        if recordatorio:
            plantilla = _(
                "{mesa}: manana {cuando}, sesion {n} en {lugar}. Responda SI o NO. {enlace}"
            )
        else:
            plantilla = _(
                "{mesa}: sesion {n} el {cuando} en {lugar}. ¿Asistira? Responda SI o NO. {enlace}"
            )
        return ajustar(
            plantilla,
            mesa=mesa_corta(sesion),
            n=str(sesion.numero),
            cuando=cuando_corto(sesion),
            lugar=donde_corto(sesion),
            enlace=enlace,
        )


def texto_aviso(invitacion: Invitacion, tipo: str) -> str:
    from .models import AvisoConvocatoria

    sesion = invitacion.sesion
    with translation.override("es"):
        if tipo == AvisoConvocatoria.Tipo.CANCELACION:
            return ajustar(
                _("{mesa}: se CANCELA la sesion {n} del {cuando}. Le avisaremos la nueva fecha."),
                mesa=mesa_corta(sesion),
                n=str(sesion.numero),
                cuando=cuando_corto(sesion),
            )
        enlace = enlace_corto(url_de("mesas:invitacion", token=invitacion.token))
        return ajustar(
            _(
                "{mesa}: CAMBIO, la sesion {n} sera el {cuando} en {lugar}. ¿Asistira? Responda SI o NO. {enlace}"
            ),
            mesa=mesa_corta(sesion),
            n=str(sesion.numero),
            cuando=cuando_corto(sesion),
            lugar=donde_corto(sesion),
            enlace=enlace,
        )


def convocatorias_enviar(*, invitaciones, usuario=None, reenvio: bool = False) -> int:
    """The convocation by text to each of these invitees whose channel is a phone, once per
    version of the session; or, `reenvio`, once more (to whoever did not answer): at most once
    per minute and invitation, so a double click sends one."""
    minuto = timezone.now().strftime("%Y%m%d%H%M")

    def clave(invitacion) -> str:
        vez = f"reenvio:{minuto}" if reenvio else f"convocatoria:{invitacion.sesion.version}"
        return f"mesas.invitacion:{invitacion.pk}:{vez}"

    return textos_enviar(
        invitaciones,
        proposito=Proposito.CONVOCATORIA,
        texto=texto_convocatoria,
        clave=clave,
        usuario=usuario,
    )


def avisos_enviar(*, sesion: Sesion, tipo: str, usuario=None) -> int:
    """A change or a cancellation by text, to the invitees who got the convocation by text."""
    convocados = MensajeCanal.objects.filter(
        proposito=Proposito.CONVOCATORIA, clave__startswith="mesas.invitacion:"
    ).values("objeto_id")
    invitaciones = sesion.invitaciones.filter(pk__in=convocados).select_related(
        "actor", "sesion__mesa", "sesion__parroquia"
    )
    return textos_enviar(
        invitaciones,
        proposito=Proposito.AVISO,
        texto=lambda i: texto_aviso(i, tipo),
        clave=lambda i: f"mesas.invitacion:{i.pk}:{tipo}:{sesion.version}",
        usuario=usuario,
    )


def recordatorios_enviar(*, ahora: datetime.datetime | None = None) -> int:
    """Tomorrow's sessions: a reminder by text to whoever was convened by text (not declining)."""
    ahora = ahora or timezone.now()
    manana = timezone.localdate(ahora) + datetime.timedelta(days=1)
    desde = datetime.datetime.combine(
        manana, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    invitaciones = (
        Invitacion.objects.filter(
            sesion__inicio__gte=desde,
            sesion__inicio__lt=desde + datetime.timedelta(days=1),
            sesion__estado__in=Sesion.ESTADOS_EDITABLES,
        )
        .exclude(respuesta=Invitacion.Respuesta.DECLINADA)
        .select_related("actor", "sesion__mesa", "sesion__parroquia")
    )
    return textos_enviar(
        invitaciones,
        proposito=Proposito.RECORDATORIO,
        texto=lambda i: texto_convocatoria(i, recordatorio=True),
        clave=lambda i: f"mesas.invitacion:{i.pk}:recordatorio:{manana:%Y-%m-%d}",
    )
