"""Reads of actores: what each user may see, and the public-safe representation."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from core.rules import es_coordinador, es_facilitador, es_personal

from .models import Actor, AsignacionTerritorial, Membresia, Relacion

# Fields that are personal data: never on public pages, the API or exports without the right role.
CAMPOS_PERSONALES = ("email", "telefono", "identificacion", "genero", "nombres", "apellidos")


def puede_ver_datos_personales(user) -> bool:
    """Only the staff who need to contact people see contact data and ids."""
    return bool(es_coordinador(user) or es_facilitador(user))


def actores_publicos() -> QuerySet[Actor]:
    """Organisations that agreed to appear publicly. Never people."""
    return Actor.objects.filter(
        activo=True, visible_publico=True, naturaleza=Actor.Naturaleza.ORGANIZACION
    )


# --- A person's name in public ----------------------------------------------------------------
# The one rule (LOPDP): a person is named in a public output (pages, API, feeds, published actas,
# exports) only with their recorded consent to be named; otherwise the organisation they
# represent stands in their place, or "Participante" when there is none. Organisations are
# always named. Staff pages and the signed acta keep full names.

_SIN_LEER = object()


def consiente_nombre_publico() -> Q:
    """Q over Actor: those whose name may be published (organisations, consenting persons)."""
    return Q(naturaleza=Actor.Naturaleza.ORGANIZACION) | Q(consentimiento_nombre_publico=True)


def personas_sin_consentimiento_de_nombre() -> QuerySet[Actor]:
    """Persons who must never be named in public (what a scan of public answers looks for)."""
    return Actor.objects.filter(naturaleza=Actor.Naturaleza.PERSONA).exclude(
        consiente_nombre_publico()
    )


def puede_nombrarse(actor: Actor) -> bool:
    return actor.naturaleza == Actor.Naturaleza.ORGANIZACION or actor.consentimiento_nombre_publico


def organizacion_de_membresia(ref: str = "pk") -> Subquery:
    """Name of a person's organisation (a current membership first), as a subquery on ref."""
    return Subquery(
        Membresia.objects.filter(persona=OuterRef(ref))
        .order_by(F("hasta").desc(nulls_first=True), F("desde").desc(nulls_last=True), "pk")
        .values("organizacion__nombre")[:1]
    )


def actores_para_publicar() -> QuerySet[Actor]:
    """Actors with all nombre_publico needs, in one query: use it in Prefetch(...) of every
    public list so a page costs the same whatever the number of people in it."""
    return Actor.objects.annotate(organizacion_publica=organizacion_de_membresia())


# `organizacion` of nombre_publico when the person is known to have acted in their own name here
# (an attendance recorded "a título personal"): their membership must not stand in for them, or a
# personal remark would be published as their organisation's.
A_TITULO_PERSONAL = "a-titulo-personal"


def nombre_publico(actor: Actor | None, organizacion: Actor | str | None = None) -> str:
    """The name under which actor may appear in public (the one place that decides it).

    organizacion: the organisation the person acted for here (e.g. the one an attendance row
    carries), or A_TITULO_PERSONAL when they acted in their own name ("Participante"); when
    unknown, the person's membership organisation; without that, "Participante".
    """
    if actor is None:
        return ""
    if puede_nombrarse(actor):
        return actor.nombre
    if organizacion == A_TITULO_PERSONAL:
        return _("Participante")
    if organizacion:
        return organizacion if isinstance(organizacion, str) else organizacion.nombre
    membresia = getattr(actor, "organizacion_publica", _SIN_LEER)
    if membresia is _SIN_LEER:  # a single object, not from actores_para_publicar()
        membresia = (
            Actor.objects.filter(pk=actor.pk)
            .annotate(o=organizacion_de_membresia())
            .values_list("o", flat=True)
            .first()
        )
    return membresia or _("Participante")


def nombres_publicos(actores, organizaciones: dict | None = None) -> list[str]:
    """Public names of several actors, each once (two people of one association show it once).

    organizaciones: {actor pk: organisation} the people acted for, when known.
    """
    organizaciones = organizaciones or {}
    nombres: list[str] = []
    for actor in actores:
        nombre = nombre_publico(actor, organizaciones.get(actor.pk))
        if nombre not in nombres:
            nombres.append(nombre)
    return nombres


