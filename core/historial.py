"""A record's history (django-simple-history) as people read it: who, when, which field, old → new.

    historial = historial_de(actor.history.all(), limite=10, personales={"email", "telefono"},
                             ver_personales=user.has_perm("actores.ver_datos_personales", actor))
    {% include "includes/historial.html" %}

Values are shown as the page shows them: choice labels, the related record's name, Sí/No, dates in
the reader's format; the fields named in `personales` say only "cambiado" to a reader who may not
see personal data. The queries do not grow with the entries: the rows and their authors, the
previous row of each (one query), then one query per related model or many-to-many field changed.
"""

from __future__ import annotations

import datetime
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import ForeignKey, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

LIMITE = 10
LIMITE_TODO = 200
LARGO_MAXIMO = 300


@dataclass
class Cambio:
    etiqueta: str
    antes: str = ""
    despues: str = ""
    oculto: bool = False


@dataclass
class Entrada:
    quien: str
    cuando: datetime.datetime
    tipo: str  # "+", "~", "-" as simple-history writes them
    accion: str
    cambios: list[Cambio] = field(default_factory=list)
    motivo: str = ""
    objeto: str = ""


@dataclass
class Historial:
    entradas: list[Entrada]
    hay_mas: bool = False
    todo: bool = False

    @property
    def abierto(self) -> bool:
        """Short histories are shown unfolded; long ones behind their summary."""
        return self.todo or len(self.entradas) <= 5


def _quien(usuario) -> str:
    if usuario is None:
        return _("Sistema")
    return usuario.get_full_name() or usuario.get_username()


def _etiqueta(campo) -> str:
    texto = str(campo.verbose_name)
    return texto[:1].upper() + texto[1:]


def _mostrar(campo, valor, relacionados: dict) -> str:
    """A value as the page shows it, never a raw code."""
    if isinstance(campo, ForeignKey):
        if valor is None:
            return "—"
        objeto = relacionados.get((campo.related_model, valor))
        return str(objeto) if objeto is not None else _("(eliminado)")
    if valor is None or valor == "":
        return "—"
    if campo.choices:
        return str(dict(campo.flatchoices).get(valor, valor))
    if isinstance(valor, bool):
        return _("Sí") if valor else _("No")
    if isinstance(valor, datetime.datetime):
        return formats.date_format(timezone.localtime(valor), "SHORT_DATETIME_FORMAT")
    if isinstance(valor, datetime.date):
        return formats.date_format(valor, "DATE_FORMAT")
    if hasattr(valor, "as_international"):  # a phone number
        return valor.as_international
    if isinstance(valor, FieldFile):
        return os.path.basename(valor.name) if valor.name else "—"
    if isinstance(valor, int | float) or type(valor).__name__ == "Decimal":
        return formats.localize(valor, use_l10n=True)
    return Truncator(str(valor)).chars(LARGO_MAXIMO)


