"""Writes of the public consultation: open and close it, receive and confirm comments, moderate,
answer (one comment or several similar ones) and e-mail each answer to its author once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import cambio_publico
from core.colas import encolar_tras_commit
from core.correo import correo_enviar, pendiente_enviar
from core.enlaces import url_absoluta, url_de
from core.firmas import (
    EnlaceCaducado,
    EnlaceInvalido,
    datos_de_token,
    objeto_de_token,
    token_firmado,
)
from core.models import Documento
from core.permisos import exigir_permiso
from core.validadores import guardar_validado
from pactos.models import Compromiso, Pacto
from pactos.services import pactos as pactos_srv

from ..documentos_consulta import INFORME
from ..models import Comentario, Consulta, RespuestaOficial

# The confirmation link: signed with SECRET_KEY and this salt, valid for three days.
SAL_CONFIRMACION = "comunicacion.consulta.confirmar-comentario"
VALIDEZ_CONFIRMACION = 3 * 24 * 3600


# --- Consultation ----------------------------------------------------------------------------


@transaction.atomic
def consulta_abrir(
    *, pacto: Pacto, usuario, abre: datetime, cierra: datetime, presentacion: str = ""
) -> Consulta:
    """Open a consultation on the pacto's current version; a draft pacto goes «en consulta»."""
    exigir_permiso(usuario, "comunicacion.abrir_consulta")
    pacto = Pacto.objects.select_for_update().get(pk=pacto.pk)
    if pacto.estado not in (Pacto.Estado.BORRADOR, Pacto.Estado.CONSULTA):
        raise ValidationError(
            _("Solo se consulta un pacto en borrador o en consulta; este está «%(estado)s».")
            % {"estado": pacto.get_estado_display()}
        )
    if cierra <= abre:
        raise ValidationError({"cierra": _("La consulta debe cerrar después de abrir.")})
    if cierra <= timezone.now():
        raise ValidationError({"cierra": _("La fecha de cierre ya pasó.")})
    if Consulta.objects.filter(version__pacto=pacto, estado=Consulta.Estado.ABIERTA).exists():
        raise ValidationError(_("Este pacto ya tiene una consulta abierta."))
    if pacto.estado == Pacto.Estado.BORRADOR:
        pacto = pactos_srv.pacto_cambiar_estado(
            pacto=pacto, estado=Pacto.Estado.CONSULTA, usuario=usuario
        )
    version = pacto.versiones.order_by("-numero").first()
    consulta = Consulta(
        version=version,
        abre=abre,
        cierra=cierra,
        presentacion=(presentacion or "").strip(),
        abierta_por=usuario,
    )
    return guardar_validado(consulta)


@transaction.atomic
def consulta_cerrar(*, consulta: Consulta, usuario) -> Documento:
    """Close it (no more comments) and ask core for the summary report as a PDF."""
    from core.documentos import documento_solicitar

    exigir_permiso(usuario, "comunicacion.abrir_consulta")
    consulta = Consulta.objects.select_for_update().get(pk=consulta.pk)
    if consulta.estado != Consulta.Estado.CERRADA:
        consulta.estado = Consulta.Estado.CERRADA
        consulta.cerrada_en = timezone.now()
        consulta.cerrada_por = usuario
        consulta.save(update_fields=["estado", "cerrada_en", "cerrada_por"])
    return documento_solicitar(fuente=consulta, tipo=INFORME, usuario=usuario)


def consultas_cerrar_vencidas(*, ahora: datetime | None = None) -> list[int]:
    """Beat: close every open consultation whose closing date has passed and ask for its report.

    Nobody asks, so core's document is requested as the system; a second run finds nothing.
    """
    from core.documentos import documento_solicitar

    ahora = ahora or timezone.now()
    cerradas = []
    vencidas = Consulta.objects.filter(estado=Consulta.Estado.ABIERTA, cierra__lte=ahora)
    for pk in vencidas.values_list("pk", flat=True):
        with transaction.atomic():
            consulta = (
                Consulta.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, estado=Consulta.Estado.ABIERTA)
                .first()
            )
            if consulta is None:
                continue
            consulta.estado = Consulta.Estado.CERRADA
            consulta.cerrada_en = ahora
            consulta.save(update_fields=["estado", "cerrada_en"])
            documento_solicitar(fuente=consulta, tipo=INFORME, sistema=True)
        cerradas.append(pk)
    return cerradas


