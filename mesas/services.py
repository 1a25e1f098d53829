"""Every write of mesas: sessions, what is recorded in them, closing, actas and convening."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Required, TypedDict, Unpack

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from actores.models import Actor
from actores.services import actor_crear
from core.colas import encolar_tras_commit
from core.documentos import documento_solicitar, documentos_de, documentos_regenerar
from core.errores import ConflictoEdicion
from core.roles import Rol, roles_de
from sie.models import Canton, Indicador, Parroquia

from .models import (
    Acuerdo,
    Asistencia,
    AvisoConvocatoria,
    Intervencion,
    Invitacion,
    Mesa,
    Prioridad,
    PuntoAgenda,
    Sesion,
    TemaPendiente,
)
from .selectors import TIPO_ACTA, TIPO_ACTA_PUBLICA, acta_actual


def _conflicto() -> ConflictoEdicion:
    return ConflictoEdicion(
        _(
            "Otra persona guardó cambios aquí mientras usted editaba. Sus datos no se "
            "guardaron: revise la versión actual y vuelva a aplicar su cambio."
        ),
        code="conflicto",
    )


def _bloquear_sesion(sesion: Sesion) -> Sesion:
    return Sesion.objects.select_for_update().select_related("mesa").get(pk=sesion.pk)


def _exigir_editable(sesion: Sesion) -> None:
    if not sesion.editable:
        raise ValidationError(
            _("La sesión está cerrada: para corregirla hay que reabrirla primero."),
            code="cerrada",
        )


def _bloquear_mesa_de(sesion: Sesion) -> None:
    """Lock the session's table first when the change may number its sessions again
    (sesiones_renumerar): always table then session, so two such changes never deadlock."""
    Mesa.objects.select_for_update().filter(pk=sesion.mesa_id).first()


def _sesion_editable(sesion: Sesion) -> Sesion:
    """The session, locked for the change about to be made to it, which it must still allow."""
    actual = _bloquear_sesion(sesion)
    _exigir_editable(actual)
    return actual


def _siguiente(items: QuerySet, campo: str) -> int:
    """The number that follows the highest `campo` of items (1 for the first)."""
    return (items.aggregate(m=Max(campo))["m"] or 0) + 1


def _marcar_en_curso(sesion: Sesion) -> None:
    if sesion.estado == Sesion.Estado.PLANIFICADA:
        Sesion.objects.filter(pk=sesion.pk).update(estado=Sesion.Estado.EN_CURSO)
        sesion.estado = Sesion.Estado.EN_CURSO


class DatosSesion(TypedDict, total=False):
    """When, where and what for: set by sesion_crear, changed by sesion_actualizar."""

    inicio: datetime.datetime
    fin: datetime.datetime | None
    modalidad: str
    parroquia: Parroquia | None
    lugar: str
    enlace: str
    objetivo: str


def _sesion_preparar(sesion: Sesion, datos: DatosSesion) -> None:
    """Put datos on the session and validate it (not saved)."""
    for campo, valor in datos.items():
        if campo not in DatosSesion.__annotations__:
            raise TypeError(campo)
        setattr(sesion, campo, valor)
    errores = {}
    if sesion.modalidad in (Sesion.Modalidad.PRESENCIAL, Sesion.Modalidad.HIBRIDA) and not (
        sesion.parroquia or sesion.lugar.strip()
    ):
        errores["lugar"] = _("Indique la parroquia o el lugar de una sesión presencial.")
    if sesion.modalidad in (Sesion.Modalidad.VIRTUAL, Sesion.Modalidad.HIBRIDA) and not (
        sesion.enlace
    ):
        errores["enlace"] = _("Indique el enlace de la reunión en línea.")
    if sesion.fin and sesion.inicio and sesion.fin <= sesion.inicio:
        errores["fin"] = _("La hora de fin debe ser posterior a la de inicio.")
    if errores:
        raise ValidationError(errores)
    sesion.full_clean(exclude=["mesa"])


# --- Tables ----------------------------------------------------------------------------------


@transaction.atomic
def mesa_equipo_actualizar(
    *,
    mesa: Mesa,
    facilitadores: Iterable[AbstractBaseUser],
    quitar_miembros: Iterable[Actor] = (),
    agregar_miembros: Iterable[Actor] = (),
) -> Mesa:
    """The coordinator sets who facilitates a table and adds or removes its member actors.

    Only people with the Facilitación role can facilitate: they record the table's sessions.
    """
    facilitadores = list(facilitadores)
    sin_rol = [u for u in facilitadores if Rol.FACILITACION not in roles_de(u)]
    if sin_rol:
        nombres = ", ".join(u.get_full_name() or u.username for u in sin_rol)
        raise ValidationError(
            {
                "facilitadores": _(
                    "Solo quien tiene el rol de Facilitación puede facilitar una mesa: %(nombres)s."
                )
                % {"nombres": nombres}
            }
        )
    mesa.facilitadores.set(facilitadores)
    quitar = list(quitar_miembros)
    if quitar:
        mesa.miembros.remove(*quitar)
    agregar = list(agregar_miembros)
    if agregar:
        mesa_agregar_miembros(mesa=mesa, actores=agregar)
    return mesa


@transaction.atomic
def mesa_agregar_miembros(*, mesa: Mesa, actores: Iterable[Actor]) -> Mesa:
    mesa.miembros.add(*actores)
    if mesa.estado == Mesa.Estado.CONVOCATORIA and mesa.miembros.exists():
        Mesa.objects.filter(pk=mesa.pk).update(estado=Mesa.Estado.ACTIVA)
        mesa.estado = Mesa.Estado.ACTIVA
    return mesa


# --- Sessions --------------------------------------------------------------------------------


@transaction.atomic
def sesion_crear(
    *, mesa: Mesa, usuario: AbstractBaseUser | None = None, **datos: Unpack[DatosSesion]
) -> Sesion:
    """Plan a session of a table; the table's open sessions are numbered again by date."""
    Mesa.objects.select_for_update().filter(pk=mesa.pk).first()
    numero = _siguiente(mesa.sesiones, "numero")
    sesion = Sesion(mesa=mesa, numero=numero)
    _sesion_preparar(sesion, datos)
    sesion.save()
    sesiones_renumerar(mesa=mesa)
    sesion.refresh_from_db(fields=["numero"])
    return sesion


