"""The paper kit of a session: the sign-in sheet people sign at the door (a PDF of the document
pipeline, staff only), and the photos or scans the facilitator attaches from the phone.

The sheet lists the table's members by name whatever their consent to be named in public: it is
for the facilitator to print, never public (its kind's permission is mesas.ver_sesion). Its QR
code opens the session's recording page on the portal's public address.

Photos are private to the table's staff. The acta for signature lists those uploaded before the
session was closed (`anexos_del_acta`); one uploaded later stays with the session and is listed
in the next version of the acta, so a signed acta never changes silently. The published acta
lists none: a photo of the room shows faces, and the sheet, names and cédulas.
"""

from __future__ import annotations

import io
import zlib

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.urls import reverse
from PIL import Image, ImageOps

from actores.models import Actor
from actores.selectors import organizacion_de_membresia
from core.documentos import documentos_de
from core.enlaces import qr_data_uri, url_absoluta
from core.models import Documento

from .models import FotoSesion, Sesion

TIPO_HOJA_ASISTENCIA = "hoja_asistencia"
# Blank rows after the members: a session has 15 to 60 people, most of them not members.
FILAS_EN_BLANCO = 20
# Rows of the sheet in landscape A4: the first page (under the heading) and each further one.
# The rows are rounded up to fill the last page, so there is always at least one full page.
FILAS_PRIMERA_PAGINA = 14
FILAS_POR_PAGINA = 19

# Photos: the largest upload accepted (MB; a phone camera's JPEG is a few MB), and at most this long side (px) once stored, and the thumbnail's for the session page.
FOTO_MAX_MB = 15
LADO_MAXIMO = 2000
LADO_MINIATURA = 320


# --- The sign-in sheet -----------------------------------------------------------------------


def url_registro(sesion: Sesion) -> str:
    """The session's recording page on the public address (the sheet's QR code)."""
    return url_absoluta(reverse("mesas:sesion", kwargs={"pk": sesion.pk}))


def _miembros(sesion: Sesion) -> list[dict]:
    """The table's members as the sheet pre-lists them: persons by name with their
    organisation, then organisations with the name left for whoever comes for them."""
    miembros = (
        sesion.mesa.miembros.filter(activo=True)
        .annotate(organizacion_membresia=organizacion_de_membresia())
        .only("pk", "nombre", "naturaleza")
    )
    personas, organizaciones = [], []
    for actor in miembros:
        if actor.naturaleza == Actor.Naturaleza.PERSONA:
            personas.append({"nombre": actor.nombre, "organizacion": actor.organizacion_membresia})
        else:
            organizaciones.append({"nombre": "", "organizacion": actor.nombre})
    personas.sort(key=lambda m: m["nombre"].casefold())
    organizaciones.sort(key=lambda m: m["organizacion"].casefold())
    return personas + organizaciones


def _filas(n_miembros: int) -> int:
    """How many rows the sheet has: the members and FILAS_EN_BLANCO more, filling whole pages."""
    filas = max(n_miembros + FILAS_EN_BLANCO, FILAS_PRIMERA_PAGINA)
    resto = (filas - FILAS_PRIMERA_PAGINA) % FILAS_POR_PAGINA
    return filas + (FILAS_POR_PAGINA - resto) % FILAS_POR_PAGINA


def hoja_contexto(sesion: Sesion) -> dict:
    """What the sign-in sheet's template shows (core's document registry calls it)."""
    sesion = Sesion.objects.select_related("mesa", "parroquia__canton").get(pk=sesion.pk)
    miembros = _miembros(sesion)
    blancas = _filas(len(miembros)) - len(miembros)
    return {
        "sesion": sesion,
        "mesa": sesion.mesa,
        "miembros": miembros,
        "filas_en_blanco": range(len(miembros) + 1, len(miembros) + blancas + 1),
        "url_registro": url_registro(sesion),
        "qr": qr_data_uri(url_registro(sesion)),
    }


