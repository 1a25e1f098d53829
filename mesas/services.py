"""Every write of mesas: sessions, what is recorded in them, closing, actas and convening."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Required, TypedDict, Unpack

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, Model, OuterRef, Q, QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from actores.models import Actor
from actores.services import actor_crear
from actores.validadores import normalizar_identificacion
from canales.services import canal_de_texto, destino_de
from core.cache import cambio_publico
from core.colas import encolar_tras_commit
from core.documentos import documento_solicitar, documentos_de, documentos_regenerar
from core.errores import ConflictoEdicion
from core.models import CambioPersona
from core.roles import Rol, roles_de
from core.services import persona_cambio_registrar
from core.validadores import tipo_de_contenido
from sie.models import Canton, Indicador, Parroquia

from .models import (
    Acuerdo,
    Asistencia,
    AvisoConvocatoria,
    CambioSesion,
    FotoSesion,
    Intervencion,
    Invitacion,
    Mesa,
    Prioridad,
    PuntoAgenda,
    Sesion,
    TemaPendiente,
)
from .papel import en_acta, preparar_imagen
from .selectors import (
    TIPO_ACTA,
    TIPO_ACTA_PUBLICA,
    acta_actual,
    asistencias_por_traer,
    coincidencias_de_asistente,
    organizaciones_de_membresia,
)

# The answer "it is someone else" to a walk-in that looks like a registry person.
COINCIDENCIA_OTRA = "otra"


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
        cambio_publico()
        sesion.estado = Sesion.Estado.EN_CURSO


# --- One entry, once: the id the device gave an item -----------------------------------------


def _ya_registrado[M: Model](modelo: type[M], *, uid: uuid.UUID | None, sesion: Sesion) -> M | None:
    """The item of this session the device already sent with this uid, if any."""
    if uid is None:
        return None
    item = modelo.objects.filter(uid=uid).first()
    if item is not None and item.sesion_id != sesion.pk:
        raise ValidationError(_("Este registro pertenece a otra sesión."), code="otra_sesion")
    return item


def _crear_una_vez[M: Model](
    modelo: type[M], *, uid: uuid.UUID | None, crear: Callable[[], M]
) -> M:
    """crear(), in a savepoint: if the same uid got in first (a repeat sent at the same time),
    the database's unique constraint refuses this one and the item already stored is the answer."""
    try:
        with transaction.atomic():
            return crear()
    except IntegrityError:
        existente = modelo.objects.filter(uid=uid).first() if uid is not None else None
        if existente is None:
            raise
        return existente


def _uid(uid: uuid.UUID | None) -> dict:
    return {"uid": uid} if uid is not None else {}


# --- The session's history of corrections ----------------------------------------------------


def _texto(valor) -> str:
    """A value as the history shows it."""
    if valor is None or valor == "":
        return "—"
    if isinstance(valor, bool):
        return _("sí") if valor else _("no")
    if isinstance(valor, datetime.time):
        return valor.strftime("%H:%M")
    if isinstance(valor, datetime.date):
        return formats.date_format(valor, "j M Y")
    if isinstance(valor, Actor):
        return valor.nombre
    if isinstance(valor, PuntoAgenda):
        return valor.titulo
    return str(valor)


def _valores(item: Model, campos: Iterable[str]) -> dict[str, str]:
    """What the history shows of each field: labels of choices, names of actors, not codes."""
    valores = {}
    for campo in campos:
        if campo == "responsables":
            valores[campo] = ", ".join(sorted(r.nombre for r in item.responsables.all())) or "—"
            continue
        mostrar = getattr(item, f"get_{campo}_display", None)
        valores[campo] = str(mostrar()) if mostrar else _texto(getattr(item, campo))
    return valores


def _anotar_cambio(
    *,
    sesion: Sesion,
    usuario: AbstractBaseUser | None,
    tipo: str,
    accion: str,
    descripcion: str,
    antes: dict[str, str],
    despues: dict[str, str] | None = None,
) -> CambioSesion | None:
    """Write a correction into the session's history; an edit that changed nothing is not one."""
    if despues is None:
        cambios = [{"campo": c, "antes": v, "despues": ""} for c, v in antes.items() if v != "—"]
    else:
        cambios = [
            {"campo": c, "antes": antes[c], "despues": despues[c]}
            for c in antes
            if antes[c] != despues[c]
        ]
        if not cambios:
            return None
    return CambioSesion.objects.create(
        sesion=sesion,
        usuario=usuario if usuario is not None and usuario.is_authenticated else None,
        tipo=tipo,
        accion=accion,
        descripcion=descripcion[:300],
        cambios=cambios,
    )


