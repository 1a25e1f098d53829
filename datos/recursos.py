"""The API's public resources, read from the URL configuration (the router of config/api_urls.py),
so that the landing page, the bundle and the catalogue list exactly what the API serves.

Each resource's rows come from its own viewset, as an anonymous visitor asks for the whole list:
the same queryset (published only), the same serializer (no personal data) and the same CSV
renderer (core.api.CSVRenderer: same columns, same cells) as `/api/v1/<recurso>/?format=csv`.
"""

import csv
import io
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request

from core.api import CSVRenderer

# A title and one line per resource, in Spanish; a resource of the router without one shows its docstring's
# first line (tests/datos fails until it has one here).
DESCRIPCIONES = {
    "cantones": (
        _("Cantones"),
        _("Los 8 cantones de Pichincha con su cabecera, población (año y fuente) y parroquias."),
    ),
    "mesas": (
        _("Mesas de diálogo"),
        _("Las 13 mesas de diálogo: 8 cantonales de turismo y 5 sectoriales agropecuarias."),
    ),
    "sesiones": (
        _("Sesiones de las mesas"),
        _("Sesiones de las mesas con acta publicada: acuerdos, participación y enlace al acta."),
    ),
    "indicadores": (
        _("Indicadores del SIE"),
        _("Catálogo de indicadores del SIE: definición, unidad, fuente, periodicidad y método."),
    ),
    "mediciones": (
        _("Mediciones de los indicadores"),
        _(
            "Valores publicados de los indicadores por territorio y periodo, con unidad, fuente y fecha."
        ),
    ),
    "actores": (
        _("Organizaciones participantes"),
        _("Organizaciones participantes que aceptaron aparecer públicamente (nunca personas)."),
    ),
    "pactos": (
        _("Pactos"),
        _("Pactos publicados con sus organizaciones firmantes y su avance medio."),
    ),
    "compromisos": (
        _("Compromisos"),
        _("Compromisos de los pactos publicados: estado, avance, responsables y origen."),
    ),
    "eventos": (
        _("Eventos"),
        _("Eventos publicados del programa con su agenda y ponentes (sin datos de invitados)."),
    ),
    "noticias": (
        _("Noticias"),
        _("Noticias publicadas del programa."),
    ),
    "consulta-comentarios": (
        _("Comentarios de las consultas públicas"),
        _("Comentarios publicados de las consultas públicas, con la respuesta oficial."),
    ),
}

TIPOS = [
    (serializers.BooleanField, _("sí/no (True/False)")),
    (serializers.IntegerField, _("entero")),
    ((serializers.FloatField, serializers.DecimalField), _("número decimal")),
    (serializers.DateTimeField, _("fecha y hora (ISO 8601)")),
    (serializers.DateField, _("fecha (AAAA-MM-DD)")),
    (
        (serializers.ListField, serializers.ListSerializer),
        _("lista (nombres separados por «; » o JSON)"),
    ),
    ((serializers.DictField, serializers.JSONField), _("JSON")),
]


@dataclass(frozen=True)
class Recurso:
    nombre: str  # the router's prefix: "pactos"
    nombre_url: str  # "pacto-list"
    vista: type

    @property
    def titulo(self) -> str:
        if self.nombre in DESCRIPCIONES:
            return str(DESCRIPCIONES[self.nombre][0])
        return self.nombre.replace("-", " ").capitalize()

    @property
    def descripcion(self) -> str:
        if self.nombre in DESCRIPCIONES:
            return str(DESCRIPCIONES[self.nombre][1])
        return (self.vista.__doc__ or "").strip().splitlines()[0] if self.vista.__doc__ else ""

    @property
    def ruta(self) -> str:
        return reverse(self.nombre_url)

    @property
    def archivo(self) -> str:
        return f"{self.nombre}.csv"