def hoja_version(sesion: Sesion) -> int:
    """The sheet's version: it changes with what the sheet prints (date, place, number, members,
    public address), so a stale sheet is never served after the session or its table changed."""
    partes = [
        sesion.mesa.nombre,
        str(sesion.numero),
        sesion.inicio.isoformat(),
        sesion.lugar,
        str(sesion.parroquia_id),
        url_registro(sesion),
        *(f"{m['nombre']}|{m['organizacion']}" for m in _miembros(sesion)),
    ]
    return zlib.crc32("\n".join(partes).encode()) & 0x7FFFFFFF


def hoja_actual(*, sesion: Sesion) -> Documento | None:
    """The sheet's document row for the session as it is now, if somebody already asked for it."""
    return (
        documentos_de(modelo=Sesion, pks=[sesion.pk], tipo=TIPO_HOJA_ASISTENCIA)
        .filter(version=hoja_version(sesion))
        .first()
    )


# --- Photos and scans ------------------------------------------------------------------------


def fotos_de(*, sesion: Sesion) -> QuerySet[FotoSesion]:
    return sesion.fotos.select_related("subida_por")


def en_acta(*, foto: FotoSesion, sesion: Sesion) -> bool:
    """The photo is listed in the current acta for signature (uploaded before the last close)."""
    return (
        not sesion.editable
        and sesion.cerrada_en is not None
        and foto.subida_en <= sesion.cerrada_en
    )


def anexos_del_acta(*, sesion: Sesion) -> list[FotoSesion]:
    """The photos the acta for signature lists: those uploaded before the session was closed."""
    fotos = fotos_de(sesion=sesion)
    if sesion.cerrada_en is not None:
        fotos = fotos.filter(subida_en__lte=sesion.cerrada_en)
    return list(fotos)


def de_sesion(*, sesion: Sesion, usuario: AbstractBaseUser) -> dict:
    """What the paper-kit section of the session page shows. The lists are read only when the
    section is rendered (templates call callables), not on every save of another section."""

    def fotos() -> list[FotoSesion]:
        lista = list(fotos_de(sesion=sesion))
        for foto in lista:
            foto.en_acta = en_acta(foto=foto, sesion=sesion)
        return lista

    return {
        "fotos": fotos,
        "hoja_asistencia": lambda: hoja_actual(sesion=sesion),
        "puede_adjuntar": usuario.has_perm("mesas.adjuntar_fotos", sesion),
    }


def _jpeg(imagen, calidad: int) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, format="JPEG", quality=calidad, optimize=True, progressive=True)
    return salida.getvalue()


def preparar_imagen(contenido: bytes) -> tuple[bytes, bytes]:
    """(photo, thumbnail) as JPEG: turned upright, the photo at most LADO_MAXIMO px on its long
    side, without EXIF (no GPS position, no camera data). Raises OSError/ValueError when Pillow
    cannot read it."""
    try:
        return _preparar(contenido)
    except Image.DecompressionBombError as exc:  # far more pixels than any camera makes
        raise ValueError(str(exc)) from None


def _preparar(contenido: bytes) -> tuple[bytes, bytes]:
    with Image.open(io.BytesIO(contenido)) as original:
        original.draft("RGB", (LADO_MAXIMO, LADO_MAXIMO))  # JPEG: decode at a reduced scale
        imagen = ImageOps.exif_transpose(original)
        if imagen.mode in ("RGBA", "LA", "P"):
            imagen = imagen.convert("RGBA")
            fondo = Image.new("RGB", imagen.size, "white")
            fondo.paste(imagen, mask=imagen.getchannel("A"))
            imagen = fondo
        elif imagen.mode not in ("RGB", "L"):
            imagen = imagen.convert("RGB")
        imagen.thumbnail((LADO_MAXIMO, LADO_MAXIMO), Image.Resampling.LANCZOS)
        foto = _jpeg(imagen, 85)
        imagen.thumbnail((LADO_MINIATURA, LADO_MINIATURA), Image.Resampling.LANCZOS)
        return foto, _jpeg(imagen, 70)
