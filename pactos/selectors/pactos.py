"""Reads of pactos and commitments: what the public sees, the workspace, the dashboard."""

from __future__ import annotations

import difflib
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Avg,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.http import Http404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from mesas.models import Sesion
from mesas.selectors import acuerdos_publicos

from ..models.pactos import (
    Actualizacion,
    AcuerdoDescartado,
    Compromiso,
    ContactoResponsable,
    OrigenCompromiso,
    Pacto,
    VersionPacto,
)

# Commitments are followed up once the pacto is signed.
ESTADOS_SEGUIMIENTO = (Pacto.Estado.FIRMADO, Pacto.Estado.PUBLICADO)
# Days without a progress update after which an open commitment is "silent" (the dashboard, the
# reminders and the coordinator's work queue).
DIAS_SILENCIO = settings.PORTAL_DIAS_SIN_AVANCES

# --- Public ----------------------------------------------------------------------------------


def pactos_publicados() -> QuerySet[Pacto]:
    """Only published pactos reach the public: never drafts nor pactos under discussion."""
    return Pacto.objects.filter(estado=Pacto.Estado.PUBLICADO).select_related(
        "eje", "canton", "sector"
    )


def pactos_publicados_con_resumen() -> QuerySet[Pacto]:
    return pactos_publicados().annotate(
        total_compromisos=Count("compromisos", distinct=True),
        avance_medio=Avg("compromisos__avance"),
    )


def origenes_de_fuente_publicada() -> QuerySet[OrigenCompromiso]:
    """Links of the trail whose agreement the public may read: its session's acta is published.

    Every public output of a trail (pages, API, feeds, the pacto's PDF) reads its sources from
    here; staff pages read all of them.
    """
    return OrigenCompromiso.objects.filter(acuerdo__in=acuerdos_publicos().values("pk"))


def _prefetch_origenes(*, publico: bool) -> Prefetch:
    qs = origenes_de_fuente_publicada() if publico else OrigenCompromiso.objects.all()
    return Prefetch(
        "origenes",
        queryset=qs.select_related(
            "acuerdo__sesion__mesa__canton", "acuerdo__sesion__mesa__sector"
        ),
    )


def _prefetch_lider() -> Prefetch:
    """The lead with what its public name needs (actores.selectors.nombre_publico)."""
    from actores.selectors import actores_para_publicar

    return Prefetch("lider", queryset=actores_para_publicar())


def _prefetch_socios() -> Prefetch:
    """Partners are organisations; a person is never shown as one."""
    from actores.models import Actor

    return Prefetch("socios", queryset=Actor.objects.filter(naturaleza="organizacion"))


def _ultima_actualizacion_id():
    return Subquery(
        Actualizacion.objects.filter(compromiso=OuterRef("pk"))
        .order_by("-fecha", "-pk")
        .values("pk")[:1],
        output_field=IntegerField(),
    )


def compromisos_con_relaciones(qs: QuerySet[Compromiso], *, publico: bool) -> QuerySet[Compromiso]:
    """The commitments with what their lists show; `publico` keeps the trail to published
    sources."""
    return (
        qs.select_related("pacto", "canton", "sector", "indicador", "meta_indicador")
        .prefetch_related(
            _prefetch_lider(), _prefetch_socios(), _prefetch_origenes(publico=publico), "hitos"
        )
        .annotate(ultima_id=_ultima_actualizacion_id())
    )


def adjuntar_ultimas_actualizaciones(compromisos: list[Compromiso]) -> list[Compromiso]:
    """One query for the latest update of every commitment of the list."""
    ids = [c.ultima_id for c in compromisos if getattr(c, "ultima_id", None)]
    ultimas = {
        a.pk: a for a in Actualizacion.objects.filter(pk__in=ids).select_related("organizacion")
    }
    for c in compromisos:
        c.ultima = ultimas.get(getattr(c, "ultima_id", None))
        c.origenes_por_mesa = origenes_por_mesa(c)
    return compromisos


def origenes_por_mesa(compromiso: Compromiso) -> list[dict]:
    """The trail grouped by table: [{"mesa": ..., "acuerdos": [(sesion, numero), ...]}]."""
    grupos: dict[int, dict] = {}
    for origen in compromiso.origenes.all():
        sesion = origen.acuerdo.sesion
        grupo = grupos.setdefault(sesion.mesa_id, {"mesa": sesion.mesa, "acuerdos": []})
        grupo["acuerdos"].append((sesion.numero, origen.acuerdo.numero))
    for grupo in grupos.values():
        grupo["acuerdos"].sort()
    return list(grupos.values())