def _recortar(texto: str, largo: int = 80) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1] + "…"


def _corregir[M: Model](
    item: M, *, sesion: Sesion, usuario: AbstractBaseUser | None, validar: bool = False, **valores
) -> M:
    """Lock the item, put `valores` on it and save it, and write what changed (old → new, in
    words) into the session's history. `validar`: run the model's own checks before saving."""
    forma = _HISTORIA[type(item)]
    actual = type(item).objects.select_for_update().get(pk=item.pk)
    antes = _valores(actual, forma.campos)
    for campo, valor in valores.items():
        setattr(actual, campo, valor)
    if validar:
        actual.full_clean(validate_unique=False)
    actual.save()
    _anotar_cambio(
        sesion=sesion,
        usuario=usuario,
        tipo=forma.tipo,
        accion=CambioSesion.Accion.EDITADO,
        descripcion=forma.describir(actual),
        antes=antes,
        despues=_valores(actual, forma.campos),
    )
    return actual


def _anotar_eliminado(item: Model, *, sesion: Sesion, usuario: AbstractBaseUser | None) -> None:
    forma = _HISTORIA[type(item)]
    _anotar_cambio(
        sesion=sesion,
        usuario=usuario,
        tipo=forma.tipo,
        accion=CambioSesion.Accion.ELIMINADO,
        descripcion=forma.describir(item),
        antes=_valores(item, forma.campos),
    )


def _eliminar(item: Model, *, sesion: Sesion, usuario: AbstractBaseUser | None) -> None:
    """Delete a recorded item, with what it said kept in the session's history."""
    _anotar_eliminado(item, sesion=sesion, usuario=usuario)
    item._history_user = usuario  # the agreement's own history (simple_history)
    item.delete()


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


def _registrar_facilitacion(*, mesa: Mesa, antes: set, despues: set, usuario) -> None:
    """Each person who starts or stops facilitating the table gets it in their account's history."""
    for persona in despues - antes:
        persona_cambio_registrar(
            persona=persona,
            usuario=usuario,
            accion=CambioPersona.Accion.MESAS,
            detalle=_("Empieza a facilitar %(mesa)s") % {"mesa": mesa.nombre},
        )
    for persona in antes - despues:
        persona_cambio_registrar(
            persona=persona,
            usuario=usuario,
            accion=CambioPersona.Accion.MESAS,
            detalle=_("Deja de facilitar %(mesa)s") % {"mesa": mesa.nombre},
        )


@transaction.atomic
def facilitador_mesas_asignar(
    *, persona: AbstractBaseUser, mesas: Iterable[Mesa], usuario: AbstractBaseUser
) -> AbstractBaseUser:
    """The tables one person facilitates, set from their page (Coordinación)."""
    nuevas = set(mesas)
    if nuevas and Rol.FACILITACION not in roles_de(persona):
        raise ValidationError(
            {"mesas": _("Solo quien tiene el rol de Facilitación puede facilitar una mesa.")}
        )
    actuales = set(persona.mesas_facilitadas.all())
    for mesa in nuevas - actuales:
        mesa.facilitadores.add(persona)
        _registrar_facilitacion(mesa=mesa, antes=set(), despues={persona}, usuario=usuario)
    for mesa in actuales - nuevas:
        mesa.facilitadores.remove(persona)
        _registrar_facilitacion(mesa=mesa, antes={persona}, despues=set(), usuario=usuario)
    return persona


