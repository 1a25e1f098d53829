"""Draws the portal's icons into static/img/ (run once; the files are committed).

    .venv/bin/python scripts/generar_iconos.py

favicon.ico (16, 32, 48 px), apple-touch-icon.png (180 px, square: iOS rounds it), icono-192.png
and icono-512.png (the web manifest's), and compartir.png, the 1200x630 card pages without their
own image show when shared. The mark is static/img/favicon.svg's, drawn by core.tarjetas.marca.
"""

import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from core.tarjetas import marca, png, tarjeta  # noqa: E402

DESTINO = RAIZ / "static" / "img"


def main() -> None:
    grande = marca(512)
    grande.save(DESTINO / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    marca(180, redondeada=False).convert("RGB").save(DESTINO / "apple-touch-icon.png")
    marca(192).save(DESTINO / "icono-192.png", optimize=True)
    grande.save(DESTINO / "icono-512.png", optimize=True)
    portada = tarjeta(
        titulo="Desarrollo productivo concertado en turismo y agro",
        etiqueta="Portal del programa",
        detalle="Mesas, pactos, indicadores y eventos del programa",
        pie="Gobierno Provincial de Pichincha",
    )
    (DESTINO / "compartir.png").write_bytes(png(portada))


if __name__ == "__main__":
    main()
