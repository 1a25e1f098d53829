"""Small files for the demo data, drawn with Pillow when the demo loads (no binaries in git).

They give the demo's news items, speakers, pactos and activities real uploads, so pages and the
production-like stack show and serve files the way they will with real ones.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

VERDE = (22, 101, 52)
AZUL = (30, 64, 120)
TIERRA = (146, 84, 34)


def _fuente(tamano: int):
    return ImageFont.load_default(size=tamano)


def imagen_demo(nombre: str, texto: str, color=VERDE, tamano=(640, 360)) -> ContentFile:
    """A PNG banner: a band of colour with a title, standing in for a news photograph."""
    ancho, alto = tamano
    imagen = Image.new("RGB", tamano, (236, 240, 236))
    dibujo = ImageDraw.Draw(imagen)
    for y in range(alto):
        t = y / alto
        fila = tuple(int(c * (1 - 0.45 * t) + 255 * 0.15 * t) for c in color)
        dibujo.line([(0, y), (ancho, y)], fill=fila)
    dibujo.text((32, alto - 72), texto[:48], fill=(255, 255, 255), font=_fuente(30))
    return _png(imagen, nombre)


def retrato_demo(nombre: str, iniciales: str, color=AZUL) -> ContentFile:
    """A square PNG with the person's initials, standing in for a speaker's photograph."""
    imagen = Image.new("RGB", (240, 240), color)
    dibujo = ImageDraw.Draw(imagen)
    dibujo.ellipse([40, 40, 200, 200], fill=(255, 255, 255))
    dibujo.text((120, 120), iniciales[:3], fill=color, font=_fuente(64), anchor="mm")
    return _png(imagen, nombre)


def pdf_demo(nombre: str, titulo: str, lineas=()) -> ContentFile:
    """A one-page PDF (an A5 page drawn as an image), standing in for a scanned document."""
    pagina = Image.new("RGB", (420, 595), (255, 255, 255))
    dibujo = ImageDraw.Draw(pagina)
    dibujo.rectangle([0, 0, 420, 48], fill=VERDE)
    dibujo.text((20, 14), "Pactos por Pichincha", fill=(255, 255, 255), font=_fuente(18))
    dibujo.text((20, 72), titulo[:60], fill=(0, 0, 0), font=_fuente(16))
    for i, linea in enumerate(lineas):
        dibujo.text((20, 110 + 22 * i), str(linea)[:64], fill=(40, 40, 40), font=_fuente(13))
    salida = BytesIO()
    pagina.save(salida, format="PDF", resolution=72)
    return ContentFile(salida.getvalue(), name=nombre)


def iniciales(nombre: str) -> str:
    return "".join(parte[0] for parte in nombre.split()[:2] if parte).upper()


def _png(imagen: Image.Image, nombre: str) -> ContentFile:
    salida = BytesIO()
    imagen.save(salida, format="PNG", optimize=True)
    return ContentFile(salida.getvalue(), name=nombre)