@transaction.atomic
def sesion_actualizar(
    *,
    sesion: Sesion,
    version: int,
    usuario: AbstractBaseUser | None = None,
    **datos: Unpack[DatosSesion],
) -> Sesion:
    """Change a session's date, place or objective; refuses if someone saved in between.

    When its date, time or place change, whoever was already invited gets an update (the same
    calendar entry, a higher SEQUENCE), and a new date numbers the table's sessions again."""
    _bloquear_mesa_de(sesion)
    actual = _sesion_editable(sesion)
    if actual.version != version:
        raise _conflicto()
    antes = {campo: getattr(actual, campo) for campo in CAMPOS_CONVOCATORIA}
    descripcion_antes = cuando_y_donde(actual)
    _sesion_preparar(actual, datos)
    actual.version = F("version") + 1
    actual.save()
    actual.refresh_from_db()
    if actual.inicio != antes["inicio"]:
        sesiones_renumerar(mesa=actual.mesa)
        actual.refresh_from_db(fields=["numero"])
    if any(_al_minuto(getattr(actual, c)) != _al_minuto(v) for c, v in antes.items()):
        _avisar_invitados(
            actual, AvisoConvocatoria.Tipo.ACTUALIZACION, usuario=usuario, antes=descripcion_antes
        )
    return actual


# What an invitee is told again when it changes: when and where.
CAMPOS_CONVOCATORIA = ("inicio", "fin", "modalidad", "parroquia_id", "lugar", "enlace")


