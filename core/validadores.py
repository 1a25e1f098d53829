"""Uploads are judged by size and by what they contain, never by their name alone.

ArchivoValidador(tipos, max_mb) goes in a form field's validators. It reads the first bytes
and the structure of the file: a PDF starts with %PDF-, an XLSX (or DOCX, PPTX) is a zip with
the Office content types, an image passes Pillow's verify, a CSV decodes as text without NUL
bytes. A file renamed to look like another kind, or HTML and scripts passed off as a picture,
are refused with a message in Spanish, and the name's extension must agree with the content.
"""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024

# kind → (extensions, description for the error message)
TIPOS = {
    "csv": ((".csv", ".txt"), "CSV"),
    "xlsx": ((".xlsx",), "Excel (.xlsx)"),
    "docx": ((".docx",), "Word (.docx)"),
    "pptx": ((".pptx",), "PowerPoint (.pptx)"),
    "pdf": ((".pdf",), "PDF"),
    "imagen": ((".jpg", ".jpeg", ".png", ".gif", ".webp"), _("imagen (JPG, PNG, GIF o WebP)")),
}
# What an evidence of progress may be.
TIPOS_EVIDENCIA = ("pdf", "imagen", "xlsx", "docx", "pptx", "csv")

_OFFICE = {
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_FORMATOS_IMAGEN = {"JPEG", "PNG", "GIF", "WEBP"}
# Markup a browser would run if the file were ever served inline.
_MARCADO = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def _leer(archivo) -> bytes:
    posicion = archivo.tell() if hasattr(archivo, "tell") else 0
    archivo.seek(0)
    contenido = archivo.read()
    archivo.seek(posicion)
    return contenido


def _es_pdf(contenido: bytes) -> bool:
    return contenido[:1024].lstrip().startswith(b"%PDF-")


def _es_office(contenido: bytes, tipo: str) -> bool:
    if not contenido.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(contenido)) as paquete:
            tipos = paquete.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return False
    return _OFFICE[tipo] in tipos


def _es_imagen(contenido: bytes) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(contenido)) as imagen:
            formato = imagen.format
            imagen.verify()
    except Exception:  # Pillow raises many kinds of error for a broken file
        return False
    return formato in _FORMATOS_IMAGEN


def _es_texto(contenido: bytes) -> bool:
    if b"\x00" in contenido[:65536]:
        return False
    inicio = contenido[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if inicio.startswith(_MARCADO) or inicio.startswith((b"pk\x03\x04", b"%pdf-")):
        return False
    for codificacion in ("utf-8-sig", "cp1252"):
        try:
            contenido.decode(codificacion)
        except UnicodeDecodeError:
            continue
        return True
    return False


def tipo_de_contenido(contenido: bytes, candidatos=tuple(TIPOS)) -> str | None:
    """Which of the candidate kinds these bytes are, judged by content only."""
    for tipo in candidatos:
        if tipo == "pdf" and _es_pdf(contenido):
            return tipo
        if tipo in _OFFICE and _es_office(contenido, tipo):
            return tipo
        if tipo == "imagen" and _es_imagen(contenido):
            return tipo
    if "csv" in candidatos and _es_texto(contenido):
        return "csv"
    return None


@deconstructible
class ArchivoValidador:
    """Validator for a FileField: at most max_mb megabytes, and one of the kinds in tipos."""

    def __init__(self, tipos=("csv", "xlsx"), max_mb: float = 10):
        self.tipos = tuple(tipos)
        self.max_mb = max_mb

    def __call__(self, archivo) -> None:
        maximo = int(self.max_mb * MB)
        if archivo.size > maximo:
            raise ValidationError(
                _("El archivo pesa %(tamano)s; el máximo es %(maximo)s."),
                code="archivo_grande",
                params={"tamano": filesizeformat(archivo.size), "maximo": filesizeformat(maximo)},
            )
        nombre = (getattr(archivo, "name", "") or "").lower()
        aceptados = ", ".join(str(TIPOS[t][1]) for t in self.tipos)
        por_nombre = [t for t in self.tipos if nombre.endswith(TIPOS[t][0])]
        if not por_nombre:
            raise ValidationError(
                _("Tipo de archivo no admitido; suba uno de estos: %(tipos)s."),
                code="archivo_tipo",
                params={"tipos": aceptados},
            )
        if tipo_de_contenido(_leer(archivo), por_nombre) is None:
            raise ValidationError(
                _(
                    "El contenido del archivo no corresponde a %(tipo)s: puede estar dañado o "
                    "ser de otro tipo con el nombre cambiado."
                ),
                code="archivo_contenido",
                params={"tipo": TIPOS[por_nombre[0]][1]},
            )

    def __eq__(self, otro) -> bool:
        return (
            isinstance(otro, ArchivoValidador)
            and self.tipos == otro.tipos
            and self.max_mb == otro.max_mb
        )


def id_de_formulario(valor) -> int | None:
    """A primary key posted by a form, or None for anything that is not one (a 404, never a 500).

    "abc", "", "1.5" and numbers beyond PostgreSQL's bigint would otherwise raise in the query.
    """
    texto = str(valor or "").strip()
    if texto.isascii() and texto.isdigit() and len(texto) < 19:
        return int(texto)
    return None


def ids_de_formulario(valores) -> list[int]:
    """The valid primary keys of a posted list (request.POST.getlist), the rest dropped."""
    return [i for i in map(id_de_formulario, valores) if i is not None]


def guardar_validado[M: Model](objeto: M, **full_clean) -> M:
    """Save a row a service built only after the model's own rules pass (full_clean, with its
    arguments such as exclude=): a refusal is a ValidationError the view puts on the form."""
    objeto.full_clean(**full_clean)
    objeto.save()
    return objeto
