"""Every write of Comunicación: news written and published by staff, citizens' messages answered."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.colas import encolar_tras_commit
from core.correo import correo_enviar, pendiente_enviar
from core.enlaces import slug_unico, url_de
from core.permisos import exigir_permiso
from core.validadores import guardar_validado

from ..models import AccionComunicacion, Mensaje, NotaMensaje, Noticia

CAMPOS_NOTICIA = (
    "titulo", "resumen", "cuerpo", "imagen", "imagen_alt", "mesa", "pacto", "evento",
    "publicada_en",
)  # fmt: skip


def _aplicar(noticia: Noticia, datos: dict[str, Any]) -> None:
    for campo in CAMPOS_NOTICIA:
        if campo in datos:
            setattr(noticia, campo, datos[campo])
    if noticia.imagen and not (noticia.imagen_alt or "").strip():
        raise ValidationError(
            {"imagen_alt": _("Escriba un texto alternativo que describa la imagen.")}
        )


def _etiquetas(noticia: Noticia, datos: dict[str, Any]) -> None:
    if "ejes" in datos:
        noticia.ejes.set(datos["ejes"])
    if "cantones" in datos:
        noticia.cantones.set(datos["cantones"])


@transaction.atomic
def noticia_crear(*, usuario, datos: dict[str, Any]) -> Noticia:
    """A new news item, always as a draft: publishing is a separate, deliberate step."""
    exigir_permiso(usuario, "comunicacion.gestionar_noticias")
    noticia = Noticia(autor=usuario, estado=Noticia.Estado.BORRADOR)
    _aplicar(noticia, datos)
    noticia.slug = slug_unico(Noticia.objects, noticia.titulo, largo=200, respaldo="noticia")
    guardar_validado(noticia, exclude=["ejes", "cantones"])
    _etiquetas(noticia, datos)
    return noticia


@transaction.atomic
def noticia_editar(*, noticia: Noticia, usuario, datos: dict[str, Any]) -> Noticia:
    exigir_permiso(usuario, "comunicacion.gestionar_noticias")
    _aplicar(noticia, datos)
    guardar_validado(noticia, exclude=["ejes", "cantones"])
    _etiquetas(noticia, datos)
    return noticia


@transaction.atomic
def noticia_publicar(*, noticia: Noticia, usuario, cuando=None) -> Noticia:
    """Publish now, or from `cuando` (a future date keeps it out of public pages until then)."""
    exigir_permiso(usuario, "comunicacion.gestionar_noticias")
    noticia.estado = Noticia.Estado.PUBLICADA
    noticia.publicada_en = cuando or noticia.publicada_en or timezone.now()
    noticia.save(update_fields=["estado", "publicada_en", "actualizada"])
    return noticia


@transaction.atomic
def noticia_retirar(*, noticia: Noticia, usuario) -> Noticia:
    """Back to draft: it disappears from the list, its page and the feed."""
    exigir_permiso(usuario, "comunicacion.gestionar_noticias")
    noticia.estado = Noticia.Estado.BORRADOR
    noticia.save(update_fields=["estado", "actualizada"])
    return noticia


# --- Citizens' messages ----------------------------------------------------------------------


@transaction.atomic
def mensaje_recibir(*, datos: dict[str, Any]) -> Mensaje:
    """A message from the public contact form (the view has already checked honeypot and rate).

    It gets an unguessable tracking code, shown once to the sender.
    """
    mensaje = Mensaje(
        tipo=datos.get("tipo") or Mensaje.Tipo.PREGUNTA,
        tema=datos.get("tema") or Mensaje.Tema.OTRO,
        nombre=datos["nombre"].strip(),
        email=datos["email"].strip().lower(),
        canton=datos.get("canton"),
        asunto=datos["asunto"].strip(),
        texto=datos["texto"].strip(),
        publicar=bool(datos.get("publicar")),
    )
    return guardar_validado(mensaje)


def _bloquear(mensaje: Mensaje, *, si_no_abierto: str = "") -> Mensaje:
    """The message's row, locked until the transaction ends; with `si_no_abierto`, that refusal
    when the message is no longer open (answered or closed)."""
    mensaje = Mensaje.objects.select_for_update().get(pk=mensaje.pk)
    if si_no_abierto and not mensaje.abierto:
        raise ValidationError(si_no_abierto)
    return mensaje


def _nota(mensaje: Mensaje, usuario, texto: str) -> NotaMensaje:
    return NotaMensaje.objects.create(mensaje=mensaje, autor=usuario, texto=texto)


@transaction.atomic
def mensaje_asignar(*, mensaje: Mensaje, usuario, asignado_a) -> Mensaje:
    """Give an open message to a member of Comunicación or Coordinación: it is then in progress."""
    exigir_permiso(usuario, "comunicacion.asignar_mensaje", mensaje)
    mensaje = _bloquear(mensaje, si_no_abierto=_("Solo se asignan mensajes sin responder."))
    if asignado_a is None or not asignado_a.has_perm("comunicacion.responder_mensaje", mensaje):
        raise ValidationError(
            {"asignado_a": _("Asigne el mensaje a alguien de Comunicación o de Coordinación.")}
        )
    mensaje.asignado_a = asignado_a
    mensaje.estado = Mensaje.Estado.ASIGNADO
    mensaje.save(update_fields=["asignado_a", "estado"])
    nombre = asignado_a.get_full_name() or asignado_a.get_username()
    _nota(mensaje, usuario, _("Asignado a %(nombre)s.") % {"nombre": nombre})
    return mensaje


@transaction.atomic
def mensaje_anotar(*, mensaje: Mensaje, usuario, texto: str) -> NotaMensaje:
    """An internal note: only the team sees it, never the sender or the public."""
    exigir_permiso(usuario, "comunicacion.ver_mensajes", mensaje)
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({"texto": _("Escriba la nota.")})
    if len(texto) > 2000:
        raise ValidationError({"texto": _("La nota puede tener hasta 2000 caracteres.")})
    return _nota(mensaje, usuario, texto)


@transaction.atomic
def mensaje_fijar_plazo(*, mensaje: Mensaje, usuario, plazo) -> Mensaje:
    """Move the answer deadline (None goes back to 15 working days from reception)."""
    exigir_permiso(usuario, "comunicacion.asignar_mensaje", mensaje)
    mensaje = _bloquear(mensaje, si_no_abierto=_("El mensaje ya no está abierto."))
    if plazo and plazo < timezone.localdate(mensaje.recibido):
        raise ValidationError({"plazo": _("El plazo no puede ser anterior a la recepción.")})
    mensaje.plazo_fijado = plazo
    mensaje.save(update_fields=["plazo_fijado"])
    _nota(
        mensaje,
        usuario,
        _("Plazo de respuesta: %(fecha)s.") % {"fecha": f"{mensaje.plazo:%d/%m/%Y}"},
    )
    return mensaje


@transaction.atomic
def mensaje_responder(*, mensaje: Mensaje, usuario, respuesta: str, enviar: bool = True) -> Mensaje:
    """Record the answer; it is e-mailed to the sender once the transaction commits.

    enviar=False only for demo data (fictitious senders): marked as sent, so the sweep of
    unsent e-mails leaves it alone.
    """
    exigir_permiso(usuario, "comunicacion.responder_mensaje", mensaje)
    respuesta = (respuesta or "").strip()
    if not respuesta:
        raise ValidationError({"respuesta": _("Escriba la respuesta.")})
    mensaje = _bloquear(mensaje, si_no_abierto=_("Este mensaje ya fue respondido."))
    mensaje.respuesta = respuesta
    mensaje.estado = Mensaje.Estado.RESPONDIDO
    mensaje.respondido_por = usuario
    mensaje.respondido_en = timezone.now()
    if mensaje.asignado_a_id is None:
        mensaje.asignado_a = usuario
    if not enviar:
        mensaje.respuesta_enviada_en = mensaje.respondido_en
    mensaje.save()

    if not enviar:
        return mensaje

    from ..tasks import enviar_respuesta

    encolar_tras_commit(enviar_respuesta, mensaje.pk)
    return mensaje


@transaction.atomic
def mensaje_cerrar(*, mensaje: Mensaje, usuario, motivo: str = "") -> Mensaje:
    """Close a message: after its answer, or without one (spam, duplicate) with a reason."""
    exigir_permiso(usuario, "comunicacion.asignar_mensaje", mensaje)
    mensaje = _bloquear(mensaje)
    motivo = (motivo or "").strip()
    if mensaje.estado == Mensaje.Estado.CERRADO:
        raise ValidationError(_("El mensaje ya está cerrado."))
    if mensaje.abierto and not motivo:
        raise ValidationError({"motivo": _("Indique por qué se cierra un mensaje sin respuesta.")})
    mensaje.estado = Mensaje.Estado.CERRADO
    mensaje.cerrado_en = timezone.now()
    mensaje.save(update_fields=["estado", "cerrado_en"])
    _nota(
        mensaje, usuario, _("Cerrado. %(motivo)s") % {"motivo": motivo} if motivo else _("Cerrado.")
    )
    return mensaje


def respuestas_sin_enviar() -> QuerySet[Mensaje]:
    """Answered messages whose answer has not been e-mailed to the sender."""
    return Mensaje.objects.filter(
        respondido_en__isnull=False, respuesta_enviada_en__isnull=True
    ).exclude(respuesta="")


def _respuesta_correo(mensaje: Mensaje) -> None:
    if mensaje.origen != Mensaje.Origen.WEB:
        from ..mensajes_texto import respuesta_por_texto

        respuesta_por_texto(mensaje=mensaje)
        return
    correo_enviar(
        para=mensaje.email,
        plantilla="comunicacion/email/respuesta",
        contexto={"mensaje": mensaje, "url_contacto": url_de("comunicacion:contacto")},
    )


def respuesta_enviar(*, mensaje_id: int) -> bool:
    """E-mail the answer to the sender, once: a retried task does not send it twice."""
    return pendiente_enviar(
        respuestas_sin_enviar(), mensaje_id, _respuesta_correo, marca="respuesta_enviada_en"
    )


# --- Communication plan ----------------------------------------------------------------------

CAMPOS_ACCION = (
    "titulo", "mensaje_clave", "fecha", "audiencia", "canal", "responsable", "estado",
    "mesa", "pacto", "evento", "noticia",
)  # fmt: skip


@transaction.atomic
def accion_guardar(
    *, usuario, datos: dict[str, Any], accion: AccionComunicacion | None = None
) -> AccionComunicacion:
    """Create (accion=None) or edit a dated action of the communication plan."""
    exigir_permiso(usuario, "comunicacion.gestionar_plan")
    accion = accion or AccionComunicacion()
    for campo in CAMPOS_ACCION:
        if campo in datos:
            setattr(accion, campo, datos[campo])
    if accion.responsable_id is None:
        accion.responsable = usuario
    return guardar_validado(accion)


@transaction.atomic
def accion_cambiar_estado(
    *, usuario, accion: AccionComunicacion, estado: str
) -> AccionComunicacion:
    exigir_permiso(usuario, "comunicacion.gestionar_plan")
    if estado not in AccionComunicacion.Estado.values:
        raise ValidationError({"estado": _("Estado no válido.")})
    accion.estado = estado
    accion.save(update_fields=["estado"])
    return accion
