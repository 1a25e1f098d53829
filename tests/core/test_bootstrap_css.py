"""Bootstrap's CSS is built reduced to the classes the portal names (scripts/bootstrap-css.mjs,
PurgeCSS, run by `make`). A class a template names and Bootstrap styles must have survived: a
template directory the build did not read, or a class built by concatenation, fails here
instead of showing an unstyled page."""

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
COMPLETO = RAIZ / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.min.css"
REDUCIDO = RAIZ / "static" / "vendor" / "bootstrap" / "bootstrap.min.css"
EXCLUIDOS = {"node_modules", "vendor", "staticfiles", ".venv", "var"}


def _clases_css(texto: str) -> set[str]:
    """The classes a rule styles by themselves (`.btn{`, `.btn:hover`, `.a,.btn{`), not only
    inside a compound selector whose other parts the portal may not use (`.icon-link>.bi`)."""
    texto = re.sub(r"url\([^)]*\)", "", texto)
    return set(re.findall(r"(?:^|[{},])\.(-?[A-Za-z_][\w-]*)(?=[{,:.\[ ])", texto))


def _clases_de_plantillas() -> dict[str, set[str]]:
    usadas: dict[str, set[str]] = {}
    for plantilla in RAIZ.glob("**/templates/**/*.html"):
        if EXCLUIDOS & set(plantilla.relative_to(RAIZ).parts):
            continue
        texto = re.sub(r"\{[{%#].*?[}%#]\}", " ", plantilla.read_text(encoding="utf-8"), flags=re.S)
        for valor in re.findall(r'\bclass="([^"]*)"', texto):
            for clase in valor.split():
                usadas.setdefault(clase, set()).add(str(plantilla.relative_to(RAIZ)))
    return usadas


def test_el_css_reducido_conserva_cada_clase_de_bootstrap_que_nombran_las_plantillas():
    bootstrap = _clases_css(COMPLETO.read_text(encoding="utf-8"))
    reducido = set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", REDUCIDO.read_text(encoding="utf-8")))
    perdidas = {
        clase: sorted(donde)[:3]
        for clase, donde in _clases_de_plantillas().items()
        if clase in bootstrap and clase not in reducido
    }
    assert not perdidas, perdidas


def test_el_css_reducido_es_mucho_menor_y_sin_mapa_huerfano():
    completo, reducido = COMPLETO.read_text(encoding="utf-8"), REDUCIDO.read_text(encoding="utf-8")
    assert len(reducido) < len(completo) / 2
    assert "sourceMappingURL" not in reducido  # the map was of the whole file
    # what the scripts of Bootstrap and htmx add stays
    for clase in ("show", "collapsing", "fade", "dropdown-menu-end", "visually-hidden"):
        assert f".{clase}" in reducido, clase
