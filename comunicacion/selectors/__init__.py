"""Reads of Comunicación: what the public sees of the news, and the staff inbox."""

from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import (
    AccionComunicacion,
    Mensaje,
    NotaMensaje,
    Noticia,
    normalizar_codigo,
    sumar_dias_habiles,
)


def noticias_publicas(*, eje: str = "", canton: str = "") -> QuerySet[Noticia]:
    """Published news whose date has arrived, optionally by axis code and canton slug."""
    qs = Noticia.objects.publicas().prefetch_related("ejes", "cantones")
    if eje:
        qs = qs.filter(ejes__codigo=eje)
    if canton:
        qs = qs.filter(cantones__slug=canton)
    return qs.distinct().order_by("-publicada_en", "-pk")


def noticia_publica(*, slug: str) -> Noticia | None:
    return (
        Noticia.objects.publicas()
        .select_related("mesa", "pacto", "evento")
        .prefetch_related("ejes", "cantones")
        .filter(slug=slug)
        .first()
    )


def noticias_gestion() -> QuerySet[Noticia]:
    return Noticia.objects.select_related("autor").prefetch_related("ejes", "cantones")


def respuestas_publicas() -> QuerySet[Mensaje]:
    """ "You asked, we answered": the approved public versions of answered messages whose sender
    agreed to publication (never the e-mailed answer, nor the subject or text as written)."""
    return (
        Mensaje.objects.filter(publicar=True, publicacion_aprobada_en__isnull=False)
        .exclude(respuesta_publica="")
        .select_related("canton")
        .only(
            "tipo",
            "tema",
            "pregunta_publica",
            "respuesta_publica",
            "respondido_en",
            "publicacion_aprobada_en",
            "canton__nombre",
        )
        .order_by("-publicacion_aprobada_en", "-pk")
    )


def mensajes_por_publicar() -> QuerySet[Mensaje]:
    """Answered messages whose sender agreed to publication and whose public version nobody
    has reviewed yet (saving it without approval is the decision not to publish it)."""
    return (
        Mensaje.objects.filter(publicar=True, publicacion_aprobada_en__isnull=True)
        .exclude(respuesta="")
        .filter(respuesta_publica="")
        .order_by("respondido_en", "pk")
    )


def mensajes_bandeja(*, estado: str = "", usuario=None) -> QuerySet[Mensaje]:
    """The staff inbox; `estado` is a state, or abiertos / mios / vencidos."""
    qs = Mensaje.objects.select_related("canton", "respondido_por", "asignado_a")
    if estado == "abiertos":
        return qs.filter(estado__in=Mensaje.ABIERTOS)
    if estado == "mios":
        return qs.filter(estado__in=Mensaje.ABIERTOS, asignado_a=usuario)
    if estado == "vencidos":
        return qs.filter(_vencidos_q())
    if estado:
        qs = qs.filter(estado=estado)
    return qs


def _vencidos_q(hoy=None) -> Q:
    """Open messages past their deadline, in SQL: the deadline staff set has passed, or, with the
    default one (15 working days after reception), it was received on or before the last day
    whose default deadline is already behind us. Same answer as Mensaje.vencido, row by row."""
    hoy = hoy or timezone.localdate()
    ultimo = hoy - timedelta(days=1)
    while sumar_dias_habiles(ultimo, Mensaje.DIAS_HABILES_PARA_RESPONDER) >= hoy:
        ultimo -= timedelta(days=1)
    return Q(estado__in=Mensaje.ABIERTOS) & (
        Q(plazo_fijado__lt=hoy) | Q(plazo_fijado__isnull=True, recibido__date__lte=ultimo)
    )


def mensajes_vencidos(*, hoy=None) -> QuerySet[Mensaje]:
    return Mensaje.objects.filter(_vencidos_q(hoy))


def mensajes_vencidos_cuenta() -> int:
    """Open messages past their answer deadline (one COUNT, whatever the volume)."""
    return mensajes_vencidos().count()


def notas_de_mensaje(*, mensaje: Mensaje) -> QuerySet[NotaMensaje]:
    return mensaje.notas.select_related("autor").order_by("creada", "pk")


def mensaje_por_codigo(*, codigo: str) -> Mensaje | None:
    """The message with this tracking code, or None; malformed codes never reach the database."""
    codigo = normalizar_codigo(codigo)
    if not codigo:
        return None
    return (
        Mensaje.objects.filter(codigo=codigo)
        .only(
            "codigo",
            "tipo",
            "tema",
            "asunto",
            "estado",
            "recibido",
            "plazo_fijado",
            "respuesta",
            "respondido_en",
            "cerrado_en",
        )
        .first()
    )


def acciones_plan(*, estado: str = "", canal: str = "") -> QuerySet[AccionComunicacion]:
    qs = AccionComunicacion.objects.select_related("responsable", "mesa", "pacto", "evento")
    if estado:
        qs = qs.filter(estado=estado)
    if canal:
        qs = qs.filter(canal=canal)
    return qs


def _cuenta_entre(qs: QuerySet, campo: str, desde: date | None, hasta: date | None) -> int:
    """How many rows of qs have the date of `campo` within [desde, hasta] (either may be open)."""
    if desde:
        qs = qs.filter(**{f"{campo}__gte": desde})
    if hasta:
        qs = qs.filter(**{f"{campo}__lte": hasta})
    return qs.count()


def acciones_realizadas(*, desde: date | None = None, hasta: date | None = None) -> int:
    """Figure of product 3 for the roadmap dashboard: communication actions carried out."""
    qs = AccionComunicacion.objects.filter(estado=AccionComunicacion.Estado.REALIZADA)
    return _cuenta_entre(qs, "fecha", desde, hasta)


def noticias_publicadas(*, desde: date | None = None, hasta: date | None = None) -> int:
    hasta = min(hasta, timezone.localdate()) if hasta else None
    return _cuenta_entre(Noticia.objects.publicas(), "publicada_en__date", desde, hasta)


def mensajes_respondidos(*, desde: date | None = None, hasta: date | None = None) -> int:
    qs = Mensaje.objects.filter(respondido_en__isnull=False)
    return _cuenta_entre(qs, "respondido_en__date", desde, hasta)


def noticias_borrador() -> QuerySet[Noticia]:
    """Drafts waiting to be finished or published (the news list filtered to "borrador")."""
    return Noticia.objects.filter(estado=Noticia.Estado.BORRADOR).order_by("-pk")