@cache
def recursos_publicos() -> tuple[Recurso, ...]:
    """The list resources of the API root, in the router's order."""
    raiz = resolve(reverse("api-root")).func.initkwargs["api_root_dict"]
    return tuple(
        Recurso(nombre=prefijo, nombre_url=nombre_url, vista=resolve(reverse(nombre_url)).func.cls)
        for prefijo, nombre_url in raiz.items()
    )


def recurso(nombre: str) -> Recurso | None:
    return next((r for r in recursos_publicos() if r.nombre == nombre), None)


def _vista_anonima(recurso: Recurso):
    """The resource's viewset as for an anonymous GET of its whole list."""
    peticion = HttpRequest()
    peticion.method = "GET"
    peticion.path = peticion.path_info = recurso.ruta
    peticion.user = AnonymousUser()
    vista = recurso.vista(action="list", format_kwarg=None, kwargs={}, args=())
    vista.request = Request(peticion)
    vista.request.user = AnonymousUser()
    return vista


def filas(recurso: Recurso) -> list[dict]:
    """Every row of the resource, serialised as the API serialises it."""
    vista = _vista_anonima(recurso)
    consulta = vista.filter_queryset(vista.get_queryset())
    return list(vista.get_serializer(consulta, many=True).data)


def csv_de(recurso: Recurso, datos: list[dict]) -> bytes:
    """The rows as the API's CSV; with no rows, the header from the data dictionary."""
    if datos:
        return CSVRenderer().render(datos)
    cabecera = ",".join(columna for columna, _tipo, _significado in diccionario(recurso))
    return ("\ufeff" + cabecera + "\r\n").encode()


# Columns whose meaning no model field states (links, computed values), in Spanish.
SIGNIFICADOS = {
    "id": _("Identificador numérico en el portal"),
    "slug": _("Identificador en la dirección web"),
    "url": _("Dirección de la página pública en el portal"),
    "licencia": _("Licencia de los datos"),
    "tipo_nombre": _("Nombre legible del tipo"),
    "acta_url": _("Dirección del acta publicada (PDF)"),
    "ics": _("Dirección del evento en formato de calendario (.ics)"),
    "cuerpo": _("Texto de la noticia (Markdown)"),
    "cuerpo_html": _("Texto de la noticia (HTML)"),
    "imagen_alt": _("Descripción de la imagen"),
    "parroquias": _("Parroquias del cantón"),
    "sesiones_publicadas": _("Número de sesiones con acta publicada"),
    "participacion": _("Participación en la sesión"),
    "acuerdos": _("Acuerdos de la sesión"),
    "mediciones": _("Dirección de la API con las mediciones del indicador"),
    "territorio": _("Nombre del territorio (cantón o provincia)"),
    "total_compromisos": _("Número de compromisos del pacto"),
    "avance_medio": _("Avance medio de los compromisos (%)"),
    "firmantes": _("Organizaciones firmantes y fecha de firma"),
    "responsable": _("Organización responsable (o persona que aceptó ser nombrada)"),
    "rastro": _("Acuerdos de las mesas de los que nace el compromiso"),
    "sesiones": _("Agenda del evento"),
    "ponentes": _("Ponentes del evento (nombre solo con su consentimiento)"),
}

TIPOS_PYTHON = [
    (bool, _("sí/no (True/False)")),
    (int, _("entero")),
    (float, _("número decimal")),
    ((list, tuple), _("lista (nombres separados por «; » o JSON)")),
    (dict, _("JSON")),
]


def _tipo(campo) -> str:
    if isinstance(campo, serializers.SerializerMethodField) and campo.parent is not None:
        metodo = getattr(campo.parent, campo.method_name, None)
        devuelve = getattr(metodo, "__annotations__", {}).get("return")
        devuelve = getattr(devuelve, "__origin__", devuelve)
        for clases, nombre in TIPOS_PYTHON:
            if isinstance(devuelve, type) and issubclass(devuelve, clases):
                return str(nombre)
    for clases, nombre in TIPOS:
        if isinstance(campo, clases):
            return str(nombre)
    return str(_("texto"))