def _al_minuto(valor):
    """Times as the form shows them, to the minute: saving the form unchanged changes nothing."""
    if isinstance(valor, datetime.datetime):
        return valor.replace(second=0, microsecond=0)
    return valor


def cuando_y_donde(sesion: Sesion) -> str:
    """The session's date, time and place in one line, as the e-mails (in Spanish) say them."""
    inicio = timezone.localtime(sesion.inicio)
    with translation.override("es"):
        partes = [formats.date_format(inicio, r"l j \d\e F \d\e Y, H:i")]
    if sesion.lugar or sesion.parroquia_id:
        lugar = sesion.lugar
        if sesion.parroquia_id:
            lugar = f"{lugar} ({sesion.parroquia.nombre})" if lugar else sesion.parroquia.nombre
        partes.append(lugar)
    if sesion.enlace:
        partes.append(sesion.enlace)
    return " — ".join(partes)


def sesiones_renumerar(*, mesa: Mesa) -> None:
    """Number the table's sessions by date. A session that already had an acta keeps its number
    (the acta was signed with it); the others that take place (planned or in progress, never
    cancelled) follow the highest kept number in the order of their dates. So a planned session
    moved before a closed one is numbered after it: numbers and dates disagree only there.

    Two steps keep (mesa, numero) unique at every moment: the sessions whose number changes first
    take numbers no session uses, then their own."""
    Mesa.objects.select_for_update().filter(pk=mesa.pk).first()
    en_la_mesa = Sesion.objects.filter(mesa=mesa).exclude(estado=Sesion.Estado.CANCELADA)
    ultimo_fijo = en_la_mesa.filter(acta_version__gt=0).aggregate(m=Max("numero"))["m"] or 0
    abiertas = list(
        en_la_mesa.filter(acta_version=0).order_by("inicio", "pk").values_list("pk", "numero")
    )
    cambios = [
        (pk, ultimo_fijo + i)
        for i, (pk, numero) in enumerate(abiertas, start=1)
        if numero != ultimo_fijo + i
    ]
    provisional = 32767  # the largest PositiveSmallIntegerField: no session of a table gets there
    for i, (pk, _numero) in enumerate(cambios):
        Sesion.objects.filter(pk=pk).update(numero=provisional - i)
    for pk, numero in cambios:
        Sesion.objects.filter(pk=pk).update(numero=numero)


@transaction.atomic
def sesion_cancelar(
    *, sesion: Sesion, version: int, motivo: str, usuario: AbstractBaseUser | None = None
) -> Sesion:
    """Call off a session that has not taken place: it is kept, shown as cancelled, cannot be
    recorded, leaves the numbering and the public calendar; whoever was invited is told why."""
    _bloquear_mesa_de(sesion)
    actual = _sesion_editable(sesion)
    if actual.version != version:
        raise _conflicto()
    if not motivo.strip():
        raise ValidationError(
            {"motivo": _("Escriba el motivo: se lo contaremos a las personas invitadas.")}
        )
    if actual.asistencias.exists():
        raise ValidationError(
            _(
                "Esta sesión ya tiene asistentes registrados: se realizó y no se puede "
                "cancelar. Ciérrela, o quite primero a los asistentes si fue un error."
            )
        )
    actual.estado = Sesion.Estado.CANCELADA
    actual.motivo_cancelacion = motivo.strip()
    actual.cancelada_en = timezone.now()
    actual.cancelada_por = usuario
    actual.version += 1
    actual.save()
    sesiones_renumerar(mesa=actual.mesa)
    _avisar_invitados(actual, AvisoConvocatoria.Tipo.CANCELACION, usuario=usuario)
    return actual


