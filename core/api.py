"""Shared pieces of the open-data API."""

import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer
from rest_framework.throttling import AnonRateThrottle

from .enlaces import url_absoluta, url_en_portal
from .exportar import EscritorDictCSV
from .red import ip_cliente


class LimiteAnonimo(AnonRateThrottle):
    """The anonymous allowance per visitor, keyed like every other limit (core.red): DRF's own
    guess trusts any X-Forwarded-For a client sends."""

    def get_ident(self, request):
        return ip_cliente(request)


class EnlacesEnPortal:
    """For a paginator: the next and previous page links open the public address, not the host
    the request came through."""

    def get_next_link(self):
        return url_en_portal(super().get_next_link())

    def get_previous_link(self):
        return url_en_portal(super().get_previous_link())


class Paginacion(EnlacesEnPortal, PageNumberPagination):
    """The API's default pagination."""


@extend_schema_field(OpenApiTypes.STR)
class UrlAbsoluta(serializers.ReadOnlyField):
    """The object's page as an absolute address of the public portal (core.enlaces.url_absoluta).
    `source` is the method that gives its path: get_absolute_url unless told
    (`UrlAbsoluta(source="get_public_url")`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "get_absolute_url")
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return url_absoluta(value)


# A ModelSerializer of a public object: "url" in Meta.fields is its page (UrlAbsoluta). A comment,
# not a docstring: the schema would show it as the description of every subclass.
class SerializadorDeModelo(serializers.ModelSerializer):
    def build_url_field(self, field_name, model_class):
        return UrlAbsoluta, {}


def _celda_de_lista(valor: list) -> str:
    """A list in one cell: names joined by "; " when each item is a name (or has one); otherwise
    (agreements, a trail, a programme) the list as JSON, which a spreadsheet shows as text and a
    program can read back, never Python's repr ({'texto': ..., 'indicador': None})."""
    if all(not isinstance(v, (dict, list)) for v in valor):
        return "; ".join(str(v) for v in valor)
    if all(isinstance(v, dict) and "nombre" in v for v in valor):
        return "; ".join(str(v["nombre"]) for v in valor)
    return json.dumps(valor, ensure_ascii=False, cls=DjangoJSONEncoder)


def _aplanar(datos, prefijo=""):
    fila = {}
    for clave, valor in datos.items():
        nombre = f"{prefijo}{clave}"
        if isinstance(valor, dict):
            fila.update(_aplanar(valor, f"{nombre}."))
        elif isinstance(valor, list):
            fila[nombre] = _celda_de_lista(valor)
        elif isinstance(valor, bool):
            # As the portal's downloads write them (sie.descargas.si_no, the actors' export).
            fila[nombre] = "sí" if valor else "no"
        else:
            fila[nombre] = "" if valor is None else valor
    return fila


class CSVRenderer(BaseRenderer):
    """CSV of a list (paginated or not), one flat row per object; `?format=csv`."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            data = [data]
        filas = [_aplanar(item) if isinstance(item, dict) else {"valor": item} for item in data]
        columnas: list[str] = []
        for fila in filas:
            columnas.extend(c for c in fila if c not in columnas)
        salida = io.StringIO()
        writer = EscritorDictCSV(salida, fieldnames=columnas, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(filas)
        # A BOM so spreadsheet programs read the accents right.
        return ("\ufeff" + salida.getvalue()).encode(self.charset)