def pacto_publico(*, slug: str) -> Pacto:
    try:
        return pactos_publicados().prefetch_related("firmantes__organizacion").get(slug=slug)
    except Pacto.DoesNotExist:
        raise Http404(_("No hay un pacto publicado con esa dirección.")) from None


def filtrar_compromisos(
    qs: QuerySet[Compromiso], filtros: dict, *, publico: bool = False
) -> QuerySet[Compromiso]:
    """Filters of the lists; for the public, a table's canton or sector counts only through
    agreements of published sessions."""
    origenes = origenes_de_fuente_publicada() if publico else OrigenCompromiso.objects.all()
    if filtros.get("canton"):
        de_mesas = origenes.filter(acuerdo__sesion__mesa__canton__codigo=filtros["canton"])
        qs = qs.filter(
            Q(canton__codigo=filtros["canton"]) | Q(pk__in=de_mesas.values("compromiso_id"))
        )
    if filtros.get("sector"):
        de_mesas = origenes.filter(acuerdo__sesion__mesa__sector__slug=filtros["sector"])
        qs = qs.filter(
            Q(sector__slug=filtros["sector"]) | Q(pk__in=de_mesas.values("compromiso_id"))
        )
    if filtros.get("estado"):
        qs = qs.filter(estado=filtros["estado"])
    if filtros.get("eje"):
        qs = qs.filter(pacto__eje__codigo=filtros["eje"])
    if filtros.get("responsable"):
        # A subquery, not a join: a join would repeat the commitment once per partner and
        # weigh the dashboard's averages and sums by it.
        socios = Compromiso.socios.through.objects.filter(actor_id=filtros["responsable"])
        qs = qs.filter(
            Q(lider_id=filtros["responsable"]) | Q(pk__in=socios.values("compromiso_id"))
        )
    if filtros.get("pacto"):
        qs = qs.filter(pacto_id=filtros["pacto"])
    if filtros.get("vencidos"):
        qs = qs.filter(plazo__lt=timezone.localdate()).exclude(
            estado__in=Compromiso.ESTADOS_CERRADOS
        )
    if filtros.get("atrasados"):
        qs = qs.filter(atrasados_q()).exclude(estado__in=Compromiso.ESTADOS_CERRADOS)
    if filtros.get("sin_contacto"):
        qs = qs.exclude(estado__in=Compromiso.ESTADOS_CERRADOS).filter(sin_contacto_q())
    return qs


def atrasados_q(hoy=None) -> Q:
    """Overdue, or silent for DIAS_SILENCIO days (never updated: counted from the signature)."""
    hoy = hoy or timezone.localdate()
    limite = timezone.now() - timedelta(days=DIAS_SILENCIO)
    return (
        Q(plazo__lt=hoy)
        | Q(ultima_actualizacion__lt=limite)
        | Q(
            ultima_actualizacion__isnull=True,
            pacto__fecha_firma__lt=hoy - timedelta(days=DIAS_SILENCIO),
        )
    )


def sin_contacto_q() -> Q:
    """The lead organisation has no active contact person with an e-mail: no reminder reaches it."""
    contactos = ContactoResponsable.objects.filter(
        actor_id=OuterRef("lider_id"), usuario__is_active=True
    ).exclude(usuario__email="")
    return Q(lider__isnull=False) & ~Exists(contactos)


def compromisos_en_seguimiento(*, filtros: dict) -> QuerySet[Compromiso]:
    """The dashboard's filter over the commitments in follow-up, with their pacto and lead (the
    work queue's entries: one query, no prefetch)."""
    qs = Compromiso.objects.filter(pacto__estado__in=ESTADOS_SEGUIMIENTO)
    return (
        filtrar_compromisos(qs, filtros)
        .select_related("pacto", "lider")
        .order_by("plazo", "pacto", "numero")
    )


COMPROMISOS_POR_PAGINA = 25


def compromisos_de_pacto_publico_pagina(*, pacto: Pacto, filtros: dict, numero) -> Page:
    """One page of the pacto's public commitments: the page costs the same with 20 or 2,000."""
    qs = filtrar_compromisos(pacto.compromisos.all(), filtros, publico=True).order_by("numero")
    pagina = Paginator(qs, COMPROMISOS_POR_PAGINA).get_page(numero)
    pagina.object_list = adjuntar_ultimas_actualizaciones(
        list(compromisos_con_relaciones(pagina.object_list, publico=True))
    )
    return pagina


