"""Uploaded files: which ones anybody may load, and who may load the rest.

Whether a file is public is decided by the object it belongs to, never by its name or folder:
a news image is public while its news item is published, a speaker's photo while the event is
published, and so on. Each app declares its file fields from its extensiones.registrar() with
registrar_medio(TipoMedio(...)) (the registry TIPOS_MEDIO, keyed "app_label.Model.campo"); `docs/architecture.md` lists them all, and a test fails for
any file field of the portal that nobody declared.

Every upload is served by one view, at the same address whatever DEBUG says (MEDIA_URL, so
`archivo.url` and `url_medio(archivo)` agree): the file is looked up by its exact stored name
among the declared fields, and is sent

- to anybody, with public cache headers, when some row holding it is in its kind's public
  queryset (`publicos`, the same selector the public pages use);
- otherwise to a logged-in person who holds the kind's permission (`permiso`, a django-rules
  permission checked on `objeto(row)`), marked private and not stored by caches;
- to nobody else: missing, unknown, forbidden and malformed names all answer the same 404.

A file field declared without `publicos` and without `permiso` is never served here (the
generated documents have their own permission-checked download view).

With MEDIA_ACCEL_REDIRECT set (env DJANGO_MEDIA_ACCEL_REDIRECT, e.g. "/_medios/"), the view does
the checks and leaves the sending to nginx: `X-Accel-Redirect` names the file under an `internal`
location that only such an answer can reach (docs/operations.md).
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .enlaces import url_absoluta
from .registro import Registro

logger = logging.getLogger(__name__)

# Public uploads never change under one name (a new upload gets a new name); a day lets a
# withdrawn item's file leave shared caches soon, and Last-Modified makes the next check cheap.
CACHE_PUBLICO = "public, max-age=86400"
CACHE_PRIVADO = "private, no-store"
# Types a browser may show in the page; anything else is downloaded. SVG is not among them:
# it can carry scripts.
TIPOS_EN_LINEA = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"})


@dataclass(frozen=True)
class TipoMedio:
    """One file field of the portal and the rule of its files.

    modelo, campo: "app_label.Model" and the FileField's name. publicos() -> the queryset of
    rows whose file anybody may load (None: never public). permiso: the django-rules
    permission that lets a logged-in person load the file of any other row, checked on
    objeto(row) (None: nobody through this view).
    """

    modelo: str
    campo: str
    publicos: Callable[[], QuerySet] | None = None
    permiso: str | None = None
    objeto: Callable[[models.Model], Any] = field(default=lambda fila: fila)

    @property
    def clave(self) -> str:
        return f"{self.modelo}.{self.campo}"

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.modelo)

    @property
    def prefijo(self) -> str:
        """The folder the field stores into, only to try the likeliest kind first."""
        destino = self.model_class._meta.get_field(self.campo).upload_to
        return destino.split("%", 1)[0] if isinstance(destino, str) else ""

    def filas(self, nombre: str) -> QuerySet:
        return self.model_class._default_manager.filter(**{self.campo: nombre})

    def es_publico(self, nombre: str) -> bool:
        return self.publicos is not None and self.publicos().filter(**{self.campo: nombre}).exists()

    def permite(self, usuario, nombre: str) -> bool:
        if self.permiso is None or not getattr(usuario, "is_authenticated", False):
            return False
        return any(usuario.has_perm(self.permiso, self.objeto(fila)) for fila in self.filas(nombre))


TIPOS_MEDIO: Registro[TipoMedio] = Registro("campos de archivos subidos")


def registrar_medio(tipo: TipoMedio) -> None:
    TIPOS_MEDIO.registrar(tipo.clave, tipo, envoltorios=1)


def tipos_medio() -> dict[str, TipoMedio]:
    return {tipo.clave: tipo for tipo in TIPOS_MEDIO.valores()}


def nombre_valido(ruta: str) -> str | None:
    """The stored name a URL path stands for, or None when it cannot be one (`..`, `//`, `\\`)."""
    if not ruta or ruta.startswith("/") or "\\" in ruta or "\x00" in ruta:
        return None
    if any(parte in ("", ".", "..") for parte in ruta.split("/")):
        return None
    return ruta


def _en_orden(nombre: str) -> list[TipoMedio]:
    return sorted(
        TIPOS_MEDIO.valores(), key=lambda t: not (t.prefijo and nombre.startswith(t.prefijo))
    )


def medio_acceso(*, nombre: str, usuario) -> str | None:
    """ "publico", "privado" or None (not for this person, or no such file) for a stored name.

    The person is looked at only when the file is not public, so a public file's answer is the
    same for everybody and carries no session.
    """
    if nombre_valido(nombre) is None:
        return None
    tipos = _en_orden(nombre)
    if any(tipo.es_publico(nombre) for tipo in tipos):
        return "publico"
    if getattr(usuario, "is_authenticated", False) and any(
        tipo.permite(usuario, nombre) for tipo in tipos
    ):
        return "privado"
    return None


def url_medio(archivo) -> str:
    """The portal's address of an uploaded file (a FieldFile or a stored name); "" when empty."""
    nombre = getattr(archivo, "name", archivo) or ""
    return reverse("medio", kwargs={"ruta": nombre}) if nombre else ""