@transaction.atomic
def punto_agenda_agregar(
    *, sesion: Sesion, titulo: str, proposito: str = "", hora: datetime.time | None = None
) -> PuntoAgenda:
    sesion = _sesion_editable(sesion)
    if not titulo.strip():
        raise ValidationError({"titulo": _("Escriba el tema del punto de agenda.")})
    orden = _siguiente(sesion.agenda, "orden")
    return PuntoAgenda.objects.create(
        sesion=sesion, orden=orden, titulo=titulo.strip(), proposito=proposito.strip(), hora=hora
    )


# --- Recording -------------------------------------------------------------------------------


@transaction.atomic
def asistencia_registrar(
    *,
    sesion: Sesion,
    actor: Actor,
    organizacion: Actor | None = None,
    usuario: AbstractBaseUser | None = None,
) -> Asistencia:
    sesion = _sesion_editable(sesion)
    if organizacion is not None and organizacion.naturaleza != Actor.Naturaleza.ORGANIZACION:
        raise ValidationError({"organizacion": _("Elija una organización, no una persona.")})
    if sesion.asistencias.filter(actor=actor).exists():
        raise ValidationError(
            {"actor": _("%(nombre)s ya está en la lista de asistencia.") % {"nombre": actor}}
        )
    asistencia = Asistencia.objects.create(
        sesion=sesion,
        actor=actor,
        organizacion=organizacion,
        es_miembro=sesion.mesa.miembros.filter(pk=actor.pk).exists(),
        registrada_por=usuario,
    )
    _marcar_en_curso(sesion)
    return asistencia


@transaction.atomic
def asistente_nuevo_registrar(
    *,
    sesion: Sesion,
    nombres: str,
    apellidos: str,
    genero: str = "",
    tipo: str = Actor.Tipo.COMUNITARIO,
    canton: Canton | None = None,
    organizacion: Actor | None = None,
    consentimiento_nombre_publico: bool = False,
    usuario: AbstractBaseUser | None = None,
) -> Asistencia:
    """A walk-in who is not on the actor map yet: add them to the map and to the attendance,
    with their answer to being named in the portal's publications."""
    _exigir_editable(sesion)
    actor = actor_crear(
        usuario=usuario,
        datos={
            "naturaleza": Actor.Naturaleza.PERSONA,
            "nombres": nombres.strip(),
            "apellidos": apellidos.strip(),
            "genero": genero,
            "tipo": tipo,
            "ambito": Actor.Ambito.CANTONAL if canton else Actor.Ambito.PROVINCIAL,
            "canton": canton,
            "consentimiento_nombre_publico": consentimiento_nombre_publico,
        },
        motivo=_("Registrado como asistente de %(sesion)s.") % {"sesion": sesion},
    )
    return asistencia_registrar(
        sesion=sesion, actor=actor, organizacion=organizacion, usuario=usuario
    )


@transaction.atomic
def asistencia_quitar(*, asistencia: Asistencia, usuario: AbstractBaseUser | None = None) -> None:
    sesion = _sesion_editable(asistencia.sesion)
    if sesion.intervenciones.filter(actor_id=asistencia.actor_id).exists():
        raise ValidationError(
            _("No se puede quitar a quien ya tiene intervenciones registradas en esta sesión.")
        )
    asistencia.delete()


@transaction.atomic
def intervencion_registrar(
    *,
    sesion: Sesion,
    actor: Actor,
    tipo: str,
    resumen: str,
    punto: PuntoAgenda | None = None,
    usuario: AbstractBaseUser | None = None,
) -> Intervencion:
    sesion = _sesion_editable(sesion)
    errores = {}
    if not sesion.asistencias.filter(actor=actor).exists():
        errores["actor"] = _("Quien interviene debe estar en la lista de asistencia.")
    if punto is not None and punto.sesion_id != sesion.pk:
        errores["punto"] = _("El punto de agenda no es de esta sesión.")
    if not resumen.strip():
        errores["resumen"] = _("Escriba un resumen breve de la intervención.")
    if errores:
        raise ValidationError(errores)
    intervencion = Intervencion(
        sesion=sesion,
        actor=actor,
        tipo=tipo,
        resumen=resumen.strip(),
        punto=punto,
        registrada_por=usuario,
    )
    intervencion.full_clean()
    intervencion.save()
    _marcar_en_curso(sesion)
    return intervencion