def compromisos_publicados() -> QuerySet[Compromiso]:
    return Compromiso.objects.filter(pacto__estado=Pacto.Estado.PUBLICADO)


def compromiso_publico(*, slug: str, numero: int) -> Compromiso:
    qs = compromisos_con_relaciones(compromisos_publicados(), publico=True).prefetch_related(
        Prefetch(
            "actualizaciones",
            queryset=Actualizacion.objects.select_related("organizacion").order_by("-fecha"),
        ),
        "evidencias",
    )
    try:
        return qs.get(pacto__slug=slug, numero=numero)
    except Compromiso.DoesNotExist:
        raise Http404(_("No hay un compromiso publicado con esa dirección.")) from None


def rastro_compromiso(compromiso: Compromiso) -> list[dict]:
    """The public "you said, we did" timeline: agreements of published sessions, the pacto, the
    updates. The commitment comes from compromiso_publico (its trail already filtered)."""
    eventos = []
    for origen in compromiso.origenes.all():
        if origen.acuerdo.sesion.estado != Sesion.Estado.ACTA_PUBLICADA:
            continue
        acuerdo = origen.acuerdo
        sesion = acuerdo.sesion
        eventos.append(
            {
                "tipo": "acuerdo",
                "fecha": sesion.inicio,
                "titulo": _("Acuerdo %(n)s de la sesión %(s)s de la %(mesa)s")
                % {"n": acuerdo.numero, "s": sesion.numero, "mesa": sesion.mesa.nombre},
                "texto": acuerdo.texto,
                "sesion": sesion,
                "mesa": sesion.mesa,
                "url": sesion.get_public_url(),
            }
        )
    pacto = compromiso.pacto
    if pacto.fecha_firma:
        eventos.append(
            {
                "tipo": "pacto",
                "fecha": pacto.fecha_firma,
                "titulo": _("Compromiso %(n)s del pacto «%(pacto)s»")
                % {"n": compromiso.numero, "pacto": pacto},
                "texto": compromiso.texto,
            }
        )
    for actualizacion in compromiso.actualizaciones.all():
        eventos.append(
            {
                "tipo": "actualizacion",
                "fecha": actualizacion.fecha,
                "titulo": _("Actualización: %(estado)s, %(avance)s %%")
                % {"estado": actualizacion.get_estado_display(), "avance": actualizacion.avance},
                "texto": actualizacion.texto,
            }
        )

    def clave(evento):
        fecha = evento["fecha"]
        return fecha.date() if hasattr(fecha, "date") else fecha

    return sorted(eventos, key=clave)


def actualizaciones_publicas(*, limite: int = 50) -> QuerySet[Actualizacion]:
    return (
        Actualizacion.objects.filter(compromiso__pacto__estado=Pacto.Estado.PUBLICADO)
        .select_related("compromiso__pacto", "organizacion")
        .order_by("-fecha")[:limite]
    )


def actualizaciones_publicas_de_pacto(*, pacto_id: int, desde) -> QuerySet[Actualizacion]:
    """Follow-up entries of a published pacto's commitments since `desde` (for digests)."""
    return (
        Actualizacion.objects.filter(
            compromiso__pacto_id=pacto_id,
            compromiso__pacto__estado=Pacto.Estado.PUBLICADO,
            fecha__gte=desde,
        )
        .select_related("compromiso__pacto")
        .order_by("fecha", "pk")
    )


# --- Staff -----------------------------------------------------------------------------------


def pactos_para_gestion() -> QuerySet[Pacto]:
    return Pacto.objects.select_related("eje", "canton", "sector").annotate(
        total_compromisos=Count("compromisos", distinct=True)
    )


def pactos_en_seguimiento() -> QuerySet[Pacto]:
    """The signed or published pactos whose commitments take progress, with their short address
    (what the progress import's "pacto" column holds)."""
    return (
        Pacto.objects.filter(estado__in=ESTADOS_SEGUIMIENTO)
        .annotate(total_compromisos=Count("compromisos"))
        .order_by("titulo")
        .only("titulo", "slug")
    )