def _tipo_de_valor(valor) -> str:
    for clases, nombre in TIPOS_PYTHON:
        if isinstance(valor, clases):
            return str(nombre)
    return str(_("texto"))


def _modelo_de(serializador, vista):
    meta = getattr(serializador, "Meta", None)
    if meta is not None and getattr(meta, "model", None):
        return meta.model
    try:
        return vista.get_queryset().model
    except Exception:  # a queryset that needs more of the request than an anonymous GET
        return None


def _significado(campo, nombre: str, modelo) -> str:
    if nombre in SIGNIFICADOS:
        return str(SIGNIFICADOS[nombre])
    fuente = campo.source if campo.source and campo.source != "*" else nombre
    partes = fuente.split(".")
    for i, parte in enumerate(partes):
        if modelo is None:
            break
        try:
            campo_modelo = modelo._meta.get_field(parte)
        except FieldDoesNotExist:
            break
        ultimo = i == len(partes) - 1
        if campo_modelo.is_relation and (campo_modelo.many_to_many or campo_modelo.one_to_many):
            return str(campo_modelo.related_model._meta.verbose_name_plural).capitalize()
        if ultimo or not campo_modelo.is_relation:
            texto = str(getattr(campo_modelo, "verbose_name", "") or "").capitalize()
            if len(partes) > 1 and ultimo:
                return f"{texto} ({modelo._meta.verbose_name})"
            return texto
        modelo = campo_modelo.related_model
    if campo.help_text:
        return str(campo.help_text)
    return str(campo.label or nombre.replace("_", " ")).capitalize()


def _columnas(serializador, prefijo: str, modelo):
    for nombre, campo in serializador.fields.items():
        if isinstance(campo, serializers.BaseSerializer) and not isinstance(
            campo, serializers.ListSerializer
        ):
            submodelo = None
            if modelo is not None:
                try:
                    submodelo = modelo._meta.get_field(campo.source.split(".")[0]).related_model
                except (FieldDoesNotExist, AttributeError):
                    submodelo = None
            yield from _columnas(campo, f"{prefijo}{nombre}.", submodelo)
        else:
            yield f"{prefijo}{nombre}", _tipo(campo), _significado(campo, nombre, modelo)


def _valor(fila: dict, columna: str):
    valor = fila
    for parte in columna.split("."):
        if not isinstance(valor, dict):
            return None
        valor = valor.get(parte)
    return valor


def diccionario(
    recurso: Recurso, datos: list[dict] | None = None, contenido: bytes | None = None
) -> list[tuple[str, str, str]]:
    """(column, type, meaning) of each column of the resource's CSV, from its list serializer;
    given the rows (and their CSV, if made already), of the CSV's actual columns (an object returned by a method, such as a
    session's participation counts, becomes one column per key)."""
    vista = _vista_anonima(recurso)
    serializador = vista.get_serializer()
    declaradas = list(_columnas(serializador, "", _modelo_de(serializador, vista)))
    if not datos:
        return declaradas
    contenido = contenido if contenido is not None else csv_de(recurso, datos)
    cabecera = next(csv.reader(io.StringIO(contenido.decode("utf-8-sig"))))
    por_nombre = {columna: (tipo, significado) for columna, tipo, significado in declaradas}
    resultado = []
    for columna in cabecera:
        if columna in por_nombre:
            resultado.append((columna, *por_nombre[columna]))
            continue
        padre = next((c for c in por_nombre if columna.startswith(c + ".")), None)
        ejemplo = next((v for f in datos if (v := _valor(f, columna)) is not None), None)
        significado = por_nombre[padre][1] if padre else ""
        detalle = columna[len(padre) + 1 :] if padre else columna
        resultado.append(
            (columna, _tipo_de_valor(ejemplo), f"{significado}: {detalle}" if padre else detalle)
        )
    return resultado
