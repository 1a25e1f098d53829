"""Reads of mesas: what the public sees, what each facilitator works on, and the acta's content."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from actores.models import Actor, Membresia
from actores.selectors import (
    A_TITULO_PERSONAL,
    actores_para_publicar,
    nombre_publico,
    nombres_publicos,
)
from actores.validadores import normalizar_nombre
from canales.models import MensajeCanal
from canales.selectors import conversacion_de
from core.documentos import documento_de, documentos_de
from core.models import Documento
from core.roles import Rol
from core.rules import es_coordinador

from .models import (
    Acuerdo,
    Asistencia,
    CambioSesion,
    Intervencion,
    Invitacion,
    Mesa,
    Sesion,
)
from .papel import anexos_del_acta

PUBLICADA = Sesion.Estado.ACTA_PUBLICADA
TIPO_ACTA = "acta"  # the acta for signature, kept by the programme: every name
TIPO_ACTA_PUBLICA = "acta_publica"  # the published acta: names only with consent


# --- Public ----------------------------------------------------------------------------------


def mesas_publicas() -> QuerySet[Mesa]:
    return Mesa.objects.select_related("canton", "sector").annotate(
        # Both counts join their own relation: distinct, or members multiply the actas.
        n_sesiones_publicadas=Count(
            "sesiones", filter=Q(sesiones__estado=PUBLICADA), distinct=True
        ),
        n_miembros=Count("miembros", distinct=True),
    )


def _conteo(modelo) -> Coalesce:
    """Rows of modelo of each session, as a subquery: computed only for the sessions shown."""
    return Coalesce(
        Subquery(
            modelo.objects.filter(sesion=OuterRef("pk"))
            .order_by()
            .values("sesion")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _con_conteos(qs: QuerySet[Sesion]) -> QuerySet[Sesion]:
    return qs.annotate(
        n_asistentes=_conteo(Asistencia),
        n_acuerdos=_conteo(Acuerdo),
        n_intervenciones=_conteo(Intervencion),
    )


def sesiones_publicadas() -> QuerySet[Sesion]:
    qs = Sesion.objects.filter(estado=PUBLICADA).select_related(
        "mesa__canton", "mesa__sector", "parroquia__canton"
    )
    return _con_conteos(qs).order_by("-inicio")


def sesiones_publicadas_de(*, mesa: Mesa) -> QuerySet[Sesion]:
    return sesiones_publicadas().filter(mesa=mesa).order_by("numero")


def sesiones_proximas_de_mesa(*, mesa: Mesa, limite: int = 3) -> list[Sesion]:
    """The next sessions of a table, planned ones too, for its public page: what the public
    agenda shows of them (date, place, modality), never who is invited."""
    return list(
        Sesion.objects.filter(mesa=mesa, inicio__gte=timezone.now())
        .exclude(estado=Sesion.Estado.CANCELADA)
        .select_related("parroquia")
        .order_by("inicio", "pk")[:limite]
    )


def actas_publicadas_de_mesa(*, mesa_id: int, desde) -> QuerySet[Sesion]:
    """Sessions of a table whose acta was published since `desde` (for a follower's digest)."""
    return (
        Sesion.objects.filter(mesa_id=mesa_id, estado=PUBLICADA, publicada_en__gte=desde)
        .select_related("mesa")
        .order_by("publicada_en", "pk")
    )


def sesiones_convocadas_de_mesa(*, mesa_id: int, desde) -> QuerySet[Sesion]:
    """Upcoming sessions of a table scheduled since `desde`, cancelled ones left out: what the
    public agenda shows of them (date, place, modality), for a follower's digest."""
    return (
        Sesion.objects.filter(mesa_id=mesa_id, creada__gte=desde, inicio__gte=timezone.now())
        .exclude(estado=Sesion.Estado.CANCELADA)
        .select_related("mesa", "parroquia")
        .order_by("inicio", "pk")
    )


def sesion_publicada(*, slug: str, numero: int) -> Sesion:
    return sesiones_publicadas().get(mesa__slug=slug, numero=numero)


def acuerdos_publicos(*, mesa: Mesa | None = None) -> QuerySet[Acuerdo]:
    qs = Acuerdo.objects.filter(sesion__estado=PUBLICADA).select_related("sesion__mesa")
    if mesa is not None:
        qs = qs.filter(sesion__mesa=mesa)
    return qs.prefetch_related(Prefetch("responsables", queryset=actores_para_publicar())).order_by(
        "sesion__inicio", "numero"
    )


def con_responsables_publicos(*, acuerdos: list[Acuerdo]) -> list[Acuerdo]:
    """Set acuerdo.responsables_publicos: names under the consent rule, where a person stands as
    the organisation they attended that session for (one query for all the agreements)."""
    representadas = organizaciones_representadas(sesion_ids={a.sesion_id for a in acuerdos})
    for acuerdo in acuerdos:
        acuerdo.responsables_publicos = nombres_publicos(
            actores=acuerdo.responsables.all(),
            organizaciones=representadas.get(acuerdo.sesion_id, {}),
        )
    return acuerdos


def organizaciones_representadas(*, sesion_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """{sesion pk: {actor pk: name of the organisation they attended for}}, in one query; an
    attendance without organisation (in their own name) maps to A_TITULO_PERSONAL."""
    resultado: dict[int, dict[int, str]] = defaultdict(dict)
    if not sesion_ids:
        return resultado
    filas = Asistencia.objects.filter(sesion_id__in=list(sesion_ids)).values_list(
        "sesion_id", "actor_id", "organizacion__nombre"
    )
    for sesion_id, actor_id, organizacion in filas:
        resultado[sesion_id][actor_id] = organizacion or A_TITULO_PERSONAL
    return resultado


def participacion(*, sesiones: QuerySet[Sesion]) -> dict:
    """Participation figures of a set of sessions, counted in attendances (one person at one
    session: who came to three sessions counts three times; `personas` counts them once).

    Each breakdown (por_canton, por_sector, por_genero) adds up to `asistencias`, with a
    "Sin dato" row for the attendances whose canton, sector or gender is not recorded.
    """
    asistencias = Asistencia.objects.filter(sesion__in=sesiones.values("pk")).order_by()
    totales = asistencias.aggregate(
        asistencias=Count("pk"),
        personas=Count("actor", distinct=True),
        organizaciones=Count("organizacion", distinct=True),
    )
    por_genero: Counter = Counter(
        dict(asistencias.values_list("actor__genero").annotate(n=Count("pk")))
    )
    genero = Actor.Genero
    canton = Coalesce("actor__canton__nombre", "organizacion__canton__nombre")
    por_canton: Counter = Counter(
        dict(asistencias.annotate(c=canton).values_list("c").annotate(n=Count("pk")))
    )
    return {
        **totales,
        "mujeres": por_genero[genero.MUJER],
        "hombres": por_genero[genero.HOMBRE],
        "otro_genero": por_genero[genero.OTRO] + por_genero[genero.NO_INFORMA] + por_genero[""],
        "por_genero": [
            (_("Mujeres"), por_genero[genero.MUJER]),
            (_("Hombres"), por_genero[genero.HOMBRE]),
            (_("Otro"), por_genero[genero.OTRO]),
            (_("Prefiere no informar"), por_genero[genero.NO_INFORMA]),
            (_("Sin dato"), por_genero[""] + por_genero[None]),
        ],
        "por_sector": _con_sin_dato(_asistencias_por_sector(asistencias)),
        "por_canton": _con_sin_dato(por_canton),
    }


VARIOS = "<varios>"  # key of the attendances whose actor has several sectors


def _con_sin_dato(conteo: Counter) -> list[tuple[str, int]]:
    """Known values by count, then "Varios sectores" and "Sin dato" (always shown) last."""
    conteo = Counter(conteo)
    sin_dato = conteo.pop(None, 0) + conteo.pop("", 0)
    varios = conteo.pop(VARIOS, 0)
    filas = sorted(conteo.items(), key=lambda x: (-x[1], x[0]))
    if varios:
        filas.append((_("Varios sectores"), varios))
    return [*filas, (_("Sin dato"), sin_dato)]


def _asistencias_por_sector(asistencias: QuerySet[Asistencia]) -> Counter:
    """Attendances per sector, each counted once: the sector of the organisation represented,
    else the person's own. An actor of several sectors at a sectoral table counts for the
    table's sector when it is one of them, else under "Varios sectores"; no sector: None."""
    filas = list(
        asistencias.values_list("actor_id", "organizacion_id", "sesion__mesa__sector__nombre")
    )
    actores = {a for a, _o, _m in filas} | {o for _a, o, _m in filas if o}
    sectores: defaultdict[int, set[str]] = defaultdict(set)
    for actor_id, nombre in Actor.sectores.through.objects.filter(actor_id__in=actores).values_list(
        "actor_id", "sector__nombre"
    ):
        sectores[actor_id].add(nombre)
    conteo: Counter = Counter()
    for actor_id, organizacion_id, sector_mesa in filas:
        suyos = sectores.get(organizacion_id) or sectores.get(actor_id) or set()
        if len(suyos) == 1:
            conteo[next(iter(suyos))] += 1
        elif sector_mesa in suyos:
            conteo[sector_mesa] += 1
        else:
            conteo[VARIOS if suyos else None] += 1
    return conteo


# --- Staff -----------------------------------------------------------------------------------


def mesas_de(*, usuario: AbstractBaseUser) -> QuerySet[Mesa]:
    """The tables this user works on: all for coordinators, the assigned ones for facilitators."""
    qs = Mesa.objects.select_related("canton", "sector")
    if not es_coordinador(usuario):
        qs = qs.filter(facilitadores=usuario)
    return qs.annotate(
        n_sesiones=Count(
            "sesiones", filter=~Q(sesiones__estado=Sesion.Estado.CANCELADA), distinct=True
        ),
        n_miembros=Count("miembros", distinct=True),
    )


def sesiones_de(*, usuario: AbstractBaseUser) -> QuerySet[Sesion]:
    qs = Sesion.objects.select_related("mesa", "parroquia__canton")
    if not es_coordinador(usuario):
        qs = qs.filter(mesa__facilitadores=usuario)
    return qs


def sesiones_proximas(*, usuario: AbstractBaseUser) -> QuerySet[Sesion]:
    """Sessions still to come of the tables this user works on, soonest first."""
    return (
        sesiones_de(usuario=usuario)
        .filter(inicio__gte=timezone.now(), estado__in=Sesion.ESTADOS_EDITABLES)
        .order_by("inicio", "pk")
    )


def sesiones_por_cerrar(*, usuario: AbstractBaseUser) -> QuerySet[Sesion]:
    """Sessions whose date has passed and are still open: waiting to be closed."""
    return (
        sesiones_de(usuario=usuario)
        .filter(inicio__lt=timezone.now(), estado__in=Sesion.ESTADOS_EDITABLES)
        .order_by("inicio", "pk")
    )


def actas_por_publicar(*, usuario: AbstractBaseUser) -> QuerySet[Sesion]:
    """Closed sessions whose acta is not published yet."""
    return (
        sesiones_de(usuario=usuario).filter(estado=Sesion.Estado.CERRADA).order_by("inicio", "pk")
    )


def panel_facilitacion(*, usuario: AbstractBaseUser) -> dict:
    return {
        "mesas": list(mesas_de(usuario=usuario)),
        "proximas": list(sesiones_proximas(usuario=usuario)[:10]),
        "por_cerrar": list(sesiones_por_cerrar(usuario=usuario)),
        "por_publicar": list(actas_por_publicar(usuario=usuario)),
    }


def mesas_internas() -> QuerySet[Mesa]:
    """Tables with their facilitators and members, for their staff pages."""
    return Mesa.objects.select_related("canton", "sector").prefetch_related(
        "facilitadores",
        Prefetch("miembros", queryset=Actor.objects.only("pk", "nombre", "naturaleza")),
    )


def sesiones_de_mesa(*, mesa: Mesa) -> QuerySet[Sesion]:
    return _con_conteos(mesa.sesiones.select_related("parroquia__canton")).order_by("numero")


def sesiones_con_mesa() -> QuerySet[Sesion]:
    return Sesion.objects.select_related("mesa__canton", "mesa__sector", "parroquia__canton")


def registro_de_sesion(*, sesion: Sesion) -> dict:
    """Everything the recording page lists, each list in one query."""
    asistencias = list(
        sesion.asistencias.select_related("actor", "organizacion")
        # removing someone who spoke asks first what becomes of their interventions
        .annotate(
            n_intervenciones=Count(
                "actor__intervenciones_mesa",
                filter=Q(actor__intervenciones_mesa__sesion=sesion),
            )
        )
        .order_by("-registrada", "-pk")
    )
    return {
        # by time, then in the order typed (PuntoAgenda.Meta.ordering)
        "agenda": list(sesion.agenda.all()),
        "asistencias": asistencias,
        "intervenciones": list(
            sesion.intervenciones.select_related("actor", "punto").order_by("-registrada", "-pk")
        ),
        "acuerdos": list(
            sesion.acuerdos.select_related("indicador").prefetch_related(
                Prefetch("responsables", queryset=Actor.objects.only("pk", "nombre"))
            )
        ),
        "prioridades": list(sesion.prioridades.all()),
        "temas": list(sesion.temas_pendientes.all()),
        "invitaciones": con_mensajes_de_texto(list(sesion.invitaciones.select_related("actor"))),
    }


def con_mensajes_de_texto(invitaciones: list[Invitacion]) -> list[Invitacion]:
    """Each invitation with `mensaje_texto`: the latest SMS or WhatsApp about it (or None), in
    one query for the whole list."""
    ultimos: dict[int, MensajeCanal] = {}
    for mensaje in (
        conversacion_de(invitaciones)
        .filter(direccion=MensajeCanal.Direccion.SALIENTE)
        .order_by("creado_en", "pk")
    ):
        ultimos[mensaje.objeto_id] = mensaje
    for invitacion in invitaciones:
        invitacion.mensaje_texto = ultimos.get(invitacion.pk)
    return invitaciones


def candidatos_asistencia(*, sesion: Sesion) -> QuerySet[Actor]:
    """Members first, then every active person of the map, for the attendance picker."""
    return (
        Actor.objects.filter(activo=True, naturaleza=Actor.Naturaleza.PERSONA)
        .exclude(asistencias_mesa__sesion=sesion)
        .annotate(es_miembro=Count("mesas", filter=Q(mesas=sesion.mesa_id)))
        .only("pk", "nombre")
        .order_by("-es_miembro", "nombre")
    )


def organizaciones() -> QuerySet[Actor]:
    return Actor.objects.filter(activo=True, naturaleza=Actor.Naturaleza.ORGANIZACION).only(
        "pk", "nombre"
    )


def convocables(*, sesion: Sesion) -> QuerySet[Actor]:
    return (
        Actor.objects.filter(activo=True)
        .exclude(invitaciones_mesa__sesion=sesion)
        .annotate(es_miembro=Count("mesas", filter=Q(mesas=sesion.mesa_id)))
        .only("pk", "nombre", "email")
        .order_by("-es_miembro", "nombre")
    )


def invitacion_por_token(*, token: uuid.UUID | str) -> Invitacion:
    return Invitacion.objects.select_related(
        "sesion__mesa", "sesion__parroquia__canton", "actor"
    ).get(token=token)


# --- The acta --------------------------------------------------------------------------------


def _asistentes_del_acta(sesion: Sesion, *, publica: bool) -> tuple[list[Asistencia], dict]:
    """The attendances with the name the acta shows, and whom each person represented."""
    asistentes = list(
        Asistencia.objects.filter(sesion=sesion)
        .select_related("organizacion")
        .prefetch_related(Prefetch("actor", queryset=actores_para_publicar()))
        .order_by("actor__nombre")
    )
    representa = {a.actor_id: a.organizacion or A_TITULO_PERSONAL for a in asistentes}
    for asistencia in asistentes:
        asistencia.nombre_mostrado = _nombre_en_acta(asistencia.actor, representa, publica=publica)
        # in public the organisation already stands in for a name that is not shown
        asistencia.organizacion_mostrada = (
            asistencia.organizacion.nombre
            if asistencia.organizacion_id
            and asistencia.nombre_mostrado != asistencia.organizacion.nombre
            else ""
        )
    if publica:
        # in the order the public reads, so a row's place gives no hint of a hidden name
        asistentes.sort(key=lambda a: (a.nombre_mostrado.casefold(), a.pk))
    return asistentes, representa


def _nombre_en_acta(actor: Actor, representa: dict, *, publica: bool) -> str:
    return (
        nombre_publico(actor=actor, organizacion=representa.get(actor.pk))
        if publica
        else actor.nombre
    )


def _intervenciones_por_punto(
    sesion: Sesion, representa: dict, *, publica: bool
) -> dict[int | None, list[Intervencion]]:
    intervenciones = (
        Intervencion.objects.filter(sesion=sesion)
        .only("pk", "tipo", "resumen", "punto_id", "actor_id", "sesion_id")
        .prefetch_related(Prefetch("actor", queryset=actores_para_publicar()))
        .order_by("registrada", "pk")
    )
    por_punto: dict[int | None, list[Intervencion]] = defaultdict(list)
    for intervencion in intervenciones:
        intervencion.nombre_mostrado = _nombre_en_acta(
            intervencion.actor, representa, publica=publica
        )
        por_punto[intervencion.punto_id].append(intervencion)
    return por_punto


def _acuerdos_del_acta(sesion: Sesion, representa: dict, *, publica: bool) -> list[Acuerdo]:
    acuerdos = list(
        Acuerdo.objects.filter(sesion=sesion)
        .select_related("indicador")
        .prefetch_related(Prefetch("responsables", queryset=actores_para_publicar()))
    )
    for acuerdo in acuerdos:
        responsables = acuerdo.responsables.all()
        acuerdo.responsables_publicos = (
            nombres_publicos(actores=responsables, organizaciones=representa)
            if publica
            else [r.nombre for r in responsables]
        )
    return acuerdos


def acta_contexto(sesion: Sesion, *, publica: bool = False) -> dict:
    """What the acta template shows, read in a fixed number of queries (no contact data).

    publica=False: the acta for signature, kept by the programme, with every name.
    publica=True: the published acta, where people appear under actores.selectors.nombre_publico.
    The session comes first and positionally: core's document registry calls contexto(fuente).
    """
    sesion = sesiones_con_mesa().get(pk=sesion.pk)
    asistentes, representa = _asistentes_del_acta(sesion, publica=publica)
    por_punto = _intervenciones_por_punto(sesion, representa, publica=publica)
    proxima = proxima_sesion(sesion=sesion)
    return {
        "sesion": sesion,
        "mesa": sesion.mesa,
        "publica": publica,
        "facilitadores": [u.get_full_name() or u.username for u in sesion.mesa.facilitadores.all()],
        "asistentes": asistentes,
        "puntos": [
            {"punto": p, "intervenciones": por_punto.get(p.pk, [])} for p in sesion.agenda.all()
        ],
        "sin_punto": por_punto.get(None, []),
        "acuerdos": _acuerdos_del_acta(sesion, representa, publica=publica),
        "prioridades": list(sesion.prioridades.all()),
        "temas": list(sesion.temas_pendientes.all()),
        "proxima": proxima,
        "organizaciones": len({a.organizacion_id for a in asistentes if a.organizacion_id}),
        # photos show faces, names and cédulas: listed in the acta for signature only
        "anexos": [] if publica else anexos_del_acta(sesion=sesion),
    }


def proxima_sesion(*, sesion: Sesion) -> Sesion | None:
    """The table's next session after this one by date, among those still to take place
    (planned or in progress; never a cancelled one)."""
    return (
        Sesion.objects.filter(
            mesa_id=sesion.mesa_id,
            inicio__gt=sesion.inicio,
            estado__in=Sesion.ESTADOS_EDITABLES,
        )
        .exclude(pk=sesion.pk)
        .select_related("parroquia__canton")
        .order_by("inicio", "pk")
        .first()
    )


def quienes_publican_actas() -> list[str]:
    """Names of who holds the Coordinación role: they review and publish the actas."""
    usuarios = (
        get_user_model()
        .objects.filter(groups__name=Rol.COORDINACION, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    return [u.get_full_name() or u.username for u in usuarios]


def acta_publica_contexto(sesion: Sesion) -> dict:
    """The published acta and the public session page: names only with consent."""
    return acta_contexto(sesion, publica=True)


def acta_actual(*, sesion: Sesion, tipo: str = TIPO_ACTA) -> Documento | None:
    """The document row of the session's current acta version (None before the first close):
    the acta for signature by default, the published one with tipo=TIPO_ACTA_PUBLICA."""
    documento = documento_de(sesion, tipo) if sesion.acta_version else None
    # a reopened and closed again session has no published acta until it is published again
    return documento if documento and documento.version == sesion.acta_version else None


def acta_publica_actual(*, sesion: Sesion) -> Documento | None:
    return acta_actual(sesion=sesion, tipo=TIPO_ACTA_PUBLICA)


def actas_publicadas(*, sesiones: list[Sesion]) -> dict[int, Documento]:
    """Current published acta document of each session, by session pk, in one query."""
    if not sesiones:
        return {}
    version = {s.pk: s.acta_version for s in sesiones}
    documentos = documentos_de(
        modelo=Sesion,
        pks=list(version),
        tipo=TIPO_ACTA_PUBLICA,  # never the acta for signature, which names everybody
    ).filter(estado=Documento.Estado.LISTO)
    return {int(d.object_id): d for d in documentos if version.get(int(d.object_id)) == d.version}


def sesiones_para_calendario(*, slug: str | None = None) -> QuerySet[Sesion]:
    """The public calendars: every session but the cancelled ones (a subscribed calendar drops
    them; who was invited got the cancellation by e-mail)."""
    qs = (
        Sesion.objects.exclude(estado=Sesion.Estado.CANCELADA)
        .select_related("mesa", "parroquia__canton")
        .order_by("inicio")
    )
    if slug is not None:
        qs = qs.filter(mesa__slug=slug)
    return qs


def sesiones_api() -> QuerySet[Sesion]:
    """Published sessions with their participation counts and agreements, for the open data API."""
    return (
        sesiones_publicadas()
        .annotate(
            n_organizaciones=Count("asistencias__organizacion", distinct=True),
            n_mujeres=Count(
                "asistencias", filter=Q(asistencias__actor__genero="mujer"), distinct=True
            ),
            n_hombres=Count(
                "asistencias", filter=Q(asistencias__actor__genero="hombre"), distinct=True
            ),
        )
        .prefetch_related(
            Prefetch(
                "acuerdos",
                queryset=Acuerdo.objects.select_related("indicador").prefetch_related(
                    Prefetch("responsables", queryset=actores_para_publicar())
                ),
            )
        )
        .order_by("-inicio", "pk")
    )


def candidatos_facilitacion(*, mesa: Mesa) -> QuerySet[AbstractBaseUser]:
    """Active people with the Facilitación role, plus whoever facilitates the table today."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name=Rol.FACILITACION, is_active=True) | Q(mesas_facilitadas=mesa)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def historial_de_sesion(*, sesion: Sesion) -> QuerySet[CambioSesion]:
    """The corrections made to what was recorded in a session, newest first."""
    return sesion.cambios.select_related("usuario").order_by("-fecha", "-pk")


# --- Attendance: search over the registry, walk-ins, the previous session ---------------------


def _membresias_actuales(*, persona_ids: Iterable[int]) -> QuerySet[Membresia]:
    """Memberships of these persons in active organisations that have not ended."""
    return (
        Membresia.objects.filter(persona_id__in=list(persona_ids), organizacion__activo=True)
        .filter(Q(hasta__isnull=True) | Q(hasta__gte=timezone.localdate()))
        .order_by(F("desde").desc(nulls_last=True), "pk")
        .values_list("persona_id", "organizacion_id", "organizacion__nombre")
    )


def organizaciones_de_membresia(
    *, persona_ids: Iterable[int], preferidas: Iterable[int] = ()
) -> dict[int, dict]:
    """{person pk: {"id", "nombre"}} of the organisation each person belongs to now, in one
    query: an organisation among `preferidas` (the table's members) first, then the latest."""
    preferidas = set(preferidas)
    resultado: dict[int, dict] = {}
    for persona_id, org_id, nombre in _membresias_actuales(persona_ids=persona_ids):
        actual = resultado.get(persona_id)
        if actual is None or (org_id in preferidas and actual["id"] not in preferidas):
            resultado[persona_id] = {"id": org_id, "nombre": nombre}
    return resultado


def personas_para_asistencia(*, sesion: Sesion) -> QuerySet[Actor]:
    """The active persons a facilitator may look for when recording this session's attendance:
    the table's members and the people of its member organisations, whoever attended one of its
    sessions, and the registry's people of its territory (the canton of a tourism table; for an
    agricultural table, which has no canton, the people of its sector)."""
    mesa = sesion.mesa
    territorio = Q(canton=mesa.canton_id) if mesa.canton_id else Q(sectores=mesa.sector_id)
    ids = (
        Actor.objects.filter(
            Q(mesas=mesa.pk)
            | Q(membresias__organizacion__mesas=mesa.pk)
            | Q(asistencias_mesa__sesion__mesa=mesa.pk)
            | territorio
        )
        .values("pk")
        .distinct()
    )
    return Actor.objects.filter(
        pk__in=ids, activo=True, naturaleza=Actor.Naturaleza.PERSONA
    ).select_related("canton")


def registro_para_asistencia(*, sesion: Sesion) -> dict:
    """What the attendance search needs, also offline (contract C4 of issue #15): the persons of
    personas_para_asistencia with their cédula and current organisation, table members first,
    and every active organisation. Personal data: only for who may record this session."""
    mesa = sesion.mesa
    miembros = set(mesa.miembros.values_list("pk", flat=True))
    personas = list(
        personas_para_asistencia(sesion=sesion).only(
            "pk", "nombre", "identificacion", "canton__nombre"
        )
    )
    organizacion = organizaciones_de_membresia(
        persona_ids=[p.pk for p in personas], preferidas=miembros
    )
    filas = []
    for p in personas:
        org = organizacion.get(p.pk)
        filas.append(
            {
                "id": p.pk,
                "nombre": p.nombre,
                "identificacion": p.identificacion,
                "organizacion": org,
                # a member, or one of the people of a member organisation
                "miembro": p.pk in miembros or (org is not None and org["id"] in miembros),
                "canton": p.canton.nombre if p.canton_id else "",
            }
        )
    filas.sort(key=lambda f: (not f["miembro"], normalizar_nombre(f["nombre"])))
    return {
        "personas": filas,
        "organizaciones": list(
            organizaciones().order_by("nombre").values("id", "nombre", "siglas")
        ),
    }


def coincidencias_de_asistente(
    *, nombres: str, apellidos: str, canton_id: int | None, identificacion: str = ""
) -> tuple[list[Actor], bool]:
    """Registry persons a walk-in may already be: the same cédula, or the same name (accents and
    case aside) in the same canton. Returns (persons, whether a cédula matched)."""
    personas = Actor.objects.filter(naturaleza=Actor.Naturaleza.PERSONA, activo=True)
    if identificacion:
        por_cedula = list(personas.filter(identificacion=identificacion)[:5])
        if por_cedula:
            return por_cedula, True
    nombre = normalizar_nombre(f"{nombres} {apellidos}")
    if not nombre:
        return [], False
    return list(personas.filter(nombre_normalizado=nombre, canton=canton_id)[:5]), False


def tipo_habitual(*, mesa: Mesa) -> str:
    """The type of actor a walk-in of this table most likely is: the commonest among the people
    who attended its sessions, never Público (a walk-in is rarely an official), else
    Comunitario."""
    fila = (
        Actor.objects.filter(
            naturaleza=Actor.Naturaleza.PERSONA, asistencias_mesa__sesion__mesa=mesa.pk
        )
        .exclude(tipo=Actor.Tipo.PUBLICO)
        .values("tipo")
        .annotate(n=Count("pk"))
        .order_by("-n", "tipo")
        .first()
    )
    return fila["tipo"] if fila else Actor.Tipo.COMUNITARIO


def sesion_anterior(*, sesion: Sesion) -> Sesion | None:
    """The table's latest session before this one that has attendees."""
    return (
        Sesion.objects.filter(mesa=sesion.mesa_id, inicio__lt=sesion.inicio)
        .exclude(pk=sesion.pk)
        .filter(asistencias__isnull=False)
        .distinct()
        .order_by("-inicio")
        .first()
    )


def asistencias_por_traer(*, sesion: Sesion) -> tuple[Sesion | None, QuerySet[Asistencia]]:
    """The previous session, and those of its attendances whose person is active and not yet
    recorded in this one."""
    anterior = sesion_anterior(sesion=sesion)
    if anterior is None:
        return None, Asistencia.objects.none()
    return anterior, (
        anterior.asistencias.filter(actor__activo=True)
        .exclude(actor__in=sesion.asistencias.values("actor"))
        .select_related("actor", "organizacion")
        .order_by("pk")
    )