def _tipo_contenido(nombre: str) -> str:
    tipo, codificacion = mimetypes.guess_type(nombre)
    if tipo is None or codificacion is not None:
        return "application/octet-stream"
    return tipo


def _disposicion(nombre: str, en_linea: bool) -> str:
    archivo = nombre.rsplit("/", 1)[-1]
    modo = "inline" if en_linea else "attachment"
    return f"{modo}; filename*=UTF-8''{quote(archivo)}"


@require_safe
def medio_view(request, ruta: str):
    """Serve one uploaded file under its rule (see the module's docstring)."""
    nombre = nombre_valido(ruta)
    acceso = medio_acceso(nombre=nombre, usuario=request.user) if nombre else None
    if acceso is None:
        raise Http404(_("No encontramos este archivo."))
    try:
        modificado = default_storage.get_modified_time(nombre)
    except (FileNotFoundError, NotImplementedError, OSError, SuspiciousFileOperation):
        modificado = None
    if modificado is None and not default_storage.exists(nombre):
        raise Http404(_("No encontramos este archivo."))
    # HTTP dates have whole seconds: compare the file's time at that precision.
    segundos = int(modificado.astimezone(UTC).timestamp()) if modificado else None
    ultima = http_date(segundos) if segundos else None

    if acceso == "publico" and segundos:
        no_cambio = get_conditional_response(request, last_modified=segundos)
        if no_cambio is not None:
            no_cambio["Cache-Control"] = CACHE_PUBLICO
            return no_cambio

    tipo = _tipo_contenido(nombre)
    prefijo = settings.MEDIA_ACCEL_REDIRECT
    if prefijo:
        respuesta = HttpResponse(content_type=tipo)
        respuesta["X-Accel-Redirect"] = prefijo.rstrip("/") + "/" + quote(nombre)
    else:
        try:
            archivo = default_storage.open(nombre, "rb")
        except (FileNotFoundError, OSError, SuspiciousFileOperation):
            raise Http404(_("No encontramos este archivo.")) from None
        respuesta = FileResponse(archivo, content_type=tipo)
    respuesta["Content-Disposition"] = _disposicion(nombre, tipo in TIPOS_EN_LINEA)
    respuesta["X-Content-Type-Options"] = "nosniff"
    respuesta["Cache-Control"] = CACHE_PUBLICO if acceso == "publico" else CACHE_PRIVADO
    if ultima and acceso == "publico":
        respuesta["Last-Modified"] = ultima
    return respuesta


def imagen_para_compartir(archivo, *, alt: str = "") -> dict | None:
    """What a shared link shows of an uploaded picture (og:image): its absolute address on the
    portal's public address, its type and size in pixels; None when there is no picture or it
    cannot be read (the page then shares its default card). Only for a picture the public may
    see (a published news item's): the address is served by medio_view under its rule."""
    if not archivo:
        return None
    try:
        ancho, alto = archivo.width, archivo.height
    except Exception:  # missing from storage, or not an image Pillow reads
        logger.warning("No se pudo leer la imagen %s para compartir", archivo.name, exc_info=True)
        return None
    tipo = _tipo_contenido(archivo.name)
    if tipo not in TIPOS_EN_LINEA:  # a link preview shows only an image a browser shows
        return None
    return {
        "url": url_absoluta(url_medio(archivo)),
        "tipo": tipo,
        "ancho": ancho,
        "alto": alto,
        "alt": alt,
    }
