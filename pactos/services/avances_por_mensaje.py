"""Commitment follow-up by text message: the reminder a responsible organisation gets by SMS
or WhatsApp, its answer ("60 avanzamos con la capacitación") kept as progress awaiting the
coordination, and the coordinator's confirmation (an Actualizacion, origin "sms") or discard."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canales.entrantes import Respuesta
from canales.models import MensajeCanal
from canales.services import destino_de, mensaje_enviar
from canales.texto import en_un_segmento, para_sms

from ..models import AvancePropuesto, Compromiso, RecordatorioCompromiso
from .pactos import compromiso_actualizar

# "60", "60%", "60 %", "60, avanzamos...", "avance 60 avanzamos..."
AVANCE = re.compile(
    r"^\s*(?:avance\s*:?\s*)?(\d{1,3})\s*(?:%|por\s*ciento)?\s*[,.:;\-–]?\s*(.*)$", re.I | re.S
)


def _titulo_corto(compromiso: Compromiso, largo: int) -> str:
    titulo = compromiso.titulo.strip()
    if len(titulo) <= largo:
        return titulo
    return titulo[: largo - 3].rsplit(" ", 1)[0].rstrip(" ,;:") + "..."


def texto_recordatorio(compromiso: Compromiso) -> str:
    """One SMS: which commitment, and how to answer."""
    with translation.override("es"):
        return en_un_segmento(
            _(
                'Pactos por Pichincha: cuentenos el avance de "{titulo}". Responda con el % y '
                "una nota, ej: 60 avanzamos con la capacitacion"
            ),
            acortables=("titulo",),
            minimo=16,
            titulo=compromiso.titulo.strip(),
        )


def recordatorio_por_texto(*, compromiso: Compromiso, periodo: str, usuario=None) -> bool:
    """The reminder by text to the responsible organisation, when its channel is a phone."""
    lider = compromiso.lider
    if lider is None or destino_de(lider) is None:
        return False
    mensaje = mensaje_enviar(
        actor=lider,
        texto=texto_recordatorio(compromiso),
        proposito=MensajeCanal.Proposito.COMPROMISO,
        objeto=compromiso,
        clave=f"pactos.compromiso:{compromiso.pk}:recordatorio:{periodo}",
        usuario=usuario,
    )
    return mensaje is not None


def recordatorios_por_texto_enviar(*, hoy: date | None = None) -> int:
    """This month's reminders (RecordatorioCompromiso rows, made by the e-mail reminders) also
    by text, to the responsible organisations whose channel is a phone; each once."""
    hoy = hoy or timezone.localdate()
    periodo = f"{hoy:%Y-%m}"
    enviados = 0
    for recordatorio in RecordatorioCompromiso.objects.filter(periodo=periodo).select_related(
        "compromiso__lider"
    ):
        enviados += recordatorio_por_texto(compromiso=recordatorio.compromiso, periodo=periodo)
    return enviados


def pedir_avance_por_texto(*, compromiso: Compromiso, usuario) -> bool:
    """The coordinator asks for progress now (one text per commitment and day)."""
    if compromiso.lider is None or destino_de(compromiso.lider) is None:
        raise ValidationError(
            _(
                "La organización responsable no tiene un celular con permiso para SMS o WhatsApp "
                "(o pidió la baja)."
            )
        )
    hoy: date = timezone.localdate()
    return recordatorio_por_texto(compromiso=compromiso, periodo=f"{hoy:%Y-%m-%d}", usuario=usuario)


def responder_recordatorio(entrante: MensajeCanal, enviado: MensajeCanal) -> Respuesta | None:
    """A percentage and a note in answer to a commitment's reminder: progress to confirm."""
    coincidencia = AVANCE.match(entrante.texto or "")
    if not coincidencia:
        return None
    avance, nota = int(coincidencia.group(1)), coincidencia.group(2).strip()
    compromiso = Compromiso.objects.filter(pk=enviado.objeto_id).first()
    if compromiso is None:
        return None
    with translation.override("es"):
        if avance > 100:
            return Respuesta(
                resultado=_("Avance no registrado: %(n)s %% es más de 100.") % {"n": avance},
                acuse=_(
                    "Pactos por Pichincha: el avance va de 0 a 100. Responda por ejemplo: 60 avanzamos con la capacitacion"
                ),
            )
        propuesta = AvancePropuesto.objects.create(
            compromiso=compromiso,
            actor=entrante.actor,
            numero=entrante.numero,
            canal=entrante.canal,
            mensaje=entrante,
            avance=avance,
            texto=nota[:1000],
        )
        return Respuesta(
            resultado=_(
                "Avance de %(n)s %% del compromiso %(c)s, por confirmar por la coordinación."
            )
            % {"n": avance, "c": compromiso.numero},
            acuse=para_sms(
                _('Gracias. Registramos {n}% para "{t}"; la coordinacion lo revisara.').format(
                    n=avance, t=_titulo_corto(compromiso, 40)
                )
            ),
            objeto=propuesta,
        )


def _estado_para(compromiso: Compromiso, avance: int) -> str:
    if avance >= 100:
        return Compromiso.Estado.CUMPLIDO
    if compromiso.estado in (Compromiso.Estado.SIN_INICIAR, Compromiso.Estado.CUMPLIDO):
        return Compromiso.Estado.EN_CURSO if avance > 0 else compromiso.estado
    return compromiso.estado


@transaction.atomic
def avance_propuesto_confirmar(*, propuesta: AvancePropuesto, usuario) -> AvancePropuesto:
    """Confirm a texted progress: it becomes the commitment's dated update (origin "sms")."""
    propuesta = AvancePropuesto.objects.select_for_update().get(pk=propuesta.pk)
    if propuesta.estado != AvancePropuesto.Estado.PENDIENTE:
        raise ValidationError(_("Este avance ya fue revisado."))
    compromiso = propuesta.compromiso
    texto = propuesta.texto or _("Avance informado por mensaje de texto.")
    actualizacion = compromiso_actualizar(
        compromiso=compromiso,
        usuario=usuario,
        texto=f"{texto} ({_('por')} {propuesta.get_canal_display_es()})",
        estado=_estado_para(compromiso, propuesta.avance),
        avance=propuesta.avance,
        motivo=compromiso.motivo_estado,
        organizacion=compromiso.lider,
        origen=propuesta.canal,
    )
    propuesta.estado = AvancePropuesto.Estado.CONFIRMADO
    propuesta.revisado_por = usuario
    propuesta.revisado_en = timezone.now()
    propuesta.actualizacion = actualizacion
    propuesta.save(update_fields=["estado", "revisado_por", "revisado_en", "actualizacion"])
    return propuesta


@transaction.atomic
def avance_propuesto_descartar(*, propuesta: AvancePropuesto, usuario) -> AvancePropuesto:
    propuesta = AvancePropuesto.objects.select_for_update().get(pk=propuesta.pk)
    if propuesta.estado != AvancePropuesto.Estado.PENDIENTE:
        raise ValidationError(_("Este avance ya fue revisado."))
    propuesta.estado = AvancePropuesto.Estado.DESCARTADO
    propuesta.revisado_por = usuario
    propuesta.revisado_en = timezone.now()
    propuesta.save(update_fields=["estado", "revisado_por", "revisado_en"])
    return propuesta