@transaction.atomic
def prioridad_registrar(*, sesion: Sesion, texto: str, votos: int = 0) -> Prioridad:
    sesion = _sesion_editable(sesion)
    if not texto.strip():
        raise ValidationError({"texto": _("Escriba la prioridad.")})
    if votos < 0:
        raise ValidationError({"votos": _("Los votos no pueden ser negativos.")})
    presentes = sesion.asistencias.count()
    if presentes and votos > presentes:
        raise ValidationError(
            {
                "votos": _("Hay %(n)s presentes: no puede haber más votos que presentes.")
                % {"n": presentes}
            }
        )
    return Prioridad.objects.create(sesion=sesion, texto=texto.strip(), votos=votos)


class DatosAcuerdo(TypedDict, total=False):
    """What an agreement says: recorded by acuerdo_registrar, corrected by acuerdo_editar."""

    texto: Required[str]
    responsables: Iterable[Actor]
    plazo: datetime.date | None
    resultado_esperado: str
    indicador: Indicador | None


def _acuerdo_guardar(
    acuerdo: Acuerdo,
    *,
    usuario: AbstractBaseUser | None,
    texto: str,
    responsables: Iterable[Actor] = (),
    plazo: datetime.date | None = None,
    resultado_esperado: str = "",
    indicador: Indicador | None = None,
) -> Acuerdo:
    errores = {}
    if not texto.strip():
        errores["texto"] = _("Escriba el texto del acuerdo.")
    if plazo and plazo < timezone.localdate(acuerdo.sesion.inicio):
        errores["plazo"] = _("El plazo no puede ser anterior a la fecha de la sesión.")
    if errores:
        raise ValidationError(errores)
    acuerdo.texto = texto.strip()
    acuerdo.plazo = plazo
    acuerdo.resultado_esperado = resultado_esperado.strip()
    acuerdo.indicador = indicador
    acuerdo._history_user = usuario
    acuerdo.save()
    acuerdo.responsables.set(responsables)
    return acuerdo


@transaction.atomic
def acuerdo_registrar(
    *, sesion: Sesion, usuario: AbstractBaseUser | None = None, **datos: Unpack[DatosAcuerdo]
) -> Acuerdo:
    sesion = _sesion_editable(sesion)
    numero = _siguiente(sesion.acuerdos, "numero")
    acuerdo = _acuerdo_guardar(Acuerdo(sesion=sesion, numero=numero), usuario=usuario, **datos)
    _marcar_en_curso(sesion)
    return acuerdo


@transaction.atomic
def acuerdo_editar(
    *,
    acuerdo: Acuerdo,
    version: int,
    usuario: AbstractBaseUser | None = None,
    **datos: Unpack[DatosAcuerdo],
) -> Acuerdo:
    """Correct an agreement; refuses (ConflictoEdicion) if another facilitator saved it first."""
    sesion = _sesion_editable(acuerdo.sesion)
    actual = Acuerdo.objects.select_for_update().get(pk=acuerdo.pk)
    if actual.version != version:
        raise _conflicto()
    actual.sesion = sesion
    actual.version = version + 1
    return _acuerdo_guardar(actual, usuario=usuario, **datos)


@transaction.atomic
def tema_pendiente_registrar(*, sesion: Sesion, texto: str) -> TemaPendiente:
    sesion = _sesion_editable(sesion)
    if not texto.strip():
        raise ValidationError({"texto": _("Escriba el tema que queda pendiente.")})
    return TemaPendiente.objects.create(sesion=sesion, texto=texto.strip())


# --- Closing, acta, publication ------------------------------------------------------------


