"""Every write of eventos: events, programme, guests, invitations, check-in, logistics, report."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actores.models import Actor
from canales.services import por_texto
from core.cache import cambio_publico
from core.colas import encolar_tras_commit
from core.correo import correo_enviar, pendientes_enviar
from core.enlaces import slug_unico
from core.models import Documento

from . import enlaces, mensajes
from .models import (
    Correo,
    Evento,
    FotoEvento,
    Invitado,
    MiembroEquipo,
    Ponente,
    Recordatorio,
    Sesion,
    Sistematizacion,
    TareaLogistica,
)
from .plantillas import plantilla_de

logger = logging.getLogger(__name__)

SLUGS_RESERVADOS = {"gestion", "invitacion", "calendario", "calendario-ics", "api"}
ORDEN_ESTADOS = [e.value for e in Evento.Estado]

# The person acting: staff, a guest through a personal link (anonymous), or nobody (a task).
Usuario = AbstractBaseUser | AnonymousUser | None


def _usuario(usuario: Usuario) -> AbstractBaseUser | None:
    return usuario if getattr(usuario, "is_authenticated", False) else None


def _validar(instancia: models.Model, exclude: list[str] | None = None) -> None:
    instancia.full_clean(exclude=exclude)


def _asignar(instancia: models.Model, datos: dict) -> None:
    for campo, valor in datos.items():
        setattr(instancia, campo, valor)


def _programa_cambio(evento: Evento) -> None:
    Evento.objects.filter(pk=evento.pk).update(version_programa=models.F("version_programa") + 1)
    cambio_publico()


# --- Events ----------------------------------------------------------------------------------


@transaction.atomic
def evento_crear(
    *, usuario: Usuario, datos: dict, aliados: Iterable[Actor] | None = None
) -> Evento:
    """Create an event; a launch event starts with the founding document's checklist."""
    evento = Evento(creado_por=_usuario(usuario))
    _asignar(evento, datos)
    evento.slug = slug_unico(
        Evento.objects, evento.titulo, largo=180, respaldo="evento", reservados=SLUGS_RESERVADOS
    )
    _validar(evento)
    evento._history_user = _usuario(usuario)
    evento.save()
    if aliados is not None:
        evento.aliados.set(aliados)
    if evento.tipo == Evento.Tipo.LANZAMIENTO:
        logistica_aplicar_plantilla(evento=evento, usuario=usuario)
    return evento


@transaction.atomic
def evento_actualizar(
    *, evento: Evento, usuario: Usuario, datos: dict, aliados: Iterable[Actor] | None = None
) -> Evento:
    evento = Evento.objects.select_for_update().get(pk=evento.pk)
    _asignar(evento, datos)
    _validar(evento, exclude=["slug"])
    evento._history_user = _usuario(usuario)
    evento.save()
    if aliados is not None:
        evento.aliados.set(aliados)
    _programa_cambio(evento)
    lista_espera_promover(evento=evento)
    return evento


@transaction.atomic
def evento_cambiar_estado(*, evento: Evento, estado: str, usuario: Usuario) -> Evento:
    """Move the event forward: planning → invitations sent → held → systematized."""
    evento = Evento.objects.select_for_update().get(pk=evento.pk)
    if estado not in ORDEN_ESTADOS:
        raise ValidationError(_("Estado desconocido."))
    if ORDEN_ESTADOS.index(estado) < ORDEN_ESTADOS.index(evento.estado):
        raise ValidationError(_("Un evento no puede volver a un estado anterior."))
    if estado == Evento.Estado.REALIZADO and evento.inicio > timezone.now():
        raise ValidationError(_("El evento todavía no ha empezado: no puede marcarse realizado."))
    if estado == Evento.Estado.SISTEMATIZADO:
        if not Sistematizacion.objects.filter(evento=evento).exists():
            raise ValidationError(
                _("Antes de cerrar el evento registre su sistematización (resumen y conclusiones).")
            )
        if evento.inicio > timezone.now():
            raise ValidationError(_("No se sistematiza un evento que no se ha realizado."))
    evento.estado = estado
    evento._history_user = _usuario(usuario)
    evento.save(update_fields=["estado", "actualizado"])
    return evento