def pacto_para_gestion(*, pk: int) -> Pacto:
    try:
        return (
            Pacto.objects.select_related("eje", "canton", "sector", "creado_por")
            .prefetch_related("firmantes__organizacion")
            .get(pk=pk)
        )
    except Pacto.DoesNotExist:
        raise Http404(_("No existe ese pacto.")) from None


def acuerdos_para_consolidar(*, pacto: Pacto, filtros: dict):
    """Every agreement of the axis' tables, with where it went (or why it did not)."""
    from mesas.models import Acuerdo

    qs = Acuerdo.objects.filter(sesion__mesa__tipo=pacto.eje.codigo)
    if pacto.canton_id:
        qs = qs.filter(sesion__mesa__canton_id=pacto.canton_id)
    if pacto.sector_id:
        qs = qs.filter(sesion__mesa__sector_id=pacto.sector_id)
    if filtros.get("mesa"):
        qs = qs.filter(sesion__mesa_id=filtros["mesa"])
    if filtros.get("canton"):
        qs = qs.filter(
            Q(sesion__mesa__canton__codigo=filtros["canton"])
            | Q(sesion__mesa__sector__cantones__codigo=filtros["canton"])
        ).distinct()
    if filtros.get("sector"):
        qs = qs.filter(sesion__mesa__sector__slug=filtros["sector"])
    if filtros.get("q"):
        qs = qs.filter(
            Q(texto__icontains=filtros["q"]) | Q(resultado_esperado__icontains=filtros["q"])
        )
    en_pacto = OrigenCompromiso.objects.filter(acuerdo=OuterRef("pk"), compromiso__pacto=pacto)
    descartado = AcuerdoDescartado.objects.filter(acuerdo=OuterRef("pk"), pacto=pacto)
    qs = qs.annotate(incorporado=Exists(en_pacto), descartado=Exists(descartado))
    estado = filtros.get("estado")
    if estado == "pendiente":
        qs = qs.filter(incorporado=False, descartado=False)
    elif estado == "incorporado":
        qs = qs.filter(incorporado=True)
    elif estado == "descartado":
        qs = qs.filter(descartado=True)
    return (
        qs.select_related("sesion__mesa__canton", "sesion__mesa__sector")
        .prefetch_related(
            Prefetch(
                "origenes_compromiso",
                queryset=OrigenCompromiso.objects.filter(compromiso__pacto=pacto).select_related(
                    "compromiso"
                ),
                to_attr="en_este_pacto",
            ),
            Prefetch(
                "descartes_pacto",
                queryset=AcuerdoDescartado.objects.filter(pacto=pacto),
                to_attr="descarte_en_este_pacto",
            ),
            Prefetch(
                "origenes_compromiso",
                queryset=OrigenCompromiso.objects.exclude(compromiso__pacto=pacto)
                .select_related("compromiso__pacto")
                .order_by("compromiso__pacto__titulo", "compromiso__numero"),
                to_attr="en_otros_pactos",
            ),
        )
        .order_by("sesion__mesa__orden", "sesion__numero", "numero")
    )


def acuerdos_elegidos(*, pacto: Pacto, ids) -> list:
    """The agreements of the axis' tables among `ids` (as typed in a link), in the workspace's
    order; anything else in the list is ignored."""
    from mesas.models import Acuerdo

    numeros = [int(i) for i in ids if str(i).isdigit()]
    return list(
        Acuerdo.objects.filter(pk__in=numeros, sesion__mesa__tipo=pacto.eje.codigo)
        .select_related("sesion__mesa")
        .order_by("sesion__mesa__orden", "sesion__numero", "numero")
    )


def titulo_propuesto(acuerdo) -> str:
    """A commitment's title proposed from one agreement: its first sentence, kept short."""
    primera = acuerdo.texto.strip().splitlines()[0] if acuerdo.texto.strip() else ""
    primera = primera.split(". ")[0].strip().rstrip(".")
    return Truncator(primera).chars(120)


def linea_propuesta(acuerdo) -> str:
    """One agreement as a line of the proposed commitment text, with where it was agreed."""
    return _("- %(texto)s (%(mesa)s, sesión %(sesion)s, acuerdo %(numero)s)") % {
        "texto": " ".join(acuerdo.texto.split()),
        "mesa": acuerdo.sesion.mesa.nombre,
        "sesion": acuerdo.sesion.numero,
        "numero": acuerdo.numero,
    }


