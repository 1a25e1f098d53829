"""Reads of the public consultation: what the public sees, the moderation queue, the report."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from actores.selectors import actores_para_publicar
from core.fechas import ultima_fecha
from pactos.models import Compromiso

from ..models import Comentario, Consulta, RespuestaOficial

SECCIONES = (
    Comentario.Seccion.PREAMBULO,
    Comentario.Seccion.ESTRATEGIA,
    Comentario.Seccion.OBJETIVOS,
)


def consultas_publicas() -> QuerySet[Consulta]:
    """Every consultation, open ones first, with its count of published comments."""
    return (
        Consulta.objects.select_related("version__pacto__eje")
        .annotate(
            n_comentarios=Count("comentarios", filter=Q(comentarios__estado="publicado")),
            n_respondidos=Count(
                "comentarios",
                filter=Q(comentarios__estado="publicado", comentarios__respuesta__isnull=False),
            ),
        )
        .order_by("estado", "-abre", "-pk")
    )


def consultas_abiertas() -> QuerySet[Consulta]:
    ahora = timezone.now()
    return Consulta.objects.select_related("version__pacto").filter(
        estado=Consulta.Estado.ABIERTA, abre__lte=ahora, cierra__gt=ahora
    )


def consulta_con_version(*, pk: int) -> Consulta:
    return Consulta.objects.select_related("version__pacto__eje", "abierta_por").get(pk=pk)


def comentarios_visibles(*, consulta: Consulta) -> QuerySet[Comentario]:
    """Published and hidden comments (the page shows hidden ones as a notice, never their text)."""
    return (
        Comentario.objects.visibles()
        .filter(consulta=consulta)
        .select_related("canton", "sector", "respuesta")
        .defer("email")
        .order_by("publicado_en", "pk")
    )


def pagina_de_consulta(*, consulta: Consulta) -> dict:
    """The consulted text by section, each with its comments, and the commitments with theirs."""
    comentarios = list(comentarios_visibles(consulta=consulta))
    version = consulta.version
    secciones = []
    for seccion in SECCIONES:
        secciones.append(
            {
                "clave": seccion.value,
                "titulo": seccion.label,
                "texto": getattr(version, seccion.value),
                "comentarios": [
                    c for c in comentarios if c.destino == "seccion" and c.seccion == seccion
                ],
            }
        )
    compromisos = list(
        Compromiso.objects.filter(pacto_id=version.pacto_id)
        .select_related("canton", "sector")
        .prefetch_related(Prefetch("lider", queryset=actores_para_publicar()))
        .order_by("numero")
    )
    por_compromiso: dict[int | None, list[Comentario]] = {}
    for c in comentarios:
        if c.destino == "compromiso":
            por_compromiso.setdefault(c.compromiso_id, []).append(c)
    for compromiso in compromisos:
        compromiso.comentarios_consulta_visibles = por_compromiso.get(compromiso.pk, [])
    return {
        "secciones": secciones,
        "compromisos": compromisos,
        # Comments on a commitment that was later removed from the draft stay visible here.
        "huerfanos": por_compromiso.get(None, []),
        "generales": [c for c in comentarios if c.destino == "texto"],
        "total": sum(1 for c in comentarios if c.estado == "publicado"),
        "respondidos": sum(1 for c in comentarios if c.estado == "publicado" and c.respuesta_id),
        "actualizado": _actualizada(consulta, comentarios),
    }


def _actualizada(consulta: Consulta, comentarios: list[Comentario]):
    """When the consultation's page last changed ("Actualizado el …"): its opening or closing,
    the latest comment published or hidden, the latest official answer to one of them."""
    fechas = [consulta.abre, consulta.cerrada_en]
    for c in comentarios:
        fechas += [c.publicado_en, c.oculto_en, c.respuesta.creada if c.respuesta_id else None]
    return ultima_fecha(fechas)


def comentarios_moderacion(
    *, consulta: Consulta, estado: str = "", sin_respuesta: bool = False, tipo: str = ""
) -> QuerySet[Comentario]:
    qs = (
        Comentario.objects.filter(consulta=consulta)
        .select_related("canton", "sector", "respuesta", "usuario", "oculto_por")
        .order_by("-creado", "-pk")
    )
    if estado in Comentario.Estado.values:
        qs = qs.filter(estado=estado)
    if tipo in Comentario.Tipo.values:
        qs = qs.filter(tipo=tipo)
    if sin_respuesta:
        qs = qs.filter(respuesta__isnull=True)
    return qs


def comentarios_publicados(*, consulta: int | None = None) -> QuerySet[Comentario]:
    """Open data: published comments only, without any personal data but canton and sector."""
    qs = (
        Comentario.objects.publicados()
        .select_related("consulta__version__pacto", "canton", "sector", "respuesta")
        .only(
            "id",
            "consulta_id",
            "destino",
            "seccion",
            "compromiso_etiqueta",
            "compromiso_id",
            "tipo",
            "texto",
            "publicado_en",
            "canton__nombre",
            "sector__nombre",
            "respuesta__texto",
            "respuesta__decision",
            "respuesta__creada",
            "consulta__version__numero",
            "consulta__version__pacto__slug",
            "consulta__version__pacto__titulo",
        )  # fmt: skip
        .order_by("-publicado_en", "-pk")
    )
    if consulta:
        qs = qs.filter(consulta_id=consulta)
    return qs


def _filas(contador: Counter) -> list[dict]:
    return [{"nombre": nombre, "n": n} for nombre, n in contador.most_common()]


def informe_consulta(*, consulta: Consulta) -> dict:
    """Who took part, from where, what they proposed and what went into the next version."""
    todos = list(
        Comentario.objects.filter(consulta=consulta)
        .exclude(estado=Comentario.Estado.PENDIENTE)
        .select_related("canton", "sector", "respuesta", "usuario")
        .order_by("pk")
    )
    publicados = [c for c in todos if c.estado == Comentario.Estado.PUBLICADO]
    # Who took part: the authors of published comments (hidden ones are moderated out).
    personas = {(c.usuario_id and f"u{c.usuario_id}") or c.email for c in publicados}
    sin_dato = gettext("Sin indicar")
    cantones = Counter(c.canton.nombre if c.canton else sin_dato for c in publicados)
    sectores = Counter(c.sector.nombre if c.sector else sin_dato for c in publicados)
    tipos = Counter(c.get_tipo_display() for c in publicados)
    destinos = Counter(c.destino_texto for c in publicados)
    respuestas = list(
        RespuestaOficial.objects.filter(consulta=consulta)
        .prefetch_related(
            Prefetch("comentarios", queryset=Comentario.objects.select_related("canton"))
        )
        .order_by("creada", "pk")
    )
    orden = list(RespuestaOficial.Decision.values)
    respuestas.sort(key=lambda r: orden.index(r.decision))
    decisiones = Counter(r.get_decision_display() for r in respuestas)
    version = consulta.version
    siguiente = version.pacto.versiones.filter(numero__gt=version.numero).order_by("numero").first()
    return {
        "consulta": consulta,
        "pacto": version.pacto,
        "version": version,
        "siguiente": siguiente,
        "participantes": len(personas),
        "n_comentarios": len(publicados),
        "n_ocultos": sum(1 for c in todos if c.estado == Comentario.Estado.OCULTO),
        "n_pendientes": Comentario.objects.filter(
            consulta=consulta, estado=Comentario.Estado.PENDIENTE
        ).count(),
        "n_respondidos": sum(1 for c in publicados if c.respuesta_id),
        "cantones": _filas(cantones),
        "sectores": _filas(sectores),
        "tipos": _filas(tipos),
        "destinos": _filas(destinos),
        "propuestas": [c for c in publicados if c.tipo == Comentario.Tipo.PROPUESTA],
        "respuestas": respuestas,
        "decisiones": _filas(decisiones),
        "ocultos": [c for c in todos if c.estado == Comentario.Estado.OCULTO],
    }


def comentarios_de_consultas_total(*, desde=None, hasta=None) -> int:
    """Figure of product 3: comments published in public consultations."""
    qs = Comentario.objects.publicados()
    if desde:
        qs = qs.filter(publicado_en__date__gte=desde)
    if hasta:
        qs = qs.filter(publicado_en__date__lte=hasta)
    return qs.count()


def comentarios_sin_respuesta() -> QuerySet[Comentario]:
    """Published comments without an official answer yet, of every consultation, oldest first
    (each consultation's moderation page filters them with estado=publicado&sin_respuesta=1)."""
    return (
        Comentario.objects.filter(estado=Comentario.Estado.PUBLICADO, respuesta__isnull=True)
        .select_related("consulta__version__pacto")
        .order_by("creado", "pk")
    )
