"""Reads of eventos: what each person may see, guest-list figures, and the documents' context."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actores.models import Actor
from actores.selectors import actores_para_publicar
from core.rules import es_comunicador, es_coordinador
from mesas.models import Sesion as SesionMesa
from sie.models import Canton, Sector

from .models import Evento, Invitado, Ponente, Sesion, TareaLogistica


def eventos_publicos() -> QuerySet[Evento]:
    """Published events: what anyone may see (never the guest list)."""
    return Evento.objects.filter(publicado=True).select_related("parroquia__canton")


def eventos_proximos() -> QuerySet[Evento]:
    return eventos_publicos().filter(fin__gte=timezone.now()).order_by("inicio")


def eventos_pasados() -> QuerySet[Evento]:
    return eventos_publicos().filter(fin__lt=timezone.now()).order_by("-inicio")


def ponentes_para_publicar() -> QuerySet[Ponente]:
    """Speakers with their actor loaded for Ponente.nombre_en_publico (no query per speaker)."""
    return Ponente.objects.prefetch_related(Prefetch("actor", queryset=actores_para_publicar()))


def eventos_con_programa() -> QuerySet[Evento]:
    """Published events with allies, sessions and speakers loaded as the public may see them."""
    return eventos_publicos().prefetch_related(
        "aliados",
        Prefetch("sesiones", queryset=sesiones_para_publicar()),
        Prefetch("ponentes", queryset=ponentes_para_publicar()),
    )


def sesiones_para_publicar() -> QuerySet[Sesion]:
    return Sesion.objects.prefetch_related(
        Prefetch("ponentes", queryset=ponentes_para_publicar()),
        Prefetch("moderadores", queryset=ponentes_para_publicar()),
    )


def evento_publico(*, slug: str) -> Evento:
    return eventos_con_programa().get(slug=slug)


def eventos_para(*, usuario: AbstractBaseUser) -> QuerySet[Evento]:
    """Events this person may open in the staff area."""
    qs = Evento.objects.select_related("parroquia__canton").annotate(
        n_invitados=Count("invitados", distinct=True),
        n_confirmados=Count(
            "invitados", filter=Q(invitados__estado=Invitado.Estado.CONFIRMADO), distinct=True
        ),
    )
    if not (es_coordinador(usuario) or es_comunicador(usuario)):
        qs = qs.filter(equipo__usuario=usuario).distinct()
    return qs.order_by("-inicio", "pk")


def estado_lista(*, evento: Evento) -> dict[str, int]:
    """The guest list at a glance."""
    filas = evento.invitados.values("estado").annotate(n=Count("pk"))
    por_estado = {fila["estado"]: fila["n"] for fila in filas}
    total = sum(por_estado.values())
    return {
        "total": total,
        "por_invitar": por_estado.get(Invitado.Estado.POR_INVITAR, 0),
        "sin_respuesta": por_estado.get(Invitado.Estado.INVITADO, 0),
        "invitados": total - por_estado.get(Invitado.Estado.POR_INVITAR, 0),
        "confirmados": por_estado.get(Invitado.Estado.CONFIRMADO, 0),
        "rechazados": por_estado.get(Invitado.Estado.RECHAZADO, 0),
        "espera": por_estado.get(Invitado.Estado.ESPERA, 0),
        "asistieron": evento.invitados.filter(asistio=True).count(),
        "sin_correo": evento.invitados.filter(estado=Invitado.Estado.POR_INVITAR, email="").count(),
    }


def invitados_de(*, evento: Evento, estado: str = "", q: str = "") -> QuerySet[Invitado]:
    """The guest list filtered by state ("asistieron": those who came) and by name or organisation."""
    qs = evento.invitados.select_related("canton", "actor")
    if estado == "asistieron":
        qs = qs.filter(asistio=True)
    elif estado:
        qs = qs.filter(estado=estado)
    if q:
        qs = qs.filter(Q(nombre__icontains=q) | Q(organizacion__icontains=q))
    return qs.order_by("nombre", "pk")


def _plano(texto: str) -> str:
    sin_tildes = unicodedata.normalize("NFKD", texto or "")
    return "".join(c for c in sin_tildes if not unicodedata.combining(c)).casefold()


def buscar_para_acreditar(*, evento: Evento, q: str, limite: int = 15) -> list[Invitado]:
    """Guests whose name or organisation contains every word typed, accents ignored."""
    palabras = _plano(q).split()
    if not palabras:
        return []
    resultado = []
    for invitado in evento.invitados.exclude(estado=Invitado.Estado.POR_INVITAR).only(
        "pk", "nombre", "organizacion", "estado", "asistio", "asistencia_en", "evento_id"
    ):
        texto = _plano(f"{invitado.nombre} {invitado.organizacion}")
        if all(p in texto for p in palabras):
            resultado.append(invitado)
            if len(resultado) >= limite:
                break
    return resultado


def actores_para_invitar(
    *,
    evento: Evento,
    tipo: str = "",
    canton: Canton | None = None,
    sector: Sector | None = None,
    influencia_minima: int | None = None,
    q: str = "",
) -> QuerySet[Actor]:
    """The actor map filtered for a guest list; `ya_invitado` marks those already on it."""
    filtros = {
        "tipo": tipo,
        "canton": canton,
        "sectores": sector,
        "influencia__gte": influencia_minima,
        "nombre__icontains": q,
    }
    qs = Actor.objects.filter(activo=True, **{k: v for k, v in filtros.items() if v})
    return (
        qs.select_related("canton")
        .annotate(
            ya_invitado=Count("invitaciones_evento", filter=Q(invitaciones_evento__evento=evento))
        )
        .order_by("-influencia", "nombre")
    )


def _contar(valores, etiquetas: dict) -> list[dict]:
    conteo = Counter(valores)
    total = sum(conteo.values()) or 1
    filas = [
        {
            "clave": clave,
            "etiqueta": etiquetas.get(clave, clave) or _("Sin dato"),
            "n": n,
            "porcentaje": round(100 * n / total),
        }
        for clave, n in conteo.items()
    ]
    # "Sin dato" last, whatever its size.
    return sorted(filas, key=lambda f: (not f["clave"], -f["n"], str(f["etiqueta"])))


def cifras_asistencia(*, evento: Evento) -> dict:
    """Attendance disaggregated by kind of actor, canton and gender."""
    asistentes = list(
        evento.invitados.filter(asistio=True).values_list(
            "tipo_actor", "canton__nombre", "genero", "origen"
        )
    )
    lista = estado_lista(evento=evento)
    confirmados = lista["confirmados"]
    return {
        "asistentes": len(asistentes),
        "invitados": lista["invitados"],
        "confirmados": confirmados,
        "sin_invitacion": sum(1 for a in asistentes if a[3] == Invitado.Origen.SIN_INVITACION),
        "tasa_asistencia": round(100 * len(asistentes) / confirmados) if confirmados else None,
        "por_tipo": _contar([a[0] for a in asistentes], dict(Actor.Tipo.choices)),
        "por_canton": _contar([a[1] or "" for a in asistentes], {}),
        "por_genero": _contar([a[2] for a in asistentes], dict(Actor.Genero.choices)),
    }


def barras_svg(*, filas: list[dict], ancho: int = 460, alto_fila: int = 22) -> str:
    """A small horizontal bar chart as SVG, for the PDF report (server-side, no JS)."""
    from django.utils.html import escape

    if not filas:
        return ""
    maximo = max(f["n"] for f in filas) or 1
    etiqueta_ancho, numero_ancho = 170, 40
    barra_max = ancho - etiqueta_ancho - numero_ancho
    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ancho}" '
        f'height="{alto_fila * len(filas) + 4}" font-family="DejaVu Sans" font-size="10">'
    ]
    for i, fila in enumerate(filas):
        y = i * alto_fila + 2
        largo = max(2, round(barra_max * fila["n"] / maximo))
        partes.append(
            f'<text x="0" y="{y + 14}">{escape(str(fila["etiqueta"])[:30])}</text>'
            f'<rect x="{etiqueta_ancho}" y="{y + 3}" width="{largo}" height="{alto_fila - 8}" '
            f'fill="#0b6b3a"/>'
            f'<text x="{etiqueta_ancho + largo + 4}" y="{y + 14}">{fila["n"]}</text>'
        )
    partes.append("</svg>")
    return "".join(partes)


def logistica_de(*, evento: Evento) -> dict:
    tareas = list(evento.tareas.select_related("responsable"))
    hoy = timezone.localdate()
    hechas = sum(1 for t in tareas if t.estado in (TareaLogistica.Estado.LISTA, "no_aplica"))
    for tarea in tareas:
        tarea.vencida = bool(
            tarea.fecha_limite
            and tarea.fecha_limite < hoy
            and tarea.estado in (TareaLogistica.Estado.PENDIENTE, TareaLogistica.Estado.EN_CURSO)
        )
    return {
        "tareas": tareas,
        "hechas": hechas,
        "total": len(tareas),
        "presupuesto": sum((t.presupuesto_usd or 0) for t in tareas),
        "vencidas": sum(1 for t in tareas if t.vencida),
    }


# --- Context of the generated documents ------------------------------------------------------


def contexto_programa(*, evento: Evento) -> dict:
    return {
        "evento": evento,
        "sesiones": sesiones_para_publicar().filter(evento=evento),
        "ponentes": ponentes_para_publicar().filter(evento=evento).order_by("orden", "nombre"),
    }


def contexto_informe(*, evento: Evento) -> dict:
    cifras = cifras_asistencia(evento=evento)
    return {
        "evento": evento,
        "sistematizacion": evento.sistematizacion,
        "cifras": cifras,
        "grafico_tipo": barras_svg(filas=cifras["por_tipo"]),
        "grafico_canton": barras_svg(filas=cifras["por_canton"]),
        "grafico_genero": barras_svg(filas=cifras["por_genero"]),
        "sesiones": evento.sesiones.prefetch_related("ponentes", "moderadores"),
        "fotos": evento.fotos.all(),
        "aliados": evento.aliados.all(),
    }


def contexto_certificado(*, invitado: Invitado) -> dict:
    return {"invitado": invitado, "evento": invitado.evento}


def contexto_certificados(*, evento: Evento) -> dict:
    """Every person who attended (walk-ins too), one certificate page each, by name."""
    return {
        "evento": evento,
        "asistentes": list(evento.invitados.filter(asistio=True).order_by("nombre", "pk")),
    }


def eventos_de_actor(*, actor: Actor) -> QuerySet[Invitado]:
    """Events an actor attended (for the actor page's participation section)."""
    return (
        Invitado.objects.filter(actor=actor, asistio=True)
        .select_related("evento")
        .order_by("-evento__inicio")
    )


# --- The public agenda: upcoming table sessions and events ----------------------------------

# A session without an end time counts as under way this long after its start.
DURACION_SESION_SIN_FIN = timedelta(hours=3)


class Tema:
    """The agenda's theme filter: the tables' two processes (events belong to both)."""

    TURISMO = "turismo"
    AGRICULTURA = "agricultura"
    TIPO_MESA = {TURISMO: "turismo", AGRICULTURA: "agropecuario"}


@dataclass(frozen=True)
class EntradaAgenda:
    """One line of the public agenda: only what may be public (a table session's date, place and
    table; a published event's title, date and place), never a meeting link or who comes."""

    clase: str  # "sesion" or "evento"
    titulo: str
    inicio: datetime
    fin: datetime | None
    lugar: str
    canton: str
    tema: str  # turismo, agricultura or "" (an event: the whole programme)
    modalidad: str
    url: str
    ics_url: str
    cancelada: bool
    uid: str
    publicada_en: datetime  # when it entered the agenda (the feed's date)
    objeto: object = field(compare=False, repr=False, default=None)


def _sesiones_de_mesa_proximas(*, canton: str, tema: str, con_canceladas: bool):
    ahora = timezone.now()
    qs = SesionMesa.objects.filter(
        Q(fin__gte=ahora) | Q(fin__isnull=True, inicio__gte=ahora - DURACION_SESION_SIN_FIN)
    ).select_related("mesa__canton", "mesa__sector", "parroquia__canton")
    if not con_canceladas:
        qs = qs.exclude(estado=SesionMesa.Estado.CANCELADA)
    if canton:
        qs = qs.filter(Q(mesa__canton__slug=canton) | Q(parroquia__canton__slug=canton))
    if tema:
        qs = qs.filter(mesa__tipo=Tema.TIPO_MESA[tema])
    return qs.order_by("inicio", "pk")


def _entrada_de_sesion(sesion: SesionMesa) -> EntradaAgenda:
    mesa = sesion.mesa
    canton = sesion.parroquia.canton if sesion.parroquia_id else mesa.canton
    lugar = ", ".join(
        p for p in [sesion.lugar, sesion.parroquia.nombre if sesion.parroquia_id else ""] if p
    )
    return EntradaAgenda(
        clase="sesion",
        titulo=_("%(mesa)s — sesión %(numero)s") % {"mesa": mesa.nombre, "numero": sesion.numero},
        inicio=sesion.inicio,
        fin=sesion.fin,
        lugar=lugar,
        canton=canton.nombre if canton else "",
        tema=Tema.TURISMO if mesa.tipo == "turismo" else Tema.AGRICULTURA,
        modalidad=sesion.get_modalidad_display(),
        url=sesion.get_public_url() if sesion.publicada else mesa.get_absolute_url(),
        ics_url=reverse("agenda:sesion_ics", kwargs={"slug": mesa.slug, "numero": sesion.numero}),
        cancelada=sesion.cancelada,
        uid=f"sesion-{sesion.pk}",
        publicada_en=sesion.creada,
        objeto=sesion,
    )


def _entrada_de_evento(evento: Evento) -> EntradaAgenda:
    canton = evento.parroquia.canton if evento.parroquia_id else None
    presencial = evento.modalidad != Evento.Modalidad.VIRTUAL
    lugar = ", ".join(
        p
        for p in [evento.lugar, evento.parroquia.nombre if evento.parroquia_id else ""]
        if p and presencial
    )
    return EntradaAgenda(
        clase="evento",
        titulo=evento.titulo,
        inicio=evento.inicio,
        fin=evento.fin,
        lugar=lugar,
        canton=canton.nombre if canton else "",
        tema="",
        modalidad=evento.get_modalidad_display(),
        url=evento.get_absolute_url(),
        ics_url=reverse("eventos:ics", kwargs={"slug": evento.slug}),
        cancelada=False,
        uid=f"evento-{evento.pk}",
        publicada_en=evento.creado,
        objeto=evento,
    )


def agenda_publica(
    *, canton: str = "", tema: str = "", con_canceladas: bool = False
) -> list[EntradaAgenda]:
    """Upcoming table sessions (planned ones too) and published events, soonest first.

    con_canceladas=True (the web page) keeps cancelled sessions, marked as such; calendars and
    feeds leave them out. Events have no theme: they concern the whole programme, so a theme
    filter keeps them; a canton filter keeps those held in that canton."""
    sesiones = [
        _entrada_de_sesion(s)
        for s in _sesiones_de_mesa_proximas(canton=canton, tema=tema, con_canceladas=con_canceladas)
    ]
    eventos = eventos_proximos()
    if canton:
        eventos = eventos.filter(parroquia__canton__slug=canton)
    entradas = sesiones + [_entrada_de_evento(e) for e in eventos]
    return sorted(entradas, key=lambda e: (e.inicio, e.clase, e.uid))


def sesion_de_mesa_para_calendario(*, slug: str, numero: int) -> SesionMesa:
    """A table session for its public .ics: any state but cancelled (DoesNotExist otherwise)."""
    return (
        SesionMesa.objects.exclude(estado=SesionMesa.Estado.CANCELADA)
        .select_related("mesa", "parroquia__canton")
        .get(mesa__slug=slug, numero=numero)
    )