@transaction.atomic
def sesion_cerrar(
    *, sesion: Sesion, version: int, usuario: AbstractBaseUser | None = None
) -> Sesion:
    """Freeze the session and ask the document pipeline for a new version of its acta."""
    _bloquear_mesa_de(sesion)
    actual = _sesion_editable(sesion)
    if actual.version != version:
        raise _conflicto()
    if timezone.now() < actual.inicio:
        inicio = timezone.localtime(actual.inicio)
        raise ValidationError(
            _("La sesión empieza el %(fecha)s a las %(hora)s: no se puede cerrar antes.")
            % {
                "fecha": formats.date_format(inicio, r"l j \d\e F"),
                "hora": formats.time_format(inicio, "H:i"),
            },
            code="antes_de_empezar",
        )
    if not actual.asistencias.exists():
        raise ValidationError(_("No se puede cerrar una sesión sin asistentes registrados."))
    actual.estado = Sesion.Estado.CERRADA
    actual.cerrada_en = timezone.now()
    actual.cerrada_por = usuario
    actual.acta_version += 1
    actual.version += 1
    actual.save()
    sesiones_renumerar(mesa=actual.mesa)  # its number is kept from now on
    actual.refresh_from_db(fields=["numero"])
    if actual.mesa.estado == Mesa.Estado.CONVOCATORIA:
        Mesa.objects.filter(pk=actual.mesa_id).update(estado=Mesa.Estado.ACTIVA)
    documento_solicitar(fuente=actual, tipo=TIPO_ACTA, usuario=usuario)
    return actual


@transaction.atomic
def sesion_reabrir(*, sesion: Sesion, usuario: AbstractBaseUser | None = None) -> Sesion:
    """Open a closed session again for corrections; its earlier actas are kept."""
    actual = _bloquear_sesion(sesion)
    if actual.editable:
        raise ValidationError(_("La sesión ya está abierta."))
    if actual.cancelada:
        raise ValidationError(_("Una sesión cancelada no se reabre: planifique una nueva."))
    actual.estado = Sesion.Estado.EN_CURSO
    actual.publicada_en = None
    actual.publicada_por = None
    actual.version += 1
    actual.save()
    return actual


