"""The portal's brand mark and its share cards, drawn with Pillow.

The icons under static/img/ (favicon.ico, the touch icons, the default share card) are drawn once
by scripts/generar_iconos.py with `marca()` and committed. The share card of a pacto or a session
(the image WhatsApp, Facebook or X shows beside a shared link) is drawn on request by
`tarjeta_png()` and kept in the cache under a digest of what it shows, so a change draws a new
one. A card shows only the title, a kind and a line of published context: never a
person's name or any other personal data.
"""

import hashlib
import io
import logging
from functools import cache

from django.core.cache import cache as cache_django
from django.http import HttpResponse
from PIL import Image, ImageDraw, ImageFont

logger = logging.getLogger(__name__)

VERDE = (11, 107, 58)
VERDE_OSCURO = (6, 74, 40)
AMARILLO = (242, 193, 78)
CREMA = (246, 244, 238)
BLANCO = (255, 255, 255)
ANCHO, ALTO = 1200, 630
# A day: the key changes with the content, so this only bounds the space old cards take.
DURACION_TARJETA = 24 * 3600
_FUENTES = "/usr/share/fonts/truetype/dejavu/"


@cache
def _fuente(tamano: int, *, negrita: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    nombre = "DejaVuSans-Bold.ttf" if negrita else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(_FUENTES + nombre, tamano)
    except OSError:  # DejaVu is installed with WeasyPrint's fonts; Pillow's own font otherwise
        return ImageFont.load_default(tamano)


def marca(lado: int, *, redondeada: bool = True) -> Image.Image:
    """The portal's mark (static/img/favicon.svg: a mountain, the sun, a river) as a square image."""
    escala = lado / 64
    imagen = Image.new("RGBA", (lado, lado), (0, 0, 0, 0))
    dibujo = ImageDraw.Draw(imagen)

    def p(x: float, y: float) -> tuple[float, float]:
        return (x * escala, y * escala)

    radio = 14 * escala if redondeada else 0
    dibujo.rounded_rectangle((0, 0, lado - 1, lado - 1), radius=radio, fill=VERDE)
    dibujo.ellipse((*p(40, 12), *p(52, 24)), fill=AMARILLO)
    dibujo.polygon([p(6, 46), p(24, 20), p(29, 26), p(34, 19), p(39, 26), p(58, 46)], fill=BLANCO)
    rio = [p(9, 53), p(19, 47.5), p(26, 47), p(32, 50), p(38, 53.5), p(46, 53.5), p(55, 47)]
    dibujo.line(rio, fill=AMARILLO, width=max(1, round(5 * escala)), joint="curve")
    return imagen


def _lineas(texto: str, fuente, *, ancho: int, maximo: int) -> list[str]:
    """texto in lines no wider than `ancho` pixels, at most `maximo` (the last one cut with …)."""
    lineas: list[str] = []
    for palabra in texto.split():
        if lineas and fuente.getlength(f"{lineas[-1]} {palabra}") <= ancho:
            lineas[-1] = f"{lineas[-1]} {palabra}"
        else:
            lineas.append(palabra)
    if len(lineas) > maximo:
        lineas = lineas[:maximo]
        lineas[-1] = lineas[-1].rstrip(" .,;:") + "…"
    return lineas or [""]


def tarjeta(*, titulo: str, etiqueta: str, detalle: str = "", pie: str = "") -> Image.Image:
    """A 1200×630 card: the kind of page (etiqueta), its title, a line of context and the portal."""
    imagen = Image.new("RGB", (ANCHO, ALTO), CREMA)
    dibujo = ImageDraw.Draw(imagen)
    dibujo.rectangle((0, 0, ANCHO, 150), fill=VERDE)
    dibujo.rectangle((0, 150, ANCHO, 162), fill=AMARILLO)
    imagen.paste(marca(96), (60, 27), marca(96))
    dibujo.text((180, 50), "Pactos por Pichincha", font=_fuente(46, negrita=True), fill=BLANCO)
    y = 200
    if etiqueta:
        dibujo.text((60, y), etiqueta.upper(), font=_fuente(30, negrita=True), fill=VERDE)
        y += 56
    tamano = 58 if len(titulo) <= 60 else 48
    fuente = _fuente(tamano, negrita=True)
    for linea in _lineas(titulo, fuente, ancho=ANCHO - 120, maximo=3 if tamano == 58 else 4):
        dibujo.text((60, y), linea, font=fuente, fill=(33, 37, 41))
        y += tamano + 14
    if detalle:
        for linea in _lineas(detalle, _fuente(32), ancho=ANCHO - 120, maximo=2):
            dibujo.text((60, y + 10), linea, font=_fuente(32), fill=(73, 80, 87))
            y += 44
    dibujo.rectangle((0, ALTO - 70, ANCHO, ALTO), fill=VERDE_OSCURO)
    dibujo.text((60, ALTO - 52), pie, font=_fuente(28), fill=BLANCO)
    return imagen


def png(imagen: Image.Image) -> bytes:
    salida = io.BytesIO()
    imagen.save(salida, format="PNG", optimize=True)
    return salida.getvalue()


def tarjeta_png(**datos) -> bytes:
    """The card of `datos` as PNG bytes, drawn once: the cache key is a digest of what it shows,
    so a changed title draws a new card and an unchanged one is never drawn twice."""
    clave = "tarjeta:" + hashlib.sha256(repr(sorted(datos.items())).encode()).hexdigest()
    try:
        guardada = cache_django.get(clave)
    except Exception:
        logger.warning("Caché no disponible para las tarjetas", exc_info=True)
        guardada = None
    if guardada is not None:
        return guardada
    contenido = png(tarjeta(**datos))
    try:
        cache_django.set(clave, contenido, DURACION_TARJETA)
    except Exception:
        logger.warning("No se pudo guardar una tarjeta en la caché", exc_info=True)
    return contenido


def respuesta_png(contenido: bytes) -> HttpResponse:
    respuesta = HttpResponse(contenido, content_type="image/png")
    respuesta["Cache-Control"] = "public, max-age=3600"
    return respuesta
