"""Site search (public) and staff search: one engine over the sources each app registers.

Each app registers what it offers from its `extensiones.py` in FUENTES_BUSQUEDA: a
`FuenteBusqueda` names the title field (weight A), the text fields (weight B), the fields its
links need, and two querysets: `publicas()` (the same selector its public pages use) and
`visibles(usuario)` (what this staff member may open, by the apps' own rules; None when nothing).
Personal data (e-mail, phone, cédula) is never among the fields searched or shown.

PostgreSQL: full-text search with the configuration `es_sin_tildes` (Spanish stemming after
unaccent, core/migrations/0003), ranked by ts_rank plus 1 when the title itself matches, so a
title always comes before a passing mention, and highlighted with ts_headline. SQLite (`make
run`): every word must appear, without accents or case, in the title or the text; titles first.
Either way a page of results is one UNION ALL query (plus its count), whatever the number of hits
or kinds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, Concat, Substr
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .registro import Registro

CONFIGURACION = "es_sin_tildes"
LARGO_MAXIMO = 200  # characters of a query; longer ones are cut
# ts_headline's marks: private-use characters no text contains, replaced by <mark> after escaping.
_INICIO, _FIN = "\ue000", "\ue001"
_MARCAS_MARKDOWN = re.compile(r"\*{2,}|^#+ |`+", re.MULTILINE)
_CLAVES = ("b_c0", "b_c1", "b_c2")  # up to three fields for a link
_COLUMNAS = ("b_tipo", "b_pk", "b_titulo", "b_detalle", *_CLAVES, "b_texto", "b_rango")


@dataclass(frozen=True)
class FuenteBusqueda:
    """One kind of result. Field names may cross relations ("pacto__titulo")."""

    etiqueta: str | Promise
    titulo: str
    texto: tuple[str, ...] = ()
    detalle: str = ""  # shown under the title (the table of an agreement), not searched
    # Or the line under the title from detalle and the claves ("Sesión 3" of a session).
    subtitulo: Callable[..., str] | None = None
    claves: tuple[str, ...] = ("pk",)  # up to three, passed as text to the url functions
    publicas: Callable[[], QuerySet] | None = None
    url_publica: Callable[..., str] | None = None
    visibles: Callable[[Any], QuerySet | None] | None = None
    url_personal: Callable[..., str] | None = None
    etiqueta_publica: str | Promise = ""  # if the public sees only part of the kind


FUENTES_BUSQUEDA: Registro[FuenteBusqueda] = Registro("fuentes de la búsqueda")


def todos_con_permiso(permiso: str, modelo) -> Callable[[Any], QuerySet | None]:
    """A source's `visibles` for a kind whose rows a rule opens all or none of: every row of
    `modelo` to whoever holds `permiso`, nothing to the others."""

    def visibles(usuario):
        return modelo.objects.all() if usuario.has_perm(permiso) else None

    return visibles


@dataclass
class Resultado:
    tipo: str
    etiqueta: str | Promise
    titulo: str
    detalle: str
    fragmento: SafeString
    url: str


# --- Normalised text (SQLite, and the highlight of the SQLite fallback) ----------------------


def sin_tildes(texto: str | None) -> str:
    """Lower case without accents, one character for each of `texto`'s (so positions match)."""
    if not texto:
        return ""
    return "".join(unicodedata.normalize("NFD", c.lower())[0] for c in texto)


class SinTildes(Func):
    """sin_tildes() in SQL: a function of each SQLite connection (see conectar_sqlite)."""

    function = "portal_sin_tildes"
    output_field = TextField()


def _registrar_funcion(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "portal_sin_tildes", 1, sin_tildes, deterministic=True
        )


def conectar_sqlite() -> None:
    """Called from CoreConfig.ready(): every SQLite connection gets portal_sin_tildes()."""
    connection_created.connect(_registrar_funcion, dispatch_uid="core.busqueda.sin_tildes")


# --- The query ------------------------------------------------------------------------------


def _texto_de(campos: tuple[str, ...]):
    partes = []
    for campo in campos:
        partes += [Value(" "), Cast(F(campo), TextField())]
    if not partes:
        return Value("", output_field=TextField())
    return partes[1] if len(partes) == 2 else Concat(*partes[1:], output_field=TextField())


