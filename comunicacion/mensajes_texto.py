"""Citizens' messages by SMS or WhatsApp: a text from a number with no conversation under way
becomes a citizen's message (with its tracking code sent back), and its answer leaves by the same
channel."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from canales.entrantes import Respuesta
from canales.models import MensajeCanal
from canales.services import mensaje_enviar

from .models import Mensaje


def _nombre(entrante: MensajeCanal) -> str:
    if entrante.actor is not None:
        return entrante.actor.nombre[:120]
    return _("Celular terminado en %(cifras)s") % {"cifras": entrante.numero[-4:]}


def mensaje_ciudadano_por_texto(entrante: MensajeCanal) -> Respuesta | None:
    """Any other text: a citizen's message, answered through the usual queue."""
    texto = (entrante.texto or "").strip()
    if not texto:
        return None
    with translation.override("es"):
        mensaje = Mensaje.objects.create(
            tipo=Mensaje.Tipo.PREGUNTA,
            tema=Mensaje.Tema.OTRO,
            nombre=_nombre(entrante),
            telefono=entrante.numero,
            origen=entrante.canal,
            asunto=(texto[:60] + "…") if len(texto) > 60 else texto,
            texto=texto[:4000],
        )
        return Respuesta(
            resultado=_("Mensaje ciudadano recibido (código %(codigo)s).")
            % {"codigo": mensaje.codigo},
            acuse=_(
                "Pactos por Pichincha recibio su mensaje. Codigo: {codigo}. Le responderemos "
                "por este medio."
            ).format(codigo=mensaje.codigo),
            objeto=mensaje,
        )


def respuesta_por_texto(*, mensaje: Mensaje) -> None:
    """The answer to a message that came by SMS or WhatsApp, by the same channel (once)."""
    mensaje_enviar(
        numero=mensaje.telefono,
        canal=mensaje.origen,
        texto=_("Pactos por Pichincha ({codigo}): {respuesta}").format(
            codigo=mensaje.codigo, respuesta=mensaje.respuesta
        ),
        proposito=MensajeCanal.Proposito.RESPUESTA,
        objeto=mensaje,
        clave=f"comunicacion.mensaje:{mensaje.pk}:respuesta",
    )