def actores_visibles(*, user) -> QuerySet[Actor]:
    """Actors this user may see: all of them for the programme's staff, public ones otherwise."""
    if es_personal(user):
        return Actor.objects.all()
    return actores_publicos()


def con_relaciones_de_lista(qs: QuerySet[Actor]) -> QuerySet[Actor]:
    return qs.select_related("canton", "parroquia").prefetch_related("ejes", "sectores")


def datos_publicos(actor: Actor) -> dict:
    """The representation of an actor that may be shown to anyone: no personal data at all."""
    return {
        "id": actor.pk,
        "nombre": actor.nombre,
        "siglas": actor.siglas,
        "naturaleza": actor.naturaleza,
        "tipo": actor.tipo,
        "tipo_nombre": actor.get_tipo_display(),
        "ambito": actor.ambito,
        "ambito_nombre": actor.get_ambito_display(),
        "canton": actor.canton.nombre if actor.canton_id else None,
        "ejes": [e.codigo for e in actor.ejes.all()],
        "sectores": [s.nombre for s in actor.sectores.all()],
        "sitio_web": actor.sitio_web,
    }


def actor_para_detalle(*, user, pk: int) -> Actor:
    qs = actores_visibles(user=user).select_related("canton", "parroquia", "creado_por")
    qs = qs.prefetch_related(
        "ejes",
        "sectores",
        Prefetch("membresias", queryset=Membresia.objects.select_related("organizacion")),
        Prefetch("miembros", queryset=Membresia.objects.select_related("persona")),
        Prefetch("relaciones_salientes", queryset=Relacion.objects.select_related("destino")),
        Prefetch("relaciones_entrantes", queryset=Relacion.objects.select_related("origen")),
        "cambios_posicion__registrado_por",
    )
    return qs.get(pk=pk)


def asignaciones_de(user) -> list[tuple[int | None, int | None]]:
    """(canton_id, sector_id) pairs a facilitator is assigned to (the AsignacionTerritorial rows
    Coordinación maintains), cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_asignaciones_actores", None)
    if cache is None:
        cache = list(
            AsignacionTerritorial.objects.filter(usuario=user).values_list("canton_id", "sector_id")
        )
        user._asignaciones_actores = cache
    return cache


def filtro_asignaciones(user) -> Q:
    """Q over Actor matching the cantons/sectors assigned to this facilitator (nothing if none)."""
    q = Q(pk__in=[])
    for canton_id, sector_id in asignaciones_de(user):
        parte = Q()
        if canton_id:
            parte &= Q(canton_id=canton_id)
        if sector_id:
            parte &= Q(sectores__id=sector_id)
        q |= parte
    return q


def actores_editables(*, user) -> QuerySet[Actor]:
    if es_coordinador(user):
        return Actor.objects.all()
    if es_facilitador(user):
        return Actor.objects.filter(filtro_asignaciones(user)).distinct()
    return Actor.objects.none()


def encaja_en_asignacion(user, canton_id: int | None, sector_ids) -> bool:
    """Whether an actor in this canton with these sectors falls within the user's assignments."""
    sectores = set(sector_ids)
    for a_canton, a_sector in asignaciones_de(user):
        if a_canton and a_canton != canton_id:
            continue
        if a_sector and a_sector not in sectores:
            continue
        return True
    return False


def describir_asignaciones(user) -> str:
    from sie.models import Canton, Sector

    pares = asignaciones_de(user)
    cantones = dict(
        Canton.objects.filter(pk__in=[c for c, _s in pares if c]).values_list("pk", "nombre")
    )
    sectores = dict(
        Sector.objects.filter(pk__in=[s for _c, s in pares if s]).values_list("pk", "nombre")
    )
    textos = []
    for c, s in pares:
        textos.append(" / ".join(t for t in (cantones.get(c), sectores.get(s)) if t))
    return "; ".join(textos)