def _ramas(clave: str, fuente: FuenteBusqueda, qs: QuerySet, consulta: str) -> QuerySet:
    # Only the rows of the source's queryset, without its joins, annotations or distinct.
    qs = qs.model._default_manager.filter(pk__in=qs.order_by().values("pk")).order_by()
    claves = [Cast(F(c), TextField()) for c in fuente.claves]
    claves += [Value("", output_field=TextField())] * (len(_CLAVES) - len(claves))
    columnas = {
        "b_tipo": Value(clave, output_field=TextField()),
        "b_pk": F("pk"),
        "b_titulo": Cast(F(fuente.titulo), TextField()),
        "b_detalle": (
            Cast(F(fuente.detalle), TextField())
            if fuente.detalle
            else Value("", output_field=TextField())
        ),
        **dict(zip(_CLAVES, claves, strict=True)),
    }
    texto = _texto_de(fuente.texto)
    if connection.vendor == "postgresql":
        consulta_ts = SearchQuery(consulta, search_type="websearch", config=CONFIGURACION)
        vector = SearchVector(fuente.titulo, weight="A", config=CONFIGURACION)
        if fuente.texto:
            vector = vector + SearchVector(*fuente.texto, weight="B", config=CONFIGURACION)
        qs = qs.annotate(
            b_vector=vector, b_vector_titulo=SearchVector(fuente.titulo, config=CONFIGURACION)
        ).filter(b_vector=consulta_ts)
        columnas["b_texto"] = SearchHeadline(
            texto if fuente.texto else F(fuente.titulo),
            consulta_ts,
            config=CONFIGURACION,
            start_sel=_INICIO,
            stop_sel=_FIN,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        en_titulo = Q(b_vector_titulo=consulta_ts)
        columnas["b_rango"] = Case(
            When(en_titulo, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
        ) + SearchRank(F("b_vector"), consulta_ts, cover_density=False)
    else:
        palabras = sin_tildes(consulta).split()[:10]
        qs = qs.annotate(b_nt=SinTildes(F(fuente.titulo)), b_nx=SinTildes(texto))
        for palabra in palabras:
            qs = qs.filter(Q(b_nt__contains=palabra) | Q(b_nx__contains=palabra))
        en_titulo = Q(*[Q(b_nt__contains=p) for p in palabras])
        columnas["b_texto"] = Substr(texto, 1, 300)
        columnas["b_rango"] = Case(
            When(en_titulo, then=Value(1.0)), default=Value(0.5), output_field=FloatField()
        )
    return qs.annotate(**columnas).values(*_COLUMNAS)


def buscar(*, consulta: str, usuario=None) -> QuerySet | list:
    """Rows (dicts) of every source matching `consulta`, best first: what the public may see
    when usuario is None, else what this staff member may open. Page them, then presentar()."""
    consulta = " ".join(consulta.split())[:LARGO_MAXIMO]
    if not sin_tildes(consulta).strip(" \"'-"):
        return []
    ramas = []
    for clave, fuente in zip(FUENTES_BUSQUEDA.claves(), FUENTES_BUSQUEDA.valores(), strict=True):
        if usuario is None:
            qs = fuente.publicas() if fuente.publicas else None
        else:
            qs = fuente.visibles(usuario) if fuente.visibles else None
        if qs is None or qs.query.is_empty():
            continue
        ramas.append(_ramas(clave, fuente, qs, consulta))
    if not ramas:
        return []
    return ramas[0].union(*ramas[1:], all=True).order_by("-b_rango", "b_tipo", "-b_pk")


def _resaltar(texto: str, consulta: str) -> str:
    """Escape, then mark the query's words (the marks of ts_headline, or found here on SQLite).
    Markdown's emphasis and heading marks (news bodies) are dropped."""
    texto = _MARCAS_MARKDOWN.sub("", texto)
    if connection.vendor == "postgresql":  # ts_headline marked the words it matched, if any
        return escape(texto).replace(_INICIO, "<mark>").replace(_FIN, "</mark>")
    if len(texto) >= 300:
        texto = texto[:300].rsplit(" ", 1)[0] + " …"
    normal = sin_tildes(texto)
    tramos = sorted(
        (m.start(), m.end())
        for palabra in set(sin_tildes(consulta).split())
        for m in re.finditer(re.escape(palabra), normal)
    )
    partes, desde = [], 0
    for inicio, fin in tramos:
        if inicio < desde:
            continue
        partes += [escape(texto[desde:inicio]), "<mark>", escape(texto[inicio:fin]), "</mark>"]
        desde = fin
    partes.append(escape(texto[desde:]))
    return "".join(partes)


def presentar(filas, *, consulta: str, publico: bool) -> list[Resultado]:
    """The rows of one page as results with their link and highlighted, escaped fragment."""
    resultados = []
    for fila in filas:
        fuente = FUENTES_BUSQUEDA[fila["b_tipo"]]
        url = fuente.url_publica if publico else fuente.url_personal
        claves = [fila[c] for c in _CLAVES[: len(fuente.claves)]]
        detalle = fila["b_detalle"] or ""
        resultados.append(
            Resultado(
                tipo=fila["b_tipo"],
                etiqueta=(publico and fuente.etiqueta_publica) or fuente.etiqueta,
                titulo=fila["b_titulo"] or "",
                detalle=fuente.subtitulo(detalle, *claves) if fuente.subtitulo else detalle,
                fragmento=mark_safe(_resaltar(fila["b_texto"] or "", consulta)),  # noqa: S308
                url=url(*claves),
            )
        )
    return resultados