def actas_publicas_regenerar(*, actor: Actor) -> int:
    """Render again the published actas that show this person (they attended, spoke or are
    responsable), after their consent to be named changed."""
    sesiones = (
        Sesion.objects.filter(estado=Sesion.Estado.ACTA_PUBLICADA)
        .filter(
            Q(asistencias__actor=actor)
            | Q(intervenciones__actor=actor)
            | Q(acuerdos__responsables=actor)
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    return documentos_regenerar(
        documentos=documentos_de(modelo=Sesion, pks=list(sesiones), tipo=TIPO_ACTA_PUBLICA)
    )


def al_cambiar_nombre_publico(sender, actor: Actor, **kwargs) -> None:
    actas_publicas_regenerar(actor=actor)


@transaction.atomic
def acta_publicar(*, sesion: Sesion, usuario: AbstractBaseUser | None = None) -> Sesion:
    actual = _bloquear_sesion(sesion)
    if actual.estado != Sesion.Estado.CERRADA:
        raise ValidationError(_("Solo se publica el acta de una sesión cerrada."))
    documento = acta_actual(sesion=actual)
    if documento is None or not documento.listo:
        raise ValidationError(
            _("El acta todavía no está lista: espere a que termine de generarse.")
        )
    actual.estado = Sesion.Estado.ACTA_PUBLICADA
    actual.publicada_en = timezone.now()
    actual.publicada_por = usuario
    actual.save()
    # What the public downloads is not the acta above (it names everybody) but its published
    # version, produced now: a person appears there only with their consent to be named.
    documento_solicitar(fuente=actual, tipo=TIPO_ACTA_PUBLICA, usuario=usuario)
    return actual


# --- Convening -------------------------------------------------------------------------------


@transaction.atomic
def convocatoria_enviar(
    *, sesion: Sesion, actores: Iterable[Actor], usuario: AbstractBaseUser | None = None
) -> dict:
    """Invite actors by e-mail (through Celery, after commit). Returns counts for the message."""
    from .tasks import enviar_invitaciones

    sesion = _sesion_editable(sesion)
    nuevas, sin_correo, ya = [], [], 0
    for actor in actores:
        if not actor.email:
            sin_correo.append(actor)
            continue
        try:
            with transaction.atomic():
                invitacion, creada = Invitacion.objects.get_or_create(
                    sesion=sesion, actor=actor, defaults={"invitada_por": usuario}
                )
        except IntegrityError:
            creada = False
        if creada:
            nuevas.append(invitacion.pk)
        else:
            ya += 1
    if nuevas:
        encolar_tras_commit(enviar_invitaciones, nuevas)
    return {"enviadas": len(nuevas), "sin_correo": sin_correo, "ya_invitados": ya}


def _avisar_invitados(
    sesion: Sesion, tipo: str, *, usuario: AbstractBaseUser | None = None, antes: str = ""
) -> int:
    """An update or a cancellation for everyone whose invitation already left (an invitation
    still to leave says the session as it is now, and a cancelled one never leaves). An update
    still waiting to leave is not doubled: it will say the latest date and place."""
    invitaciones = sesion.invitaciones.exclude(actor__email="").filter(enviada_en__isnull=False)
    if tipo == AvisoConvocatoria.Tipo.ACTUALIZACION:
        pendiente = AvisoConvocatoria.objects.filter(
            invitacion=OuterRef("pk"), tipo=tipo, enviado_en__isnull=True
        )
        invitaciones = invitaciones.exclude(Exists(pendiente))
    return _avisos_crear(invitaciones, tipo, usuario=usuario, antes=antes)


def _avisos_crear(
    invitaciones: Iterable[Invitacion],
    tipo: str,
    *,
    usuario: AbstractBaseUser | None = None,
    antes: str = "",
) -> int:
    from .tasks import enviar_avisos

    avisos = AvisoConvocatoria.objects.bulk_create(
        AvisoConvocatoria(invitacion=i, tipo=tipo, creado_por=usuario, antes=antes)
        for i in invitaciones
    )
    if avisos:
        encolar_tras_commit(enviar_avisos, [a.pk for a in avisos])
    return len(avisos)


@transaction.atomic
def invitaciones_reenviar(
    *,
    sesion: Sesion,
    invitaciones: Iterable[Invitacion],
    usuario: AbstractBaseUser | None = None,
) -> int:
    """Send the invitation again to these invitees (after a change, or to who did not answer):
    the same invitation, its same answer link and calendar entry, one more e-mail. Returns how
    many are on their way (an invitation that has not left yet is already on its way)."""
    sesion = _sesion_editable(sesion)
    elegidas = [i for i in invitaciones if i.sesion_id == sesion.pk and i.actor.email]
    if not elegidas:
        raise ValidationError(
            {"invitaciones": _("Marque al menos a una persona invitada que tenga correo.")}
        )
    ya_enviadas = [i for i in elegidas if i.enviada_en is not None]
    _avisos_crear(ya_enviadas, AvisoConvocatoria.Tipo.REENVIO, usuario=usuario)
    return len(elegidas)


@transaction.atomic
def invitacion_responder(*, invitacion: Invitacion, asistira: bool) -> Invitacion:
    if invitacion.sesion.cancelada:
        raise ValidationError(_("Esta sesión fue cancelada; no hace falta responder."))
    if not invitacion.sesion.editable:
        raise ValidationError(_("Esta sesión ya se realizó; no se puede cambiar la respuesta."))
    invitacion.respuesta = (
        Invitacion.Respuesta.CONFIRMADA if asistira else Invitacion.Respuesta.DECLINADA
    )
    invitacion.respondida_en = timezone.now()
    invitacion.save(update_fields=["respuesta", "respondida_en"])
    return invitacion