def _con_anteriores(registros: QuerySet, limite: int) -> tuple[list, dict]:
    """The newest `limite + 1` rows with their authors, and the row before each one."""
    modelo = registros.model
    id_objeto = modelo.instance_type._meta.pk.attname
    anterior = (
        modelo.objects.filter(**{id_objeto: OuterRef(id_objeto)})
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    filas = list(
        registros.select_related("history_user")
        .annotate(anterior_id=Subquery(anterior))
        .order_by("-history_date", "-history_id")[: limite + 1]
    )
    conocidas = {f.history_id: f for f in filas}
    faltan = {f.anterior_id for f in filas if f.anterior_id and f.anterior_id not in conocidas}
    if faltan:
        conocidas.update(modelo.objects.in_bulk(faltan, field_name="history_id"))
    return filas, conocidas


def _m2m(modelo, filas: Iterable) -> dict[str, dict[int, set]]:
    """For each many-to-many field kept in history: history_id → the set of related pks."""
    ids = [f.history_id for f in filas]
    resultado: dict[str, dict[int, set]] = {}
    for campo in modelo._history_m2m_fields:
        historico = HistoricalRecords.m2m_models[campo]
        destino = campo.m2m_reverse_field_name()
        conjuntos: dict[int, set] = defaultdict(set)
        for h_id, pk in historico.objects.filter(history_id__in=ids).values_list(
            "history_id", f"{destino}_id"
        ):
            conjuntos[h_id].add(pk)
        resultado[campo.name] = conjuntos
    return resultado


def historial_de(
    registros: QuerySet,
    *,
    limite: int = LIMITE,
    personales: Iterable[str] = (),
    ver_personales: bool = False,
    excluidos: Iterable[str] = (),
    con_objeto: bool = False,
) -> Historial:
    """The latest `limite` entries of `registros` (a history queryset, one or many records).

    `excluidos`: fields that are bookkeeping, not content (a version counter). `con_objeto`: each
    entry names its record, for a history over several records (a pacto's commitments).
    """
    modelo = registros.model
    personales, excluidos = set(personales), set(excluidos)
    filas, conocidas = _con_anteriores(registros, limite)
    hay_mas = len(filas) > limite
    filas = filas[:limite]
    # The field-level differences first, then every related record they name in one query each.
    diferencias, pendientes = _diferencias(modelo, filas, conocidas, excluidos)
    relacionados = _relacionados(pendientes)
    entradas = []
    for fila, cambios in diferencias:
        if fila.history_type == "~" and not cambios:
            continue  # only bookkeeping changed (a date stamp, a counter)
        entrada = Entrada(
            quien=_quien(fila.history_user),
            cuando=fila.history_date,
            tipo=fila.history_type,
            # simple-history's own names (Creación, Modificación, Eliminación in the portal)
            accion=str(fila.get_history_type_display()),
            motivo=fila.history_change_reason or "",
            objeto=str(fila.instance) if con_objeto else "",
        )
        for campo, antes, despues in cambios:
            if campo.name in personales and not ver_personales:
                entrada.cambios.append(Cambio(_etiqueta(campo), oculto=True))
            else:
                entrada.cambios.append(_cambio(campo, antes, despues, relacionados))
        entradas.append(entrada)
    return Historial(entradas=entradas, hay_mas=hay_mas, todo=limite >= LIMITE_TODO)


def _diferencias(modelo, filas: list, conocidas: dict, excluidos: set) -> tuple[list, dict]:
    """Each history row with its changes as (field, before, after), and the pks of the related
    records those changes name, by model (to load them all at once)."""
    m2m_nombres = {c.name for c in modelo._history_m2m_fields}
    m2m = _m2m(modelo, [*filas, *conocidas.values()]) if m2m_nombres else {}
    diferencias = []
    pendientes: dict = defaultdict(set)
    for fila in filas:
        anterior = conocidas.get(fila.anterior_id)
        cambios = []
        if fila.history_type == "~" and anterior is not None:
            delta = fila.diff_against(anterior, excluded_fields=excluidos | m2m_nombres)
            for c in delta.changes:
                campo = modelo._meta.get_field(c.field)
                cambios.append((campo, c.old, c.new))
                if isinstance(campo, ForeignKey):
                    pendientes[campo.related_model].update(v for v in (c.old, c.new) if v)
            for nombre in sorted(m2m_nombres - excluidos):
                antes = m2m[nombre].get(anterior.history_id, set())
                despues = m2m[nombre].get(fila.history_id, set())
                if antes != despues:
                    campo = modelo.instance_type._meta.get_field(nombre)
                    cambios.append((campo, antes, despues))
                    pendientes[campo.related_model].update(antes | despues)
        diferencias.append((fila, cambios))
    return diferencias, pendientes


def _relacionados(pendientes: dict) -> dict:
    """{(model, pk): record} for the pks named by the changes, one query per model, with what
    their names need (a parish is named with its canton)."""
    relacionados = {}
    for modelo_rel, pks in pendientes.items():
        padres = [
            f.name
            for f in modelo_rel._meta.concrete_fields
            if isinstance(f, ForeignKey) and not f.null
        ]
        consulta = modelo_rel._base_manager.all()
        if padres:
            consulta = consulta.select_related(*padres)
        for pk, objeto in consulta.in_bulk(pks).items():
            relacionados[(modelo_rel, pk)] = objeto
    return relacionados


def _cambio(campo, antes, despues, relacionados: dict) -> Cambio:
    """A change to show: a many-to-many field as the list of names, any other as its value."""
    mostrar = _lista if campo.many_to_many else _mostrar
    return Cambio(
        _etiqueta(campo), mostrar(campo, antes, relacionados), mostrar(campo, despues, relacionados)
    )


def _lista(campo, pks: set, relacionados: dict) -> str:
    nombres = sorted(
        str(relacionados.get((campo.related_model, pk)) or _("(eliminado)")) for pk in pks
    )
    return ", ".join(nombres) or "—"


def historial_para(request, registros: QuerySet, **opciones) -> Historial:
    """historial_de with the page's own limit: the latest few, or all of them (up to
    LIMITE_TODO) when the reader asked for "ver todo" (?historial=todo)."""
    todo = request.GET.get("historial") == "todo"
    return historial_de(registros, limite=LIMITE_TODO if todo else LIMITE, **opciones)
