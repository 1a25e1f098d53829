"""What an answer by text to an event's invitation or reminder does: "SI" confirms the seat (or
puts the guest on the waiting list when the event is full), "NO" declines it, or frees the seat of
a guest who had confirmed; as the e-mail's link does (registered by eventos.extensiones in
canales.entrantes.RESPUESTAS)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from canales.entrantes import Respuesta
from canales.models import MensajeCanal
from canales.services import normalizar_palabra

from .mensajes import NO, SI, ajustar, cuando_corto, donde_corto
from .models import Invitado
from .services import invitacion_cancelar, invitacion_responder


def _asiste(texto: str) -> bool | None:
    palabra = normalizar_palabra(texto)
    primera = palabra.split(" ")[0] if palabra else ""
    if palabra in SI or primera in {"SI", "CONFIRMO"}:
        return True
    if palabra in NO or primera == "NO":
        return False
    return None


def _acuse(plantilla: str, invitado: Invitado) -> str:
    evento = invitado.evento
    return ajustar(
        plantilla, evento=evento.titulo, cuando=cuando_corto(evento), lugar=donde_corto(evento)
    )


def _registrar(invitado: Invitado, asiste: bool) -> Invitado:
    """The answer, as the personal page takes it; a confirmed guest's NO frees the seat."""
    ya_con_cupo = invitado.estado in (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA)
    if ya_con_cupo and not asiste:
        return invitacion_cancelar(invitado=invitado)
    if ya_con_cupo:
        return invitado  # said SI again: nothing changes
    return invitacion_responder(invitado=invitado, asiste=asiste)


def responder_invitacion(entrante: MensajeCanal, enviado: MensajeCanal) -> Respuesta | None:
    """ "SI" or "NO" to an event's invitation or reminder: the guest's answer."""
    asiste = _asiste(entrante.texto)
    if asiste is None:
        return None
    if enviado.contenido_tipo_id != ContentType.objects.get_for_model(Invitado).pk:
        return None
    invitado = (
        Invitado.objects.select_related("evento__parroquia").filter(pk=enviado.objeto_id).first()
    )
    if invitado is None:
        return None
    evento = invitado.evento
    with translation.override("es"):
        try:
            invitado = _registrar(invitado, asiste)
        except ValidationError as exc:
            return Respuesta(
                resultado=_("Respuesta no registrada: %(motivo)s") % {"motivo": exc.messages[0]},
                acuse=ajustar("{evento}: {motivo}", evento=evento.titulo, motivo=exc.messages[0]),
                objeto=invitado,
            )
        if invitado.estado == Invitado.Estado.CONFIRMADO:
            return Respuesta(
                resultado=_("Confirmó su asistencia a «%(evento)s».") % {"evento": evento},
                acuse=_acuse(
                    _("{evento}: gracias, le esperamos el {cuando} en {lugar}."), invitado
                ),
                objeto=invitado,
            )
        if invitado.estado == Invitado.Estado.ESPERA:
            return Respuesta(
                resultado=_("Quiere asistir a «%(evento)s»: quedó en lista de espera.")
                % {"evento": evento},
                acuse=_acuse(
                    _("{evento}: el aforo esta lleno. Queda en lista de espera; le avisaremos."),
                    invitado,
                ),
                objeto=invitado,
            )
        return Respuesta(
            resultado=_("Avisó que no asistirá a «%(evento)s».") % {"evento": evento},
            acuse=_acuse(_("{evento}: gracias por avisar."), invitado),
            objeto=invitado,
        )