def con_propuesta(acuerdos) -> list:
    """The agreements, each with the `titulo_propuesto` and `linea_propuesta` the consolidation
    page's script drafts a commitment from."""
    acuerdos = list(acuerdos)
    for acuerdo in acuerdos:
        acuerdo.titulo_propuesto = titulo_propuesto(acuerdo)
        acuerdo.linea_propuesta = linea_propuesta(acuerdo)
    return acuerdos


def propuesta_de_compromiso(*, acuerdos: list) -> dict:
    """The title and text a commitment starts from when these agreements are chosen; the
    consolidation page's script builds the same from each row's `titulo_propuesto` and
    `linea_propuesta`."""
    if not acuerdos:
        return {"titulo": "", "texto": ""}
    return {
        "titulo": titulo_propuesto(acuerdos[0]),
        "texto": "\n".join(linea_propuesta(a) for a in acuerdos),
    }


def compromisos_de_pacto(*, pacto: Pacto, publico: bool = False) -> list[Compromiso]:
    """The pacto's commitments; `publico` (its PDF) keeps the trail to published sources."""
    return adjuntar_ultimas_actualizaciones(
        list(
            compromisos_con_relaciones(pacto.compromisos.all(), publico=publico).order_by("numero")
        )
    )


def compromiso_para_gestion(*, pk: int) -> Compromiso:
    qs = compromisos_con_relaciones(Compromiso.objects.all(), publico=False).prefetch_related(
        Prefetch(
            "actualizaciones",
            queryset=Actualizacion.objects.select_related("autor", "organizacion"),
        ),
        "evidencias",
    )
    try:
        return qs.get(pk=pk)
    except Compromiso.DoesNotExist:
        raise Http404(_("No existe ese compromiso.")) from None


