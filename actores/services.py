"""Every write of actores: create, edit, move on the map, relate, merge."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypedDict, Unpack

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from sie.models import Canton, Eje, Sector

from .models import (
    CAMPOS_PERSONALES,
    Actor,
    AsignacionTerritorial,
    CambioPosicion,
    Membresia,
    Relacion,
)
from .selectors import Usuario
from .senales import nombre_publico_cambiado

CAMPOS_MAPA = ("influencia", "interes", "posicion")


def _asignar(actor: Actor, datos: dict) -> None:
    for campo, valor in datos.items():
        setattr(actor, campo, valor)


def _autor(usuario: Usuario) -> AbstractBaseUser | None:
    """Who the history records: a signed-in user, or nobody (commands, anonymous forms)."""
    return usuario if getattr(usuario, "is_authenticated", False) else None


class Clasificacion(TypedDict, total=False):
    """The axes and sectors an actor works in, given with its fields (None: left as they are)."""

    ejes: Iterable[Eje] | None
    sectores: Iterable[Sector] | None


def _guardar(actor: Actor, *, usuario: Usuario, ejes=None, sectores=None) -> None:
    """Validate and save the actor with its history author; set ejes and sectores when given."""
    actor.full_clean()
    actor._history_user = _autor(usuario)
    actor.save()
    if ejes is not None:
        actor.ejes.set(ejes)
    if sectores is not None:
        actor.sectores.set(sectores)


@transaction.atomic
def actor_crear(
    *, usuario: Usuario, datos: dict, motivo: str = "", **clasificacion: Unpack[Clasificacion]
) -> Actor:
    """Create an actor (validated) and record its initial map position."""
    actor = Actor(creado_por=_autor(usuario))
    _asignar(actor, datos)
    _guardar(actor, usuario=usuario, **clasificacion)
    CambioPosicion.objects.create(
        actor=actor,
        influencia=actor.influencia,
        interes=actor.interes,
        posicion=actor.posicion,
        motivo=motivo or _("Registro inicial del actor."),
        registrado_por=actor.creado_por,
    )
    return actor


@transaction.atomic
def actor_actualizar(
    *,
    actor: Actor,
    usuario: Usuario,
    datos: dict,
    motivo: str = "",
    **clasificacion: Unpack[Clasificacion],
) -> Actor:
    """Edit an actor. A change of influence, interest or position needs a reason (motivo)."""
    anterior = {c: getattr(actor, c) for c in CAMPOS_MAPA}
    nombre_publico_antes = actor.consentimiento_nombre_publico
    _asignar(actor, datos)
    cambio_mapa = any(getattr(actor, c) != anterior[c] for c in CAMPOS_MAPA)
    if cambio_mapa and not motivo.strip():
        raise ValidationError(
            {
                "motivo": _(
                    "Explique por qué cambia la influencia, el interés o la posición del actor."
                )
            }
        )
    _guardar(actor, usuario=usuario, **clasificacion)
    if cambio_mapa:
        CambioPosicion.objects.create(
            actor=actor,
            influencia_anterior=anterior["influencia"],
            influencia=actor.influencia,
            interes_anterior=anterior["interes"],
            interes=actor.interes,
            posicion_anterior=anterior["posicion"],
            posicion=actor.posicion,
            motivo=motivo.strip(),
            registrado_por=_autor(usuario),
        )
    if actor.consentimiento_nombre_publico != nombre_publico_antes:
        nombre_publico_cambiado.send(sender=Actor, actor=actor)
    return actor


def actor_cambiar_posicion(
    *, actor: Actor, usuario: Usuario, influencia: int, interes: int, posicion: str, motivo: str
) -> Actor:
    """Move an actor on the map, keeping the dated reason."""
    if not motivo.strip():
        raise ValidationError({"motivo": _("Explique el motivo del cambio.")})
    return actor_actualizar(
        actor=actor,
        usuario=usuario,
        datos={"influencia": influencia, "interes": interes, "posicion": posicion},
        motivo=motivo,
    )


@transaction.atomic
def membresia_crear(
    *,
    persona: Actor,
    organizacion: Actor,
    usuario: Usuario,
    cargo: str = "",
    desde: date | None = None,
    hasta: date | None = None,
) -> Membresia:
    """A person joins an organisation; the network gets the matching 'miembro de' relation."""
    membresia = Membresia(
        persona=persona, organizacion=organizacion, cargo=cargo, desde=desde, hasta=hasta
    )
    membresia.full_clean()
    membresia._history_user = usuario
    membresia.save()
    Relacion.objects.get_or_create(
        origen=persona,
        destino=organizacion,
        tipo=Relacion.Tipo.MIEMBRO_DE,
        defaults={"nota": cargo},
    )
    return membresia


@transaction.atomic
def relacion_crear(
    *, origen: Actor, destino: Actor, tipo: str, usuario: Usuario, nota: str = ""
) -> Relacion:
    """Relate two actors; the same relation twice is refused on the destination field."""
    relacion = Relacion(origen=origen, destino=destino, tipo=tipo, nota=nota)
    try:
        relacion.full_clean()
    except ValidationError as e:
        if "__all__" in e.message_dict:
            raise ValidationError(
                {"destino": _("Esa relación entre estos dos actores ya está registrada.")}
            ) from None
        raise
    relacion._history_user = usuario
    relacion.save()
    return relacion


@transaction.atomic
def relacion_eliminar(*, relacion: Relacion, usuario: Usuario) -> None:
    relacion._history_user = usuario
    relacion.delete()


@transaction.atomic
def asignacion_crear(
    *,
    usuario: Usuario,
    facilitador: AbstractBaseUser,
    canton: Canton | None = None,
    sector: Sector | None = None,
) -> AsignacionTerritorial:
    """Let a facilitator maintain the actors of a canton, a sector or both (once)."""
    if canton is None and sector is None:
        raise ValidationError(_("Elija un cantón, un sector o ambos."))
    asignacion, _creada = AsignacionTerritorial.objects.get_or_create(
        usuario=facilitador, canton=canton, sector=sector
    )
    return asignacion


@transaction.atomic
def asignacion_eliminar(*, usuario: Usuario, asignacion: AsignacionTerritorial) -> None:
    asignacion.delete()


# --- Merge -------------------------------------------------------------------------------------


def _reasignar_relacionados(conservar: Actor, duplicado: Actor) -> dict[str, int]:
    """Point every row that refers to `duplicado` at `conservar`, in any app (no upward import).

    Rows that would break a unique constraint (e.g. the same person recorded twice at one
    session) are duplicates themselves and are dropped.
    """
    movidos: dict[str, int] = {}
    for rel in Actor._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete):
            continue
        modelo = rel.related_model
        if modelo._meta.model_name.startswith("historical"):
            continue  # history keeps what happened
        if rel.many_to_many:
            # M2M declared on another model pointing at Actor
            campo = rel.field
            through = campo.remote_field.through
            fk_nombre = campo.m2m_reverse_field_name()
            filas = list(through.objects.filter(**{fk_nombre: duplicado}))
            for fila in filas:
                setattr(fila, fk_nombre, conservar)
                try:
                    with transaction.atomic():
                        fila.save()
                except IntegrityError:
                    through.objects.filter(pk=fila.pk).delete()
            movidos[f"{modelo._meta.label}.{campo.name}"] = len(filas)
            continue
        if not (rel.one_to_many or rel.one_to_one):
            continue
        campo = rel.field
        n = 0
        for obj in modelo._base_manager.filter(**{campo.name: duplicado}):
            setattr(obj, campo.name, conservar)
            try:
                with transaction.atomic():
                    obj.save(update_fields=[campo.name])
                n += 1
            except (IntegrityError, ValidationError):
                obj.delete()
        if n:
            movidos[modelo._meta.label] = n
    return movidos


@transaction.atomic
def actores_fusionar(*, conservar: Actor, duplicado: Actor, usuario: Usuario) -> dict[str, int]:
    """Merge `duplicado` into `conservar`: every relation, membership, history and participation
    (of any app) moves to `conservar`; empty fields of `conservar` are filled from `duplicado`;
    then `duplicado` is deleted."""
    if conservar.pk == duplicado.pk:
        raise ValidationError(_("No se puede fusionar un actor consigo mismo."))
    if conservar.naturaleza != duplicado.naturaleza:
        raise ValidationError(
            _(
                "Solo se fusionan actores de la misma naturaleza (dos personas o dos organizaciones)."
            )
        )
    # Self-relations that the merge would create are dropped first.
    Relacion.objects.filter(
        models.Q(origen=conservar, destino=duplicado)
        | models.Q(origen=duplicado, destino=conservar)
    ).delete()
    Membresia.objects.filter(
        models.Q(persona=conservar, organizacion=duplicado)
        | models.Q(persona=duplicado, organizacion=conservar)
    ).delete()
    for campo in (
        "siglas",
        "descripcion",
        "sitio_web",
        *CAMPOS_PERSONALES,
        "canton",
        "parroquia",
        "consentimiento_fecha",
        "consentimiento_finalidad",
    ):
        if not getattr(conservar, campo) and getattr(duplicado, campo):
            setattr(conservar, campo, getattr(duplicado, campo))
    if duplicado.consentimiento_datos and not conservar.consentimiento_datos:
        conservar.consentimiento_datos = True
    if duplicado.consentimiento_nombre_publico and not conservar.consentimiento_nombre_publico:
        conservar.consentimiento_nombre_publico = True
    conservar.ejes.add(*duplicado.ejes.all())
    conservar.sectores.add(*duplicado.sectores.all())
    movidos = _reasignar_relacionados(conservar, duplicado)
    duplicado._history_user = usuario
    duplicado.delete()
    conservar._history_user = usuario
    conservar._change_reason = _("Fusión con el registro duplicado «%(n)s»") % {
        "n": duplicado.nombre
    }
    conservar.save()
    return movidos