# --- Comments --------------------------------------------------------------------------------


def _destino(consulta: Consulta, datos: dict[str, Any]) -> dict[str, Any]:
    destino = datos.get("destino") or Comentario.Destino.TEXTO
    campos: dict[str, Any] = {"destino": destino, "seccion": "", "compromiso": None}
    if destino == Comentario.Destino.SECCION:
        if datos.get("seccion") not in Comentario.Seccion.values:
            raise ValidationError({"seccion": _("Elija la sección que comenta.")})
        campos["seccion"] = datos["seccion"]
    elif destino == Comentario.Destino.COMPROMISO:
        compromiso = datos.get("compromiso")
        if not isinstance(compromiso, Compromiso) or compromiso.pacto_id != consulta.pacto.pk:
            raise ValidationError({"compromiso": _("Elija un compromiso de este pacto.")})
        campos["compromiso"] = compromiso
        campos["compromiso_etiqueta"] = f"{compromiso.numero}. {compromiso.titulo}"[:260]
    elif destino != Comentario.Destino.TEXTO:
        raise ValidationError({"destino": _("Elija sobre qué comenta.")})
    return campos


def _nombre_de_cuenta(usuario) -> str:
    """The account's name, and the organisation it speaks for when it is an actor's contact."""
    from actores.models import Actor
    from pactos.selectors.pactos import actores_de_usuario

    nombre = usuario.get_full_name() or usuario.get_username()
    organizacion = Actor.objects.filter(pk__in=actores_de_usuario(user=usuario)).order_by("pk")
    organizacion = organizacion.values_list("nombre", flat=True).first()
    if organizacion:
        nombre = f"{nombre} ({organizacion})"
    return nombre[:120]


@transaction.atomic
def comentario_recibir(
    *, consulta: Consulta, datos: dict[str, Any], usuario=None, enviar: bool = True
) -> Comentario:
    """A comment from the public form (the view has checked honeypot and rate).

    A logged-in person's comment is published at once; anybody else's waits until they follow
    the link e-mailed to the address they gave. enviar=False only for demo data.
    """
    consulta = Consulta.objects.select_related("version__pacto").get(pk=consulta.pk)
    if not consulta.acepta_comentarios:
        raise ValidationError(_("Esta consulta no está recibiendo comentarios."))
    autenticado = usuario is not None and usuario.is_authenticated
    comentario = Comentario(
        consulta=consulta,
        tipo=datos.get("tipo") or "",
        texto=(datos.get("texto") or "").strip(),
        canton=datos.get("canton"),
        sector=datos.get("sector"),
        **_destino(consulta, datos),
    )
    if autenticado:
        comentario.usuario = usuario
        comentario.nombre = _nombre_de_cuenta(usuario)
        comentario.estado = Comentario.Estado.PUBLICADO
        comentario.publicado_en = timezone.now()
    else:
        comentario.nombre = (datos.get("nombre") or "").strip()
        comentario.email = (datos.get("email") or "").strip().lower()
        if not comentario.email:
            raise ValidationError({"email": _("Escriba su correo electrónico para confirmarlo.")})
    if not autenticado and not enviar:  # demo data: nobody to write to, nothing left to send
        comentario.confirmacion_enviada_en = timezone.now()
    comentario.full_clean()
    comentario.save()
    if not autenticado and enviar:
        from ..tasks import enviar_confirmacion_comentario

        encolar_tras_commit(enviar_confirmacion_comentario, comentario.pk)
    return comentario


def comentario_token(*, comentario: Comentario) -> str:
    """The confirmation link's token (core.firmas): the link, and whoever reads it in a log or a
    forwarded mail, never carries the commenter's address."""
    return token_firmado(comentario, sal=SAL_CONFIRMACION, campo="clave_confirmacion")


