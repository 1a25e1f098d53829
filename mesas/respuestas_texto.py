"""What an answer by text to a convocation does: "SI" or "NO" answers the invitation, as the
e-mail's link does (registered by mesas.extensiones in canales.entrantes.RESPUESTAS)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from canales.entrantes import Respuesta
from canales.models import MensajeCanal
from canales.services import normalizar_palabra
from canales.texto import para_sms

from .mensajes import NO, SI, ajustar, cuando_corto, donde_corto, mesa_corta
from .models import Invitacion
from .services import invitacion_responder


def responder_invitacion(entrante: MensajeCanal, enviado: MensajeCanal) -> Respuesta | None:
    """ "SI" or "NO" to a convocation, a reminder or a change: the invitation's answer."""
    palabra = normalizar_palabra(entrante.texto)
    primera = palabra.split(" ")[0] if palabra else ""
    if palabra in SI or primera in {"SI", "CONFIRMO"}:
        asistira = True
    elif palabra in NO or primera == "NO":
        asistira = False
    else:
        return None
    invitacion = (
        Invitacion.objects.select_related("sesion__mesa", "actor")
        .filter(pk=enviado.objeto_id)
        .first()
    )
    if invitacion is None:
        return None
    sesion = invitacion.sesion
    with translation.override("es"):
        try:
            invitacion_responder(invitacion=invitacion, asistira=asistira)
        except ValidationError as exc:
            return Respuesta(
                resultado=_("Respuesta no registrada: %(motivo)s") % {"motivo": exc.messages[0]},
                acuse=para_sms(f"{mesa_corta(sesion)}: {exc.messages[0]}"),
                objeto=invitacion,
            )
        if asistira:
            return _acuse(
                invitacion,
                _("Confirmó su asistencia a la sesión %(n)s de %(mesa)s."),
                _("{mesa}: gracias, le esperamos el {cuando} en {lugar}."),
                cuando=cuando_corto(sesion),
                lugar=donde_corto(sesion),
            )
        return _acuse(
            invitacion,
            _("Avisó que no asistirá a la sesión %(n)s de %(mesa)s."),
            _("{mesa}: gracias por avisar. Le enviaremos el acta de la sesion {n}."),
            n=str(sesion.numero),
        )


def _acuse(invitacion: Invitacion, resultado: str, acuse: str, **partes: str) -> Respuesta:
    """The answer recorded: what the staff read (`resultado`, with the session's number and
    table) and the text sent back (`acuse`, fitted to one SMS with the table's short name)."""
    sesion = invitacion.sesion
    return Respuesta(
        resultado=resultado % {"n": sesion.numero, "mesa": sesion.mesa.nombre},
        acuse=ajustar(acuse, mesa=mesa_corta(sesion), **partes),
        objeto=invitacion,
    )