@transaction.atomic
def miembro_agregar(
    *,
    evento: Evento,
    rol: str,
    usuario: Usuario,
    miembro: AbstractBaseUser | None = None,
    actor: Actor | None = None,
) -> MiembroEquipo:
    if miembro is None and actor is None:
        raise ValidationError(_("Indique un usuario del portal o un actor."))
    existe = MiembroEquipo.objects.filter(evento=evento, rol=rol)
    if (miembro and existe.filter(usuario=miembro).exists()) or (
        actor and existe.filter(actor=actor).exists()
    ):
        raise ValidationError(_("Esta persona ya tiene ese rol en el grupo de trabajo."))
    registro = MiembroEquipo(evento=evento, usuario=miembro, actor=actor, rol=rol)
    _validar(registro)
    registro.save()
    return registro


@transaction.atomic
def miembro_quitar(*, miembro: MiembroEquipo, usuario: Usuario) -> None:
    miembro.delete()


# --- Programme -------------------------------------------------------------------------------


@transaction.atomic
def ponente_guardar(
    *, evento: Evento, usuario: Usuario, datos: dict, ponente: Ponente | None = None
) -> Ponente:
    ponente = ponente or Ponente(evento=evento)
    _asignar(ponente, datos)
    if ponente.actor_id and not ponente.nombre:
        ponente.nombre = ponente.actor.nombre
    _validar(ponente)
    ponente.save()
    _programa_cambio(evento)
    return ponente


@transaction.atomic
def sesion_guardar(
    *,
    evento: Evento,
    usuario: Usuario,
    datos: dict,
    ponentes: Iterable[Ponente] = (),
    moderadores: Iterable[Ponente] = (),
    sesion: Sesion | None = None,
) -> Sesion:
    sesion = sesion or Sesion(evento=evento)
    _asignar(sesion, datos)
    _validar(sesion)
    ponentes, moderadores = list(ponentes), list(moderadores)
    if any(p.evento_id != evento.pk for p in ponentes + moderadores):
        raise ValidationError(_("Los ponentes deben ser de este evento."))
    sesion.save()
    sesion.ponentes.set(ponentes)
    sesion.moderadores.set(moderadores)
    _programa_cambio(evento)
    return sesion


@transaction.atomic
def sesion_eliminar(*, sesion: Sesion, usuario: Usuario) -> None:
    _programa_cambio(sesion.evento)
    sesion.delete()


# --- Logistics -------------------------------------------------------------------------------


@transaction.atomic
def logistica_aplicar_plantilla(*, evento: Evento, usuario: Usuario) -> int:
    """Add the logistics template of the event's kind (items already present are skipped).

    A deadline counted back from the event that has already passed is set to today: a new task
    is never born overdue (an event created ten days ahead gets its 45-days-before tasks due
    today, not sixteen red lines)."""
    existentes = set(evento.tareas.values_list("titulo", flat=True))
    dia_del_evento = timezone.localtime(evento.inicio).date()
    hoy = timezone.localdate()
    creadas = 0
    for orden, (categoria, titulo, dias, detalle) in enumerate(plantilla_de(evento.tipo), start=1):
        titulo = str(titulo)
        if titulo in existentes:
            continue
        TareaLogistica.objects.create(
            evento=evento,
            categoria=categoria,
            titulo=titulo,
            detalle=detalle,
            fecha_limite=max(dia_del_evento - timedelta(days=dias), hoy),
            orden=orden * 10,
        )
        creadas += 1
    return creadas


@transaction.atomic
def tarea_guardar(
    *, evento: Evento, usuario: Usuario, datos: dict, tarea: TareaLogistica | None = None
) -> TareaLogistica:
    tarea = tarea or TareaLogistica(evento=evento, orden=(evento.tareas.count() + 1) * 10 + 1000)
    _asignar(tarea, datos)
    _validar(tarea)
    tarea._history_user = _usuario(usuario)
    tarea.save()
    return tarea


# --- Guest list ------------------------------------------------------------------------------


def _organizacion_de(actor: Actor) -> tuple[str, str]:
    if actor.naturaleza == Actor.Naturaleza.ORGANIZACION:
        return actor.nombre, ""
    membresia = actor.membresias.filter(hasta__isnull=True).select_related("organizacion").first()
    if membresia:
        return membresia.organizacion.nombre, membresia.cargo
    return "", ""