def comentario_por_token(*, token: str) -> Comentario:
    """The comment a confirmation token names; ValidationError if forged, altered or expired."""
    qs = Comentario.objects.select_related("consulta__version__pacto").exclude(email="")
    try:
        return objeto_de_token(
            token,
            sal=SAL_CONFIRMACION,
            queryset=qs,
            campo="clave_confirmacion",
            max_age=VALIDEZ_CONFIRMACION,
        )
    except EnlaceCaducado:
        raise ValidationError(
            _("El enlace caducó. Envíe su comentario de nuevo."), code="caducado"
        ) from None
    except EnlaceInvalido:
        comentario = _comentario_por_token_antiguo(token, qs)
    if comentario is None:
        raise ValidationError(_("El enlace no es válido."), code="invalido")
    return comentario


def _comentario_por_token_antiguo(token: str, qs: QuerySet[Comentario]) -> Comentario | None:
    """Links sent before the change (valid for VALIDEZ_CONFIRMACION) named the address."""
    try:
        datos = datos_de_token(token, sal=SAL_CONFIRMACION, max_age=VALIDEZ_CONFIRMACION)
    except EnlaceInvalido:
        return None
    if not isinstance(datos, dict):
        return None
    return qs.filter(pk=datos.get("c"), email=datos.get("e") or "-").first()


@transaction.atomic
def comentario_confirmar(*, token: str) -> Comentario:
    """Publish the comment the token names; confirming twice changes nothing."""
    comentario = comentario_por_token(token=token)
    comentario = Comentario.objects.select_for_update().get(pk=comentario.pk)
    if comentario.estado == Comentario.Estado.PENDIENTE:
        if not comentario.consulta.acepta_comentarios:
            raise ValidationError(_("La consulta ya cerró: su comentario no se pudo publicar."))
        comentario.estado = Comentario.Estado.PUBLICADO
        comentario.publicado_en = timezone.now()
        comentario.save(update_fields=["estado", "publicado_en"])
    return comentario


def confirmaciones_sin_enviar() -> QuerySet[Comentario]:
    """Pending comments whose author has not been sent the confirmation link."""
    return Comentario.objects.filter(
        estado=Comentario.Estado.PENDIENTE, confirmacion_enviada_en__isnull=True
    ).exclude(email="")


def _confirmacion_correo(comentario: Comentario) -> None:
    enlace = url_de(
        "comunicacion:comentario_confirmar", token=comentario_token(comentario=comentario)
    )
    correo_enviar(
        para=comentario.email,
        plantilla="comunicacion/email/consulta_confirmacion",
        contexto={"comentario": comentario, "enlace": enlace, "dias": 3},
    )


def confirmacion_enviar(*, comentario_id: int) -> bool:
    """E-mail the confirmation link of a pending comment, once: a retried task sends nothing."""
    pendiente = confirmaciones_sin_enviar().select_related("consulta__version__pacto")
    return pendiente_enviar(
        pendiente, comentario_id, _confirmacion_correo, marca="confirmacion_enviada_en"
    )


@transaction.atomic
def comentario_ocultar(*, comentario: Comentario, usuario, motivo: str) -> Comentario:
    """Hide a comment with a public reason; it is never deleted."""
    exigir_permiso(usuario, "comunicacion.moderar_consulta", comentario.consulta)
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError(
            {"motivo": _("Escriba el motivo público para ocultar el comentario.")}
        )
    comentario = Comentario.objects.select_for_update().get(pk=comentario.pk)
    comentario.estado = Comentario.Estado.OCULTO
    comentario.motivo_ocultacion = motivo[:300]
    comentario.oculto_por = usuario
    comentario.oculto_en = timezone.now()
    return guardar_validado(comentario)


@transaction.atomic
def comentario_restaurar(*, comentario: Comentario, usuario) -> Comentario:
    """Show a hidden comment again (a moderation mistake)."""
    exigir_permiso(usuario, "comunicacion.moderar_consulta", comentario.consulta)
    comentario = Comentario.objects.select_for_update().get(pk=comentario.pk)
    if comentario.estado != Comentario.Estado.OCULTO:
        return comentario
    comentario.estado = Comentario.Estado.PUBLICADO
    comentario.motivo_ocultacion = ""
    comentario.save(update_fields=["estado", "motivo_ocultacion"])
    return comentario