def actores_de_usuario(*, user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_actores_responsable", None)
    if cache is None:
        cache = list(
            ContactoResponsable.objects.filter(usuario=user).values_list("actor_id", flat=True)
        )
        user._actores_responsable = cache
    return cache


def organizacion_que_informa(*, compromiso: Compromiso, user):
    """On whose behalf the user reports: the lead if they report for it, else their partner."""
    propios = set(actores_de_usuario(user=user))
    if compromiso.lider_id in propios:
        return compromiso.lider
    return compromiso.socios.filter(pk__in=propios).first()


def compromisos_de_usuario(*, user) -> list[Compromiso]:
    """Commitments of signed pactos whose lead or partner this user reports for."""
    actores = actores_de_usuario(user=user)
    qs = Compromiso.objects.filter(pacto__estado__in=ESTADOS_SEGUIMIENTO).filter(
        Q(lider_id__in=actores) | Q(socios__id__in=actores)
    )
    qs = compromisos_con_relaciones(qs.distinct(), publico=False).order_by(
        "plazo", "pacto", "numero"
    )
    return adjuntar_ultimas_actualizaciones(list(qs))


def version_diferencias(*, anterior: VersionPacto, posterior: VersionPacto) -> list[dict]:
    """A readable diff per section: lines kept, added and removed (difflib)."""
    secciones = [
        ("titulo", _("Título")),
        ("preambulo", _("Preámbulo")),
        ("estrategia", _("Estrategia")),
        ("objetivos", _("Objetivos")),
        ("compromisos", _("Compromisos")),
    ]
    resultado = []
    for campo, nombre in secciones:
        a = (getattr(anterior, campo) or "").splitlines()
        b = (getattr(posterior, campo) or "").splitlines()
        if a == b:
            continue
        lineas = []
        for linea in difflib.ndiff(a, b):
            codigo, texto = linea[:2], linea[2:]
            if codigo == "? ":
                continue
            tipo = {"+ ": "anadida", "- ": "quitada"}.get(codigo, "igual")
            lineas.append({"tipo": tipo, "texto": texto})
        resultado.append({"campo": campo, "nombre": nombre, "lineas": lineas})
    return resultado


# --- Dashboard -------------------------------------------------------------------------------


def _por_grupo(qs: QuerySet[Compromiso], campos: tuple[str, ...], orden: tuple[str, ...], **extra):
    """Commitments counted (and their progress averaged) per value of campos."""
    return list(
        qs.order_by()
        .values(*campos)
        .annotate(n=Count("pk", distinct=True), avance=Avg("avance"), **extra)
        .order_by(*orden)
    )


def _avance_por_mes(qs: QuerySet[Compromiso]) -> list[dict]:
    """Progress over time: average reported progress per month."""
    meses = (
        Actualizacion.objects.filter(compromiso__in=qs.values("pk"))
        .order_by()
        .values("fecha__year", "fecha__month")
        .annotate(avance=Avg("avance"), n=Count("pk"))
        .order_by("fecha__year", "fecha__month")
    )
    return [
        {
            "mes": f"{f['fecha__year']}-{f['fecha__month']:02d}",
            "avance": round(f["avance"] or 0),
            "n": f["n"],
        }
        for f in meses
    ]


def tablero(*, filtros: dict) -> dict:
    """Figures of the coordinators' dashboard, in a fixed number of queries."""
    hoy = timezone.localdate()
    qs = filtrar_compromisos(
        Compromiso.objects.filter(pacto__estado__in=ESTADOS_SEGUIMIENTO), filtros
    )
    abiertos = ~Q(estado__in=Compromiso.ESTADOS_CERRADOS)
    vencidos = Count("pk", filter=abiertos & Q(plazo__lt=hoy), distinct=True)
    silencio = timezone.now() - timedelta(days=DIAS_SILENCIO)
    totales = qs.aggregate(
        total=Count("pk", distinct=True),
        vencidos=vencidos,
        silenciosos=Count(
            "pk",
            filter=abiertos
            & (Q(ultima_actualizacion__lt=silencio) | Q(ultima_actualizacion__isnull=True)),
            distinct=True,
        ),
        avance=Avg("avance"),
        presupuesto=Sum("presupuesto"),
    )
    por_estado = {
        f["estado"]: f["n"]
        for f in qs.order_by().values("estado").annotate(n=Count("pk", distinct=True))
    }
    eje = ("pacto__eje__codigo", "pacto__eje__nombre")
    return {
        "totales": totales,
        "por_estado": [
            {"estado": valor, "nombre": nombre, "n": por_estado.get(valor, 0)}
            for valor, nombre in Compromiso.Estado.choices
        ],
        "por_eje": _por_grupo(qs, eje, ("pacto__eje__codigo",)),
        "por_canton": _por_grupo(qs, ("canton__nombre",), ("canton__nombre",)),
        "por_responsable": _por_grupo(
            qs, ("lider_id", "lider__nombre"), ("-n", "lider__nombre"), vencidos=vencidos
        ),
        "por_mes": _avance_por_mes(qs),
        "hoy": hoy,
    }


def compromisos_del_tablero(*, filtros: dict) -> QuerySet[Compromiso]:
    qs = filtrar_compromisos(
        Compromiso.objects.filter(pacto__estado__in=ESTADOS_SEGUIMIENTO), filtros
    )
    return (
        qs.select_related("pacto__eje", "lider", "canton", "sector")
        .prefetch_related("socios")
        .order_by("plazo", "pacto", "numero")
    )


# --- Progress report -------------------------------------------------------------------------


def pactos_firmados(*, desde=None, hasta=None) -> QuerySet[Pacto]:
    """Pactos signed (in follow-up: signed or published) with their signature date in
    desde..hasta, counted as the staff list counts them (total_compromisos)."""
    qs = pactos_para_gestion().filter(estado__in=ESTADOS_SEGUIMIENTO, fecha_firma__isnull=False)
    if desde is not None:
        qs = qs.filter(fecha_firma__gte=desde)
    if hasta is not None:
        qs = qs.filter(fecha_firma__lte=hasta)
    return qs.order_by("fecha_firma", "titulo")


def compromisos_por_estado(*, pactos: QuerySet[Pacto]) -> list[dict]:
    """Commitments of these pactos per state, in the dashboard's shape (tablero's por_estado)."""
    por_estado = dict(
        Compromiso.objects.filter(pacto__in=pactos.values("pk"))
        .order_by()
        .values_list("estado")
        .annotate(n=Count("pk"))
    )
    return [
        {"estado": valor, "nombre": nombre, "n": por_estado.get(valor, 0)}
        for valor, nombre in Compromiso.Estado.choices
    ]


# --- Organisations' contact persons ----------------------------------------------------------


def contactos_de_organizacion(*, actor) -> QuerySet[ContactoResponsable]:
    return actor.contactos_responsable.select_related("usuario").order_by(
        "usuario__first_name", "usuario__last_name", "usuario__username"
    )


def candidatos_contacto(*, actor) -> QuerySet:
    """Active accounts with an e-mail that are not yet contacts of this organisation."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .exclude(contactos_responsable__actor=actor)
        .order_by("first_name", "last_name", "username")
    )