@transaction.atomic
def mesa_equipo_actualizar(
    *,
    mesa: Mesa,
    facilitadores: Iterable[AbstractBaseUser],
    quitar_miembros: Iterable[Actor] = (),
    agregar_miembros: Iterable[Actor] = (),
    usuario: AbstractBaseUser | None = None,
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
    antes = set(mesa.facilitadores.all())
    mesa.facilitadores.set(facilitadores)
    _registrar_facilitacion(mesa=mesa, antes=antes, despues=set(facilitadores), usuario=usuario)
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
    if cambios:
        cambio_publico()


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
    *,
    sesion: Sesion,
    titulo: str,
    proposito: str = "",
    hora: datetime.time | None = None,
    uid: uuid.UUID | None = None,
) -> PuntoAgenda:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(PuntoAgenda, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    if not titulo.strip():
        raise ValidationError({"titulo": _("Escriba el tema del punto de agenda.")})
    orden = _siguiente(sesion.agenda, "orden")
    return _crear_una_vez(
        PuntoAgenda,
        uid=uid,
        crear=lambda: PuntoAgenda.objects.create(
            sesion=sesion,
            orden=orden,
            titulo=titulo.strip(),
            proposito=proposito.strip(),
            hora=hora,
            **_uid(uid),
        ),
    )


# --- Recording -------------------------------------------------------------------------------


@transaction.atomic
def asistencia_registrar(
    *,
    sesion: Sesion,
    actor: Actor,
    organizacion: Actor | None = None,
    usuario: AbstractBaseUser | None = None,
    uid: uuid.UUID | None = None,
) -> Asistencia:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(Asistencia, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    _validar_organizacion(organizacion)
    if sesion.asistencias.filter(actor=actor).exists():
        raise ValidationError(
            {"actor": _("%(nombre)s ya está en la lista de asistencia.") % {"nombre": actor}}
        )
    asistencia = _crear_una_vez(
        Asistencia,
        uid=uid,
        crear=lambda: Asistencia.objects.create(
            sesion=sesion,
            actor=actor,
            organizacion=organizacion,
            es_miembro=sesion.mesa.miembros.filter(pk=actor.pk).exists(),
            registrada_por=usuario,
            **_uid(uid),
        ),
    )
    _marcar_en_curso(sesion)
    return asistencia


def _validar_organizacion(organizacion: Actor | None) -> None:
    if organizacion is not None and organizacion.naturaleza != Actor.Naturaleza.ORGANIZACION:
        raise ValidationError({"organizacion": _("Elija una organización, no una persona.")})


def _coincidencia_error(
    coincidencias: list[Actor], *, por_cedula: bool, sesion: Sesion
) -> ValidationError:
    """The walk-in is probably someone the registry has: say who, and let the form offer them."""
    persona = coincidencias[0]
    asisten = set(
        sesion.asistencias.filter(actor__in=coincidencias).values_list("actor", flat=True)
    )
    if por_cedula and asisten:
        mensaje = _(
            "Esa cédula es la de %(nombre)s, que ya está en la lista de asistencia de esta sesión."
        )
    elif por_cedula:
        mensaje = _(
            "Ya hay una persona con esa cédula en el registro: %(nombre)s. Registre su asistencia "
            "en lugar de crearla otra vez (o corrija la cédula)."
        )
    elif len(asisten) == len(coincidencias):
        mensaje = _(
            "%(nombre)s, del mismo cantón, ya está en la lista de asistencia de esta sesión. Si es "
            "otra persona con el mismo nombre, confírmelo."
        )
    else:
        mensaje = _(
            "Ya hay una persona con ese nombre en el mismo cantón: %(nombre)s. ¿Es ella? Registre "
            "su asistencia, o confirme que es otra persona."
        )
    return ValidationError(
        {
            "coincidencia": ValidationError(
                mensaje,
                code="cedula" if por_cedula else "nombre",
                params={
                    "nombre": persona.nombre,
                    "ids": [a.pk for a in coincidencias if a.pk not in asisten],
                },
            )
        }
    )


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
    telefono: str = "",
    email: str = "",
    identificacion: str = "",
    coincidencia: str = "",
    usuario: AbstractBaseUser | None = None,
    uid: uuid.UUID | None = None,
) -> Asistencia:
    """A walk-in who is not on the actor map yet: add them to the map and to the attendance,
    with their answer to being named in the portal's publications. `uid` is the attendance's:
    a repeat creates neither a second actor nor a second attendance.

    A walk-in with a cédula already in the registry, or the same name in the same canton, is
    refused with the existing person (code "cedula" or "nombre" on `coincidencia`), not stored
    twice. `coincidencia` is the facilitator's answer: an existing person's pk (record their
    attendance instead, with the organisation chosen here or else their membership's), or
    COINCIDENCIA_OTRA ("it is someone else": create them anyway; never over a cédula match).
    """
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(Asistencia, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    identificacion = normalizar_identificacion(identificacion or "")
    if coincidencia and coincidencia != COINCIDENCIA_OTRA:
        return _asistencia_de_coincidencia(
            coincidencia, sesion=sesion, organizacion=organizacion, usuario=usuario, uid=uid
        )
    datos = {
        "naturaleza": Actor.Naturaleza.PERSONA,
        "nombres": nombres.strip(),
        "apellidos": apellidos.strip(),
        "genero": genero,
        "tipo": tipo,
        "ambito": Actor.Ambito.CANTONAL if canton else Actor.Ambito.PROVINCIAL,
        "canton": canton,
        "consentimiento_nombre_publico": consentimiento_nombre_publico,
        "telefono": telefono or "",
        "email": (email or "").strip(),
        "identificacion": identificacion,
    }
    _exigir_sin_coincidencias(datos, sesion=sesion, otra_persona=coincidencia == COINCIDENCIA_OTRA)
    return _crear_una_vez(
        Asistencia,
        uid=uid,
        crear=lambda: _asistente_nuevo_crear(
            sesion=sesion, usuario=usuario, uid=uid, organizacion=organizacion, datos=datos
        ),
    )


def _exigir_sin_coincidencias(datos: dict, *, sesion: Sesion, otra_persona: bool) -> None:
    """Refuse a walk-in who may be on the map already: always on the same cédula; on the same
    name in the same canton unless the facilitator answered that it is someone else."""
    coincidencias, por_cedula = coincidencias_de_asistente(
        nombres=datos["nombres"],
        apellidos=datos["apellidos"],
        canton_id=datos["canton"].pk if datos["canton"] else None,
        identificacion=datos["identificacion"],
    )
    if coincidencias and (por_cedula or not otra_persona):
        raise _coincidencia_error(coincidencias, por_cedula=por_cedula, sesion=sesion)


def _asistencia_de_coincidencia(
    coincidencia: str, *, sesion: Sesion, organizacion: Actor | None, usuario, uid
) -> Asistencia:
    """The facilitator said the walk-in is this person already on the map: record their
    attendance, with the organisation chosen on the form or else their membership's."""
    persona = Actor.objects.filter(
        pk=coincidencia if str(coincidencia).isdigit() else None,
        naturaleza=Actor.Naturaleza.PERSONA,
        activo=True,
    ).first()
    if persona is None:
        raise ValidationError({"coincidencia": _("Esa persona ya no está en el registro.")})
    if organizacion is None:
        organizacion = _organizacion_de(persona, sesion=sesion)
    return asistencia_registrar(
        sesion=sesion, actor=persona, organizacion=organizacion, usuario=usuario, uid=uid
    )


def _asistente_nuevo_crear(
    *,
    sesion: Sesion,
    usuario: AbstractBaseUser | None,
    uid: uuid.UUID | None,
    organizacion: Actor | None,
    datos: dict,
) -> Asistencia:
    actor = actor_crear(
        usuario=usuario,
        datos=datos,
        motivo=_("Registrado como asistente de %(sesion)s.") % {"sesion": sesion},
    )
    return asistencia_registrar(
        sesion=sesion, actor=actor, organizacion=organizacion, usuario=usuario, uid=uid
    )


class QueHacerConIntervenciones:
    """What becomes of the interventions of an attendee removed from the list."""

    MOVER = "mover"
    ELIMINAR = "eliminar"


def _organizacion_de(persona: Actor, *, sesion: Sesion) -> Actor | None:
    """The organisation a person belongs to now (one of the table's members first)."""
    org = organizaciones_de_membresia(
        persona_ids=[persona.pk],
        preferidas=sesion.mesa.miembros.values_list("pk", flat=True),
    ).get(persona.pk)
    return Actor.objects.get(pk=org["id"]) if org else None


@transaction.atomic
def asistencia_traer_anteriores(*, sesion: Sesion, usuario: AbstractBaseUser | None = None) -> int:
    """Record, in one step, everyone who attended the table's previous session and is not on
    this session's list yet, each for the same organisation. Returns how many were added."""
    sesion = _sesion_editable(sesion)
    _anterior, asistencias = asistencias_por_traer(sesion=sesion)
    nuevas = [
        asistencia_registrar(
            sesion=sesion, actor=a.actor, organizacion=a.organizacion, usuario=usuario
        )
        for a in asistencias
    ]
    return len(nuevas)


@transaction.atomic
def asistencia_quitar(
    *,
    asistencia: Asistencia,
    usuario: AbstractBaseUser | None = None,
    intervenciones: str = "",
    mover_a: Asistencia | None = None,
) -> None:
    """Remove an attendee. If they spoke, `intervenciones` says what becomes of what they said:
    MOVER to the attendee `mover_a` (it was someone else who spoke) or ELIMINAR with them."""
    sesion = _sesion_editable(asistencia.sesion)
    suyas = sesion.intervenciones.filter(actor_id=asistencia.actor_id)
    cuantas = suyas.count()
    if cuantas and intervenciones == QueHacerConIntervenciones.MOVER:
        if mover_a is None or mover_a.sesion_id != sesion.pk or mover_a.pk == asistencia.pk:
            raise ValidationError({"mover_a": _("Elija a otra persona de la lista de asistencia.")})
        for intervencion in suyas:
            _anotar_cambio(
                sesion=sesion,
                usuario=usuario,
                tipo=CambioSesion.Tipo.INTERVENCION,
                accion=CambioSesion.Accion.EDITADO,
                descripcion=_recortar(intervencion.resumen),
                antes={"actor": asistencia.actor.nombre},
                despues={"actor": mover_a.actor.nombre},
            )
        suyas.update(actor_id=mover_a.actor_id)
    elif cuantas and intervenciones == QueHacerConIntervenciones.ELIMINAR:
        for intervencion in suyas.select_related("actor", "punto"):
            _anotar_eliminado(intervencion, sesion=sesion, usuario=usuario)
        suyas.delete()
    elif cuantas:
        raise ValidationError(
            {
                "intervenciones": _(
                    "%(nombre)s tiene %(n)s intervenciones registradas: elija si pasan a otra "
                    "persona o se eliminan con su asistencia."
                )
                % {"nombre": asistencia.actor.nombre, "n": cuantas}
            }
        )
    _eliminar(asistencia, sesion=sesion, usuario=usuario)


@transaction.atomic
def asistencia_editar(
    *,
    asistencia: Asistencia,
    organizacion: Actor | None,
    usuario: AbstractBaseUser | None = None,
) -> Asistencia:
    """Correct the organisation an attendee represents at the session."""
    sesion = _sesion_editable(asistencia.sesion)
    _validar_organizacion(organizacion)
    return _corregir(asistencia, sesion=sesion, usuario=usuario, organizacion=organizacion)


@transaction.atomic
def intervencion_registrar(
    *,
    sesion: Sesion,
    actor: Actor,
    tipo: str,
    resumen: str,
    punto: PuntoAgenda | None = None,
    usuario: AbstractBaseUser | None = None,
    uid: uuid.UUID | None = None,
) -> Intervencion:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(Intervencion, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    _validar_intervencion(sesion, actor=actor, punto=punto, resumen=resumen)
    intervencion = Intervencion(
        sesion=sesion,
        actor=actor,
        tipo=tipo,
        resumen=resumen.strip(),
        punto=punto,
        registrada_por=usuario,
        **_uid(uid),
    )
    intervencion.full_clean(validate_unique=False)
    intervencion = _crear_una_vez(Intervencion, uid=uid, crear=lambda: _guardado(intervencion))
    _marcar_en_curso(sesion)
    return intervencion


def _guardado[M: Model](item: M) -> M:
    item.save()
    return item


def _validar_intervencion(
    sesion: Sesion, *, actor: Actor, punto: PuntoAgenda | None, resumen: str
) -> None:
    errores = {}
    if not sesion.asistencias.filter(actor=actor).exists():
        errores["actor"] = _("Quien interviene debe estar en la lista de asistencia.")
    if punto is not None and punto.sesion_id != sesion.pk:
        errores["punto"] = _("El punto de agenda no es de esta sesión.")
    if not resumen.strip():
        errores["resumen"] = _("Escriba un resumen breve de la intervención.")
    if errores:
        raise ValidationError(errores)


CAMPOS_INTERVENCION = ["actor", "punto", "tipo", "resumen"]


@transaction.atomic
def intervencion_editar(
    *,
    intervencion: Intervencion,
    actor: Actor,
    tipo: str,
    resumen: str,
    punto: PuntoAgenda | None = None,
    usuario: AbstractBaseUser | None = None,
) -> Intervencion:
    """Correct who spoke, on which agenda item, of what kind, and what they said."""
    sesion = _sesion_editable(intervencion.sesion)
    _validar_intervencion(sesion, actor=actor, punto=punto, resumen=resumen)
    return _corregir(
        intervencion,
        sesion=sesion,
        usuario=usuario,
        validar=True,
        actor=actor,
        tipo=tipo,
        resumen=resumen.strip(),
        punto=punto,
    )


@transaction.atomic
def intervencion_eliminar(
    *, intervencion: Intervencion, usuario: AbstractBaseUser | None = None
) -> None:
    sesion = _sesion_editable(intervencion.sesion)
    _eliminar(intervencion, sesion=sesion, usuario=usuario)


CAMPOS_AGENDA = ["hora", "titulo", "proposito"]


@transaction.atomic
def punto_agenda_editar(
    *,
    punto: PuntoAgenda,
    titulo: str,
    proposito: str = "",
    hora: datetime.time | None = None,
    usuario: AbstractBaseUser | None = None,
) -> PuntoAgenda:
    sesion = _sesion_editable(punto.sesion)
    if not titulo.strip():
        raise ValidationError({"titulo": _("Escriba el tema del punto de agenda.")})
    return _corregir(
        punto,
        sesion=sesion,
        usuario=usuario,
        titulo=titulo.strip(),
        proposito=proposito.strip(),
        hora=hora,
    )


@transaction.atomic
def punto_agenda_eliminar(*, punto: PuntoAgenda, usuario: AbstractBaseUser | None = None) -> None:
    """Remove an agenda item; what was said on it stays, among the other interventions."""
    sesion = _sesion_editable(punto.sesion)
    _eliminar(punto, sesion=sesion, usuario=usuario)


@transaction.atomic
def prioridad_registrar(
    *, sesion: Sesion, texto: str, votos: int = 0, uid: uuid.UUID | None = None
) -> Prioridad:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(Prioridad, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    _validar_prioridad(sesion, texto=texto, votos=votos)
    return _crear_una_vez(
        Prioridad,
        uid=uid,
        crear=lambda: Prioridad.objects.create(
            sesion=sesion, texto=texto.strip(), votos=votos, **_uid(uid)
        ),
    )


def _validar_prioridad(sesion: Sesion, *, texto: str, votos: int) -> None:
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


CAMPOS_PRIORIDAD = ["texto", "votos"]


@transaction.atomic
def prioridad_editar(
    *, prioridad: Prioridad, texto: str, votos: int, usuario: AbstractBaseUser | None = None
) -> Prioridad:
    """Correct a priority's wording or its count of votes."""
    sesion = _sesion_editable(prioridad.sesion)
    _validar_prioridad(sesion, texto=texto, votos=votos)
    return _corregir(prioridad, sesion=sesion, usuario=usuario, texto=texto.strip(), votos=votos)


@transaction.atomic
def prioridad_eliminar(*, prioridad: Prioridad, usuario: AbstractBaseUser | None = None) -> None:
    sesion = _sesion_editable(prioridad.sesion)
    _eliminar(prioridad, sesion=sesion, usuario=usuario)


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
    *,
    sesion: Sesion,
    usuario: AbstractBaseUser | None = None,
    uid: uuid.UUID | None = None,
    **datos: Unpack[DatosAcuerdo],
) -> Acuerdo:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(Acuerdo, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    numero = _siguiente(sesion.acuerdos, "numero")
    acuerdo = _crear_una_vez(
        Acuerdo,
        uid=uid,
        crear=lambda: _acuerdo_guardar(
            Acuerdo(sesion=sesion, numero=numero, **_uid(uid)), usuario=usuario, **datos
        ),
    )
    _marcar_en_curso(sesion)
    return acuerdo


CAMPOS_ACUERDO = ["texto", "responsables", "plazo", "resultado_esperado", "indicador"]


@transaction.atomic
def acuerdo_eliminar(*, acuerdo: Acuerdo, usuario: AbstractBaseUser | None = None) -> None:
    """Remove an agreement; the ones after it keep their numbers (the acta was read aloud)."""
    sesion = _sesion_editable(acuerdo.sesion)
    _eliminar(acuerdo, sesion=sesion, usuario=usuario)


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
    antes = _valores(actual, CAMPOS_ACUERDO)
    actual.sesion = sesion
    actual.version = version + 1
    actual = _acuerdo_guardar(actual, usuario=usuario, **datos)
    _anotar_cambio(
        sesion=sesion,
        usuario=usuario,
        tipo=CambioSesion.Tipo.ACUERDO,
        accion=CambioSesion.Accion.EDITADO,
        descripcion=_HISTORIA[Acuerdo].describir(actual),
        antes=antes,
        despues=_valores(actual, CAMPOS_ACUERDO),
    )
    return actual


@transaction.atomic
def tema_pendiente_registrar(
    *, sesion: Sesion, texto: str, uid: uuid.UUID | None = None
) -> TemaPendiente:
    sesion = _bloquear_sesion(sesion)
    if existente := _ya_registrado(TemaPendiente, uid=uid, sesion=sesion):
        return existente
    _exigir_editable(sesion)
    if not texto.strip():
        raise ValidationError({"texto": _("Escriba el tema que queda pendiente.")})
    return _crear_una_vez(
        TemaPendiente,
        uid=uid,
        crear=lambda: TemaPendiente.objects.create(sesion=sesion, texto=texto.strip(), **_uid(uid)),
    )


@transaction.atomic
def tema_pendiente_editar(
    *, tema: TemaPendiente, texto: str, usuario: AbstractBaseUser | None = None
) -> TemaPendiente:
    sesion = _sesion_editable(tema.sesion)
    if not texto.strip():
        raise ValidationError({"texto": _("Escriba el tema que queda pendiente.")})
    return _corregir(tema, sesion=sesion, usuario=usuario, texto=texto.strip())


@transaction.atomic
def tema_pendiente_eliminar(
    *, tema: TemaPendiente, usuario: AbstractBaseUser | None = None
) -> None:
    sesion = _sesion_editable(tema.sesion)
    _eliminar(tema, sesion=sesion, usuario=usuario)


@dataclass(frozen=True)
class _FormaEnHistoria:
    """How the session's history shows a kind of item: its kind, the fields whose old → new it
    keeps, and the item in a few words."""

    tipo: str
    campos: tuple[str, ...]
    describir: Callable[[Model], str]


_HISTORIA: dict[type[Model], _FormaEnHistoria] = {
    Asistencia: _FormaEnHistoria(
        CambioSesion.Tipo.ASISTENCIA, ("actor", "organizacion"), lambda a: a.actor.nombre
    ),
    PuntoAgenda: _FormaEnHistoria(
        CambioSesion.Tipo.AGENDA, tuple(CAMPOS_AGENDA), lambda p: p.titulo
    ),
    Intervencion: _FormaEnHistoria(
        CambioSesion.Tipo.INTERVENCION,
        tuple(CAMPOS_INTERVENCION),
        lambda i: _recortar(f"{i.actor.nombre}: {i.resumen}"),
    ),
    Prioridad: _FormaEnHistoria(
        CambioSesion.Tipo.PRIORIDAD, tuple(CAMPOS_PRIORIDAD), lambda p: p.texto
    ),
    Acuerdo: _FormaEnHistoria(
        CambioSesion.Tipo.ACUERDO,
        tuple(CAMPOS_ACUERDO),
        lambda a: _recortar(f"{a.numero}. {a.texto}"),
    ),
    TemaPendiente: _FormaEnHistoria(CambioSesion.Tipo.TEMA, ("texto",), lambda t: t.texto),
}


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
        cambio_publico()
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
    from . import mensajes
    from .tasks import enviar_invitaciones

    sesion = _sesion_editable(sesion)
    nuevas, sin_correo, ya = [], [], 0
    por_texto = []
    for actor in actores:
        texto = destino_de(actor) is not None
        if not actor.email and not texto:
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
            if texto:
                por_texto.append(invitacion)
        else:
            ya += 1
    if nuevas:
        encolar_tras_commit(enviar_invitaciones, nuevas)
    if por_texto:
        mensajes.convocatorias_enviar(invitaciones=por_texto, usuario=usuario)
    return {
        "enviadas": len(nuevas),
        "sin_correo": sin_correo,
        "ya_invitados": ya,
        "por_texto": len(por_texto),
    }


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
    from . import mensajes

    mensajes.avisos_enviar(sesion=sesion, tipo=tipo, usuario=usuario)
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
    from . import mensajes

    sesion = _sesion_editable(sesion)
    elegidas = [
        i
        for i in invitaciones
        if i.sesion_id == sesion.pk and (i.actor.email or canal_de_texto(i.actor))
    ]
    if not elegidas:
        raise ValidationError(
            {
                "invitaciones": _(
                    "Marque al menos a una persona invitada que tenga correo o reciba SMS o "
                    "WhatsApp."
                )
            }
        )
    ya_enviadas = [i for i in elegidas if i.enviada_en is not None and i.actor.email]
    _avisos_crear(ya_enviadas, AvisoConvocatoria.Tipo.REENVIO, usuario=usuario)
    mensajes.convocatorias_enviar(
        invitaciones=[i for i in elegidas if canal_de_texto(i.actor)], usuario=usuario, reenvio=True
    )
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


# --- The paper kit: photos and scans of a session ---------------------------------------------


@transaction.atomic
def foto_sesion_subir(
    *,
    sesion: Sesion,
    archivo: File,
    tipo: str = FotoSesion.Tipo.HOJA_FIRMADA,
    descripcion: str = "",
    uid: uuid.UUID | None = None,
    usuario: AbstractBaseUser | None = None,
) -> FotoSesion:
    """Attach a photo (stored as a JPEG of at most 2000 px, without EXIF) or a PDF scan to the
    session, open or closed: the signed sheet is often photographed after closing. A photo whose
    uid is already stored is not stored again; the first one is returned."""
    # The session's lock orders uploads against closing (the acta lists what came before it)
    # and against a repeat of the same uid sent at the same moment.
    actual = _bloquear_sesion(sesion)
    if uid is not None:
        existente = FotoSesion.objects.filter(uid=uid).first()
        if existente is not None:
            if existente.sesion_id != actual.pk:
                raise ValidationError(_("Esta foto ya se subió a otra sesión."), code="uid")
            return existente
    if tipo not in FotoSesion.Tipo.values:
        raise ValidationError({"tipo": _("Elija qué muestra la foto.")})
    archivo.seek(0)
    contenido = archivo.read()
    clase = tipo_de_contenido(contenido, ("imagen", "pdf"))
    if clase is None:
        raise ValidationError(
            {"archivo": _("Suba una foto (JPG, PNG, GIF o WebP) o un PDF.")}, code="archivo_tipo"
        )
    foto = FotoSesion(
        uid=uid or uuid.uuid4(),
        sesion=actual,
        tipo=tipo,
        descripcion=descripcion.strip(),
        nombre_original=(getattr(archivo, "name", "") or "")[:255],
        subida_por=usuario,
    )
    nombre = f"sesion-{actual.pk}-{foto.uid.hex[:12]}"
    if clase == "pdf":
        foto.archivo.save(f"{nombre}.pdf", ContentFile(contenido), save=False)
    else:
        try:
            jpeg, miniatura = preparar_imagen(contenido)
        except (OSError, ValueError):
            raise ValidationError(
                {"archivo": _("No se pudo leer la foto: puede estar dañada. Tómela de nuevo.")},
                code="archivo_contenido",
            ) from None
        foto.archivo.save(f"{nombre}.jpg", ContentFile(jpeg), save=False)
        foto.miniatura.save(f"{nombre}-miniatura.jpg", ContentFile(miniatura), save=False)
    foto.save()
    return foto


@transaction.atomic
def foto_sesion_quitar(*, foto: FotoSesion, usuario: AbstractBaseUser | None = None) -> None:
    """Remove a photo and its files. One the signed acta lists stays until the session is
    reopened: the acta and the session must not disagree."""
    actual = _bloquear_sesion(foto.sesion)
    if en_acta(foto=foto, sesion=actual):
        raise ValidationError(
            _(
                "Esta foto está en los anexos del acta (versión %(version)s): para quitarla, "
                "reabra la sesión."
            )
            % {"version": actual.acta_version},
            code="en_acta",
        )
    archivos = [f.name for f in (foto.archivo, foto.miniatura) if f]
    foto.delete()
    transaction.on_commit(lambda: _borrar_archivos(archivos))


def _borrar_archivos(nombres: list[str]) -> None:
    for nombre in nombres:
        default_storage.delete(nombre)