# --- Official answers ------------------------------------------------------------------------


@transaction.atomic
def respuesta_publicar(
    *,
    consulta: Consulta,
    comentarios,
    usuario,
    texto: str,
    decision: str = RespuestaOficial.Decision.NO_APLICA,
    enviar: bool = True,
) -> RespuestaOficial:
    """One official answer to one or several published comments, e-mailed to each author.

    enviar=False only for demo data (fictitious authors).
    """
    exigir_permiso(usuario, "comunicacion.responder_consulta", consulta)
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({"texto": _("Escriba la respuesta.")})
    if decision not in RespuestaOficial.Decision.values:
        raise ValidationError({"decision": _("Elija qué pasa con lo propuesto.")})
    ids = [c.pk if hasattr(c, "pk") else int(c) for c in comentarios]
    elegidos = list(
        Comentario.objects.select_for_update().filter(pk__in=ids, consulta=consulta).order_by("pk")
    )
    if not elegidos or len(elegidos) != len(set(ids)):
        raise ValidationError(_("Elija uno o varios comentarios de esta consulta."))
    if any(c.estado != Comentario.Estado.PUBLICADO for c in elegidos):
        raise ValidationError(_("Solo se responden comentarios publicados."))
    if any(c.respuesta_id for c in elegidos):
        raise ValidationError(_("Alguno de los comentarios elegidos ya tiene respuesta."))
    respuesta = RespuestaOficial(consulta=consulta, texto=texto, decision=decision, autor=usuario)
    guardar_validado(respuesta)
    Comentario.objects.filter(pk__in=[c.pk for c in elegidos]).update(
        respuesta=respuesta,
        # demo data: nobody to write to, so nothing is left for the sweep of unsent e-mails
        respuesta_enviada_en=None if enviar else respuesta.creada,
    )
    cambio_publico()  # the answer shows under each comment; update() sends no signal
    if enviar:
        from ..tasks import enviar_respuesta_comentario

        for comentario in elegidos:
            encolar_tras_commit(enviar_respuesta_comentario, comentario.pk)
    return respuesta


def respuestas_sin_enviar() -> QuerySet[Comentario]:
    """Answered comments whose author (by the confirmed address or the account's) is owed it."""
    return Comentario.objects.filter(
        respuesta__isnull=False, respuesta_enviada_en__isnull=True
    ).filter(Q(email__gt="") | Q(usuario__email__gt=""))


def _respuesta_correo(comentario: Comentario) -> None:
    correo_enviar(
        para=comentario.correo_destino,
        plantilla="comunicacion/email/consulta_respuesta",
        contexto={
            "comentario": comentario,
            "respuesta": comentario.respuesta,
            "enlace": url_absoluta(comentario.get_absolute_url()),
        },
    )


def respuesta_comentario_enviar(*, comentario_id: int) -> bool:
    """E-mail the official answer to the comment's author, once: a retry never sends twice."""
    pendiente = respuestas_sin_enviar().select_related(
        "respuesta", "consulta__version__pacto", "usuario"
    )
    return pendiente_enviar(
        pendiente, comentario_id, _respuesta_correo, marca="respuesta_enviada_en"
    )


# --- Personal data of comments never confirmed ------------------------------------------------

DIAS_SIN_CONFIRMAR = 30


def comentarios_sin_confirmar_purgar(*, ahora: datetime | None = None) -> int:
    """Beat, daily: comments whose author never confirmed the address are deleted after 30 days.

    They were never published nor answered, so nothing public changes; keeping the name and
    e-mail of someone who did not confirm serves no purpose (data minimisation). Published and
    hidden comments are never deleted.
    """
    limite = (ahora or timezone.now()) - timedelta(days=DIAS_SIN_CONFIRMAR)
    borrados, _ = Comentario.objects.filter(
        estado=Comentario.Estado.PENDIENTE, creado__lt=limite
    ).delete()
    return borrados