@transaction.atomic
def invitados_agregar_desde_actores(
    *, evento: Evento, actores: Iterable[Actor], usuario: Usuario
) -> int:
    """Put actors of the map on the guest list; those already on it are skipped."""
    ya = set(evento.invitados.exclude(actor=None).values_list("actor_id", flat=True))
    correos = set(evento.invitados.exclude(email="").values_list("email", flat=True))
    creados = 0
    for actor in actores:
        if actor.pk in ya:
            continue
        email = (actor.email or "").lower()
        if email and email in correos:
            email = ""  # the same address is already on the list under another name
        organizacion, cargo = _organizacion_de(actor)
        Invitado.objects.create(
            evento=evento,
            actor=actor,
            nombre=actor.nombre,
            organizacion=organizacion,
            cargo=cargo,
            email=email,
            telefono=str(actor.telefono or ""),
            tipo_actor=actor.tipo,
            canton=actor.canton,
            genero=actor.genero,
            origen=Invitado.Origen.MAPA,
        )
        ya.add(actor.pk)
        if email:
            correos.add(email)
        creados += 1
    return creados


def _correo_repetido(evento: Evento, email: str, excluir_pk: int | None = None) -> bool:
    return bool(email) and (
        evento.invitados.filter(email__iexact=email).exclude(pk=excluir_pk).exists()
    )


@transaction.atomic
def invitado_agregar(*, evento: Evento, usuario: Usuario, datos: dict) -> Invitado:
    """Add a person by hand (someone who is not on the actor map)."""
    invitado = Invitado(evento=evento, origen=Invitado.Origen.MANUAL)
    _asignar(invitado, datos)
    invitado.email = (invitado.email or "").strip().lower()
    if _correo_repetido(evento, invitado.email):
        raise ValidationError({"email": _("Ese correo ya está en la lista de invitados.")})
    _validar(invitado, exclude=["clave"])
    invitado.save()
    return invitado


@transaction.atomic
def invitaciones_enviar(*, evento: Evento, usuario: Usuario) -> int:
    """Queue the invitation of every guest not yet invited who has an e-mail, and send it by
    SMS or WhatsApp to those of the map whose channel is a phone (eventos.mensajes)."""
    por_invitar = evento.invitados.filter(estado=Invitado.Estado.POR_INVITAR)
    con_correo = por_invitar.exclude(email="")
    a_telefono = list(
        por_texto(
            por_invitar.filter(actor__isnull=False).select_related("actor", "evento__parroquia")
        )
    )
    solo_texto = [invitado for invitado in a_telefono if not invitado.email]
    total = con_correo.count() + len(solo_texto)
    if not total:
        raise ValidationError(_("No hay invitados con correo pendientes de invitar."))
    if evento.estado not in (Evento.Estado.PLANIFICACION, Evento.Estado.INVITACIONES):
        raise ValidationError(_("El evento ya se realizó: no se envían más invitaciones."))
    if evento.estado == Evento.Estado.PLANIFICACION:
        evento_cambiar_estado(evento=evento, estado=Evento.Estado.INVITACIONES, usuario=usuario)
    mensajes.invitaciones_enviar(invitados=a_telefono, usuario=usuario)
    # Those reached only by text are invited now; those with an e-mail when it leaves.
    Invitado.objects.filter(pk__in=[i.pk for i in solo_texto]).update(
        estado=Invitado.Estado.INVITADO, invitado_en=timezone.now()
    )
    if con_correo.exists():
        from .tasks import enviar_invitaciones

        encolar_tras_commit(enviar_invitaciones, evento.pk)
    return total


def _hay_a_quien_recordar(evento: Evento) -> bool:
    """Some guest without an answer can be reminded: by e-mail, or by text."""
    sin_respuesta = evento.invitados.filter(estado=Invitado.Estado.INVITADO)
    if sin_respuesta.exclude(email="").exists():
        return True
    a_telefono = por_texto(
        sin_respuesta.filter(email="", actor__isnull=False).select_related("actor")
    )
    return next(a_telefono, None) is not None


def _enviar_correo(invitado: Invitado, plantilla: str, contexto: dict, adjuntos=()) -> None:
    correo_enviar(
        para=invitado.email,
        plantilla=f"eventos/email/{plantilla}",
        contexto={
            "invitado": invitado,
            "evento": invitado.evento,
            "url_respuesta": enlaces.url_respuesta(invitado),
            **contexto,
        },
        adjuntos=adjuntos,
    )


