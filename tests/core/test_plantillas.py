"""The shared templates stay formatted (djlint, configured in pyproject.toml) and CSP-clean."""

import re
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
# The PDF layout and the document status page belong to the document pipeline.
AJENAS = {"templates/pdf/base.html", "core/templates/core/documento.html"}


def _plantillas() -> list[str]:
    rutas = [*RAIZ.glob("templates/**/*.html"), *RAIZ.glob("core/templates/**/*.html")]
    return sorted(
        str(p.relative_to(RAIZ))
        for p in rutas
        if str(p.relative_to(RAIZ)) not in AJENAS
        and not str(p.relative_to(RAIZ)).startswith("templates/pdf/")
    )


def test_djlint_sin_cambios_pendientes():
    djlint = Path(sys.executable).parent / "djlint"
    r = subprocess.run(
        [str(djlint), *_plantillas(), "--check"],
        cwd=RAIZ,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, f"corra djlint --reformat:\n{r.stdout[-3000:]}"


def test_sin_estilos_ni_scripts_en_linea():
    """The Content Security Policy allows only the portal's own files."""
    for ruta in _plantillas():
        texto = (RAIZ / ruta).read_text(encoding="utf-8")
        assert not re.search(r"\sstyle=", texto), ruta
        assert not re.search(r"\son[a-z]+=", texto), ruta
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", texto), ruta
        assert "<style" not in texto, ruta
