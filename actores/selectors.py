"""Reads of actores: what each user may see, and the public-safe representation."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from core.rules import es_personal

from .models import Actor, AsignacionTerritorial, Membresia, Relacion

# Who acts or reads: a user, an anonymous visitor, or nobody (a command, a migration).
Usuario = AbstractBaseUser | AnonymousUser | None


def actores_publicos() -> QuerySet[Actor]:
    """Organisations that agreed to appear publicly. Never people."""
    return Actor.objects.filter(
        activo=True, visible_publico=True, naturaleza=Actor.Naturaleza.ORGANIZACION
    )


def organizaciones_publicas(
    *, canton: str = "", campo_canton: str = "slug", tipo: str = ""
) -> QuerySet[Actor]:
    """Public organisations in name order with what their cards show, optionally of one canton
    (by its slug or its codigo) and of one type."""
    qs = (
        actores_publicos()
        .select_related("canton")
        .prefetch_related("ejes", "sectores")
        .order_by("nombre")
    )
    if canton:
        qs = qs.filter(**{f"canton__{campo_canton}": canton})
    if tipo:
        qs = qs.filter(tipo=tipo)
    return qs


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


def puede_nombrarse(*, actor: Actor) -> bool:
    return actor.naturaleza == Actor.Naturaleza.ORGANIZACION or actor.consentimiento_nombre_publico


def organizacion_de_membresia(*, ref: str = "pk") -> Subquery:
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


def nombre_publico(*, actor: Actor | None, organizacion: Actor | str | None = None) -> str:
    """The name under which actor may appear in public (the one place that decides it).

    organizacion: the organisation the person acted for here (e.g. the one an attendance row
    carries), or A_TITULO_PERSONAL when they acted in their own name ("Participante"); when
    unknown, the person's membership organisation; without that, "Participante".
    """
    if actor is None:
        return ""
    if puede_nombrarse(actor=actor):
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


def nombres_publicos(
    *, actores: Iterable[Actor], organizaciones: dict[int, Actor | str] | None = None
) -> list[str]:
    """Public names of several actors, each once (two people of one association show it once).

    organizaciones: {actor pk: organisation} the people acted for, when known.
    """
    organizaciones = organizaciones or {}
    nombres: list[str] = []
    for actor in actores:
        nombre = nombre_publico(actor=actor, organizacion=organizaciones.get(actor.pk))
        if nombre not in nombres:
            nombres.append(nombre)
    return nombres


def actores_visibles(*, usuario: Usuario) -> QuerySet[Actor]:
    """Actors this user may see: all of them for the programme's staff, public ones otherwise."""
    if es_personal(usuario):
        return Actor.objects.all()
    return actores_publicos()


def con_relaciones_de_lista(*, actores: QuerySet[Actor]) -> QuerySet[Actor]:
    return actores.select_related("canton", "parroquia").prefetch_related("ejes", "sectores")


def datos_publicos(*, actor: Actor) -> dict:
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


def grupos_de_duplicados() -> list[dict]:
    """Possible duplicates: actors sharing a cédula/RUC, an e-mail or a normalised name."""
    grupos = []
    for campo, titulo in (
        ("identificacion", _("Misma cédula/RUC")),
        ("email", _("Mismo correo")),
        ("nombre_normalizado", _("Mismo nombre")),
    ):
        valores = list(
            Actor.objects.exclude(**{campo: ""})
            .values(campo)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list(campo, flat=True)[:50]
        )
        por_valor: dict[str, list[Actor]] = {}
        for actor in (
            Actor.objects.filter(**{f"{campo}__in": valores})
            .select_related("canton")
            .order_by(campo, "pk")
        ):
            por_valor.setdefault(getattr(actor, campo), []).append(actor)
        grupos += [{"criterio": titulo, "actores": lista} for lista in por_valor.values()]
    return grupos


def actor_para_detalle(*, usuario: Usuario, pk: int) -> Actor:
    qs = actores_visibles(usuario=usuario).select_related("canton", "parroquia", "creado_por")
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


def asignaciones_de(*, usuario: Usuario) -> list[tuple[int | None, int | None]]:
    """(canton_id, sector_id) pairs a facilitator is assigned to (the AsignacionTerritorial rows
    Coordinación maintains), cached on the user object."""
    if not getattr(usuario, "is_authenticated", False):
        return []
    cache = getattr(usuario, "_asignaciones_actores", None)
    if cache is None:
        cache = list(
            AsignacionTerritorial.objects.filter(usuario=usuario).values_list(
                "canton_id", "sector_id"
            )
        )
        usuario._asignaciones_actores = cache
    return cache


def encaja_en_asignacion(
    *, usuario: Usuario, canton_id: int | None, sector_ids: Iterable[int]
) -> bool:
    """Whether an actor in this canton with these sectors falls within the user's assignments."""
    sectores = set(sector_ids)
    for a_canton, a_sector in asignaciones_de(usuario=usuario):
        if a_canton and a_canton != canton_id:
            continue
        if a_sector and a_sector not in sectores:
            continue
        return True
    return False


def describir_asignaciones(*, usuario: Usuario) -> str:
    """The user's assigned cantons and sectors, as one line of text for an error message."""
    from sie.models import Canton, Sector

    pares = asignaciones_de(usuario=usuario)
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