def _correo_registrar(
    *, invitado_id: int, estado: str, tipo: str, recordatorio: Recordatorio | None = None
) -> Invitado | None:
    """Lock the guest (still in `estado`) and record the e-mail about to leave, inside the caller's
    transaction; None if the guest moved on or that e-mail was already recorded (sent once)."""
    invitado = (
        Invitado.objects.select_for_update()
        .select_related("evento")
        .filter(pk=invitado_id, estado=estado)
        .first()
    )
    if invitado is None:
        return None
    try:
        with transaction.atomic():
            Correo.objects.create(invitado=invitado, tipo=tipo, recordatorio=recordatorio)
    except IntegrityError:
        return None
    return invitado


def invitaciones_despachar(*, evento_id: int, enviar_correo: bool = True) -> int:
    """Send the invitations not sent yet, each once (core.correo's sweep, marked in invitado_en).

    enviar_correo=False records them without sending (demo data must not write to anyone).
    """

    def invitar(invitado: Invitado) -> None:
        invitado.estado = Invitado.Estado.INVITADO
        invitado.save(update_fields=["estado"])
        try:
            with transaction.atomic():
                Correo.objects.create(invitado=invitado, tipo=Correo.Tipo.INVITACION)
        except IntegrityError:
            return  # this invitation was recorded as sent before
        if enviar_correo:
            _enviar_correo(invitado, "invitacion", {})

    pendientes = (
        Invitado.objects.filter(evento_id=evento_id, estado=Invitado.Estado.POR_INVITAR)
        .exclude(email="")
        .select_related("evento")
    )
    return pendientes_enviar(queryset=pendientes, enviar=invitar, marca="invitado_en")


@transaction.atomic
def recordatorio_crear(*, evento: Evento, usuario: Usuario) -> Recordatorio:
    """A new round of reminders, sent by a worker to those who have not answered."""
    if not _hay_a_quien_recordar(evento):
        raise ValidationError(_("Todos los invitados ya respondieron: no hay a quién recordar."))
    if evento.estado not in (Evento.Estado.PLANIFICACION, Evento.Estado.INVITACIONES):
        raise ValidationError(_("El evento ya se realizó: no se envían recordatorios."))
    Evento.objects.select_for_update().get(pk=evento.pk)
    numero = (evento.recordatorios.aggregate(n=Max("numero"))["n"] or 0) + 1
    recordatorio = Recordatorio.objects.create(
        evento=evento, numero=numero, creado_por=_usuario(usuario)
    )
    from .tasks import enviar_recordatorio

    encolar_tras_commit(enviar_recordatorio, recordatorio.pk)
    return recordatorio


DIAS_RECORDATORIO_AUTOMATICO = 3


def recordatorios_automaticos_programar(
    *, ahora: datetime | None = None, dias: int = DIAS_RECORDATORIO_AUTOMATICO
) -> list[Recordatorio]:
    """Beat, daily: one automatic reminder round for each event starting within `dias` days.

    Only events still inviting, with guests who have not answered; never twice for one event
    (a partial unique constraint holds even if beat fires twice at once). Returns the rounds made.
    """
    ahora = ahora or timezone.now()
    eventos = (
        Evento.objects.filter(
            estado__in=(Evento.Estado.PLANIFICACION, Evento.Estado.INVITACIONES),
            inicio__gt=ahora,
            inicio__lte=ahora + timedelta(days=dias),
            invitados__estado=Invitado.Estado.INVITADO,
        )
        .exclude(recordatorios__automatico=True)
        .distinct()
    )
    from .tasks import enviar_recordatorio

    creados = []
    for evento in eventos:
        if not _hay_a_quien_recordar(evento):
            continue
        try:
            with transaction.atomic():
                Evento.objects.select_for_update().get(pk=evento.pk)
                numero = (evento.recordatorios.aggregate(n=Max("numero"))["n"] or 0) + 1
                recordatorio = Recordatorio.objects.create(
                    evento=evento, numero=numero, automatico=True
                )
                encolar_tras_commit(enviar_recordatorio, recordatorio.pk)
        except IntegrityError:
            continue  # another beat run made it a moment ago
        creados.append(recordatorio)
    # A round whose sending never started (the broker was down) is enqueued again: sending is
    # idempotent per guest and round.
    sin_enviar = Recordatorio.objects.filter(
        automatico=True, evento__inicio__gt=ahora, correos__isnull=True
    ).exclude(pk__in=[r.pk for r in creados])
    for recordatorio in sin_enviar:
        encolar_tras_commit(enviar_recordatorio, recordatorio.pk)
    return creados


def recordatorio_despachar(*, recordatorio_id: int) -> int:
    """Send one reminder to each guest still without an answer, never twice for the same round."""
    recordatorio = Recordatorio.objects.select_related("evento").get(pk=recordatorio_id)
    ids = list(
        recordatorio.evento.invitados.filter(estado=Invitado.Estado.INVITADO)
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    enviados = 0
    for invitado_id in ids:
        with transaction.atomic():
            invitado = _correo_registrar(
                invitado_id=invitado_id,
                estado=Invitado.Estado.INVITADO,
                tipo=Correo.Tipo.RECORDATORIO,
                recordatorio=recordatorio,
            )
            if invitado is None:
                continue
            _enviar_correo(invitado, "recordatorio", {"recordatorio": recordatorio})
            enviados += 1
    # By text too, to those whose channel is a phone (once per guest and round).
    with transaction.atomic():
        enviados += mensajes.recordatorios_enviar(recordatorio=recordatorio)
    return enviados


def _asignar_cupo(evento: Evento, invitado: Invitado) -> None:
    """Confirm the guest if there is room; otherwise to the waiting list."""
    confirmados = evento.invitados.filter(estado=Invitado.Estado.CONFIRMADO).count()
    if evento.capacidad and confirmados >= evento.capacidad:
        invitado.estado = Invitado.Estado.ESPERA
        invitado.espera_desde = timezone.now()
    else:
        invitado.estado = Invitado.Estado.CONFIRMADO


def _avisar_respuesta(invitado: Invitado) -> None:
    if invitado.email and invitado.estado in (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA):
        from .tasks import enviar_confirmacion

        encolar_tras_commit(enviar_confirmacion, invitado.pk)


@transaction.atomic
def invitacion_responder(
    *, invitado: Invitado, asiste: bool, usuario: Usuario = None, avisar: bool = True
) -> Invitado:
    """The guest's one answer: confirm (or wait) or decline.

    Given through their personal link (anonymous `usuario`), or by phone to staff who record it.
    """
    evento = Evento.objects.select_for_update().get(pk=invitado.evento_id)
    invitado = Invitado.objects.select_for_update().get(pk=invitado.pk)
    if invitado.estado not in (Invitado.Estado.POR_INVITAR, Invitado.Estado.INVITADO):
        raise ValidationError(_("Ya registramos su respuesta a esta invitación."))
    if evento.estado in (Evento.Estado.REALIZADO, Evento.Estado.SISTEMATIZADO) or (
        evento.fin < timezone.now()
    ):
        raise ValidationError(_("El evento ya se realizó: la invitación no admite respuestas."))
    if asiste:
        _asignar_cupo(evento, invitado)
    else:
        invitado.estado = Invitado.Estado.RECHAZADO
    invitado.respondido_en = timezone.now()
    invitado.save(update_fields=["estado", "respondido_en", "espera_desde"])
    if avisar:
        _avisar_respuesta(invitado)
    return invitado


@transaction.atomic
def invitacion_cancelar(*, invitado: Invitado, usuario: Usuario = None) -> Invitado:
    """A confirmed (or waiting) guest tells us, through their link, that they can no longer come.

    Their seat goes to the first on the waiting list. This is not a second answer: it only moves
    towards "will not attend", never back.
    """
    evento = Evento.objects.select_for_update().get(pk=invitado.evento_id)
    invitado = Invitado.objects.select_for_update().get(pk=invitado.pk)
    if invitado.estado not in (Invitado.Estado.CONFIRMADO, Invitado.Estado.ESPERA):
        raise ValidationError(_("Esta invitación no tiene un cupo que liberar."))
    if invitado.asistio or evento.inicio <= timezone.now():
        raise ValidationError(_("El evento ya empezó: avise directamente a los organizadores."))
    invitado.estado = Invitado.Estado.RECHAZADO
    invitado.save(update_fields=["estado"])
    lista_espera_promover(evento=evento)
    return invitado


@transaction.atomic
def invitado_cancelar(*, invitado: Invitado, usuario: Usuario) -> Invitado:
    """Staff record that a guest will not come; the first on the waiting list takes the seat."""
    evento = Evento.objects.select_for_update().get(pk=invitado.evento_id)
    invitado = Invitado.objects.select_for_update().get(pk=invitado.pk)
    if invitado.asistio:
        raise ValidationError(_("Esta persona ya asistió; no se puede cancelar su invitación."))
    invitado.estado = Invitado.Estado.RECHAZADO
    invitado.respondido_en = invitado.respondido_en or timezone.now()
    invitado.save(update_fields=["estado", "respondido_en"])
    lista_espera_promover(evento=evento)
    return invitado


@transaction.atomic
def lista_espera_promover(*, evento: Evento) -> list[Invitado]:
    """Give free seats to the waiting list, first come first served."""
    evento = Evento.objects.select_for_update().get(pk=evento.pk)
    promovidos: list[Invitado] = []
    espera = evento.invitados.select_for_update().filter(estado=Invitado.Estado.ESPERA)
    for invitado in espera.order_by("espera_desde", "pk"):
        confirmados = evento.invitados.filter(estado=Invitado.Estado.CONFIRMADO).count()
        if evento.capacidad and confirmados >= evento.capacidad:
            break
        invitado.estado = Invitado.Estado.CONFIRMADO
        invitado.save(update_fields=["estado"])
        _avisar_respuesta(invitado)
        promovidos.append(invitado)
    return promovidos


@transaction.atomic
def inscripcion_registrar(*, evento: Evento, datos: dict, usuario: Usuario = None) -> Invitado:
    """Registration form of a public event: confirmed while there is room, then waiting list."""
    evento = Evento.objects.select_for_update().get(pk=evento.pk)
    if not evento.inscripcion_abierta:
        raise ValidationError(_("La inscripción a este evento no está abierta."))
    if not datos.get("consentimiento"):
        raise ValidationError(
            {"consentimiento": _("Para inscribirse debe aceptar el tratamiento de sus datos.")}
        )
    invitado = Invitado(evento=evento, origen=Invitado.Origen.INSCRIPCION)
    _asignar(invitado, datos)
    invitado.email = (invitado.email or "").strip().lower()
    if not invitado.email:
        raise ValidationError({"email": _("Indique su correo para recibir la confirmación.")})
    if _correo_repetido(evento, invitado.email):
        raise ValidationError({"email": _("Ese correo ya está inscrito en este evento.")})
    _validar(invitado, exclude=["clave"])
    _asignar_cupo(evento, invitado)
    invitado.respondido_en = timezone.now()
    invitado.save()
    _avisar_respuesta(invitado)
    return invitado


def confirmacion_despachar(*, invitado_id: int) -> bool:
    """Send the confirmation with the QR code (or the waiting-list notice) once."""
    with transaction.atomic():
        invitado = (
            Invitado.objects.select_for_update()
            .select_related("evento")
            .filter(pk=invitado_id)
            .first()
        )
        if invitado is None or not invitado.email:
            return False
        if invitado.estado == Invitado.Estado.CONFIRMADO:
            if not _correo_registrar(
                invitado_id=invitado_id,
                estado=Invitado.Estado.CONFIRMADO,
                tipo=Correo.Tipo.CONFIRMACION,
            ):
                return False
            url_qr = enlaces.url_acreditacion(invitado)
            _enviar_correo(
                invitado,
                "confirmacion",
                {"url_qr": url_qr},
                adjuntos=[("codigo-qr-acreditacion.png", enlaces.qr_png(url_qr), "image/png")],
            )
            return True
        if invitado.estado == Invitado.Estado.ESPERA:
            if invitado.correos.filter(tipo=Correo.Tipo.ESPERA).exists():
                return False
            Correo.objects.create(invitado=invitado, tipo=Correo.Tipo.ESPERA)
            _enviar_correo(invitado, "espera", {})
            return True
    return False


# --- Check-in --------------------------------------------------------------------------------


@transaction.atomic
def asistencia_registrar(*, invitado: Invitado, usuario: Usuario) -> tuple[Invitado, bool]:
    """Record that the guest arrived; a second scan changes nothing and returns False."""
    invitado = Invitado.objects.select_for_update().select_related("evento").get(pk=invitado.pk)
    if invitado.evento.estado == Evento.Estado.SISTEMATIZADO:
        raise ValidationError(_("El evento ya está cerrado: no se registran más llegadas."))
    if invitado.asistio:
        return invitado, False
    invitado.asistio = True
    invitado.asistencia_en = timezone.now()
    invitado.asistencia_por = _usuario(usuario)
    campos = ["asistio", "asistencia_en", "asistencia_por"]
    if invitado.estado != Invitado.Estado.CONFIRMADO:
        invitado.estado = Invitado.Estado.CONFIRMADO  # arrived: counts as confirmed
        campos.append("estado")
    invitado.save(update_fields=campos)
    return invitado, True


def asistencia_por_qr(*, evento: Evento, token: str, usuario: Usuario) -> tuple[Invitado, bool]:
    try:
        invitado = enlaces.invitado_por_token_acreditacion(token)
    except enlaces.EnlaceInvalido:
        raise ValidationError(
            _("Este código QR no es válido: puede estar dañado o incompleto.")
        ) from None
    if invitado.evento_id != evento.pk:
        raise ValidationError(
            _("Este código QR es de otro evento: «%(evento)s».") % {"evento": invitado.evento}
        )
    return asistencia_registrar(invitado=invitado, usuario=usuario)


@transaction.atomic
def asistente_sin_invitacion_registrar(
    *, evento: Evento, usuario: Usuario, datos: dict
) -> Invitado:
    """A walk-in: added to the list already attended."""
    invitado = Invitado(
        evento=evento,
        origen=Invitado.Origen.SIN_INVITACION,
        estado=Invitado.Estado.CONFIRMADO,
        asistio=True,
        asistencia_en=timezone.now(),
        asistencia_por=_usuario(usuario),
    )
    _asignar(invitado, datos)
    invitado.email = (invitado.email or "").strip().lower()
    if _correo_repetido(evento, invitado.email):
        raise ValidationError(
            {"email": _("Ese correo ya está en la lista: búsquelo por su nombre.")}
        )
    _validar(invitado, exclude=["clave"])
    invitado.save()
    return invitado


# --- Systematization -------------------------------------------------------------------------


@transaction.atomic
def sistematizacion_guardar(*, evento: Evento, usuario: Usuario, datos: dict) -> Sistematizacion:
    evento = Evento.objects.get(pk=evento.pk)
    if evento.inicio > timezone.now():
        raise ValidationError(_("La sistematización se registra después del evento."))
    registro = Sistematizacion.objects.select_for_update().filter(evento=evento).first()
    if registro is None:
        registro = Sistematizacion(evento=evento)
    elif _informe_emitido(registro):
        registro.version += 1
    _asignar(registro, datos)
    registro.actualizado_por = _usuario(usuario)
    _validar(registro)
    registro._history_user = _usuario(usuario)
    registro.save()
    if evento.estado in (Evento.Estado.PLANIFICACION, Evento.Estado.INVITACIONES):
        evento_cambiar_estado(evento=evento, estado=Evento.Estado.REALIZADO, usuario=usuario)
    return registro


@transaction.atomic
def foto_agregar(*, evento: Evento, usuario: Usuario, imagen: File, pie: str = "") -> FotoEvento:
    foto = FotoEvento(evento=evento, imagen=imagen, pie=pie)
    _validar(foto)
    foto.save()
    registro = Sistematizacion.objects.select_for_update().filter(evento=evento).first()
    if registro is not None and _informe_emitido(registro):
        Sistematizacion.objects.filter(pk=registro.pk).update(version=models.F("version") + 1)
    return foto


def _informe_emitido(registro: Sistematizacion) -> bool:
    """Whether a report of the systematization's current version was already asked for: only
    then does a change make a new version (the first report is "Versión 1", however many times
    the text was saved or photos added before it)."""
    from core.documentos import documentos_de

    return (
        documentos_de(modelo=Evento, pks=[registro.evento_id], tipo=TIPO_INFORME)
        .filter(version=registro.version)
        .exists()
    )


TIPO_INFORME = "eventos_informe"
TIPO_CERTIFICADO = "eventos_certificado"
TIPO_CERTIFICADOS = "eventos_certificados"
TIPO_PROGRAMA = "eventos_programa"


def informe_solicitar(*, evento: Evento, usuario: Usuario) -> Documento:
    """Ask the core pipeline for the systematization report (PDF)."""
    from core.documentos import documento_solicitar

    if not Sistematizacion.objects.filter(evento=evento).exists():
        raise ValidationError(_("Registre primero la sistematización del evento."))
    return documento_solicitar(fuente=evento, tipo=TIPO_INFORME, usuario=usuario)


def certificados_solicitar(*, evento: Evento, usuario: Usuario) -> list[Documento]:
    """One attendance certificate (PDF) per person who attended, walk-ins included, and all of
    them in one PDF for the coordinator.

    Each certificate, once ready, is e-mailed to its person when the list has their address
    (certificado_enviar); the coordinator is e-mailed when the whole file is ready
    (certificados_listos_avisar). Asking again adds those who arrived since and makes the whole
    file again; nobody gets their certificate twice."""
    from core.documentos import documento_de, documento_solicitar, documentos_regenerar

    if evento.estado not in (Evento.Estado.REALIZADO, Evento.Estado.SISTEMATIZADO):
        raise ValidationError(_("Los certificados se emiten cuando el evento se ha realizado."))
    asistentes = list(evento.invitados.filter(asistio=True).select_related("evento"))
    if not asistentes:
        raise ValidationError(_("Nadie tiene registrada su asistencia todavía."))
    documentos = [
        documento_solicitar(fuente=invitado, tipo=TIPO_CERTIFICADO, usuario=usuario)
        for invitado in asistentes
    ]
    todos = documento_de(evento, TIPO_CERTIFICADOS)
    if todos is not None and todos.estado == Documento.Estado.LISTO:
        # Who attended may have changed since (a walk-in registered later): made again, and the
        # e-mail that it is ready goes to whoever asked this time.
        Documento.objects.filter(pk=todos.pk).update(solicitado_por=_usuario(usuario))
        documentos_regenerar(documentos=Documento.objects.filter(pk=todos.pk))
    else:
        documento_solicitar(fuente=evento, tipo=TIPO_CERTIFICADOS, usuario=usuario)
    return documentos


def certificados_de_evento(*, evento: Evento) -> Documento | None:
    """The file with all the event's certificates (the latest asked for), whatever its state."""
    from core.documentos import documento_de

    return documento_de(evento, TIPO_CERTIFICADOS)


def certificado_enviar(*, invitado_id: int) -> bool:
    """E-mail a person who attended the link to their certificate, once; False when there is
    no address, the certificate is not ready or it was sent before."""
    from core.documentos import documento_de

    with transaction.atomic():
        invitado = (
            Invitado.objects.select_for_update()
            .select_related("evento")
            .filter(pk=invitado_id, asistio=True)
            .exclude(email="")
            .first()
        )
        if invitado is None:
            return False
        documento = documento_de(invitado, TIPO_CERTIFICADO)
        if documento is None or documento.estado != Documento.Estado.LISTO:
            return False
        try:
            with transaction.atomic():
                Correo.objects.create(invitado=invitado, tipo=Correo.Tipo.CERTIFICADO)
        except IntegrityError:
            return False  # sent before
        _enviar_correo(
            invitado, "certificado", {"url_certificado": enlaces.url_certificado(invitado)}
        )
    return True


def certificados_listos_avisar(*, documento_id: int) -> bool:
    """Tell whoever asked for the event's certificates that the file with all of them is ready,
    with its link."""
    from core.enlaces import url_absoluta

    documento = (
        Documento.objects.select_related("solicitado_por")
        .filter(pk=documento_id, tipo=TIPO_CERTIFICADOS, estado=Documento.Estado.LISTO)
        .first()
    )
    persona = documento.solicitado_por if documento else None
    if persona is None or not persona.email:
        return False
    evento = Evento.objects.get(pk=documento.object_id)
    correo_enviar(
        para=persona.email,
        plantilla="eventos/email/certificados_listos",
        contexto={
            "persona": persona,
            "evento": evento,
            "asistentes": evento.invitados.filter(asistio=True).count(),
            "enviados": Correo.objects.filter(
                invitado__evento=evento, tipo=Correo.Tipo.CERTIFICADO
            ).count(),
            "url_documento": url_absoluta(documento.get_absolute_url()),
            "url_descarga": url_absoluta(
                reverse("core:documento_descargar", kwargs={"uuid": documento.uuid})
            ),
        },
    )
    return True
