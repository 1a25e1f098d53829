"""Production serves the portal's own scripts and styles minified (core/estaticos.py): fewer
bytes on a slow link, the same behaviour."""

import shutil
import subprocess
from pathlib import Path

from core.estaticos import _propio, minificar

RAIZ = Path(__file__).resolve().parents[2]


def test_los_propios_se_minifican_los_de_terceros_no():
    assert _propio("mesas/registro.js") and _propio("css/portal.css")
    assert not _propio("vendor/htmx/htmx.min.js")
    assert not _propio("vendor/workbox/workbox-sw.js")
    assert not _propio("admin/js/actions.js")
    assert not _propio("img/logo.svg")


def test_un_script_minificado_es_menor_y_sigue_siendo_javascript_valido(tmp_path):
    copia = tmp_path / "registro.js"
    shutil.copy(RAIZ / "mesas" / "static" / "mesas" / "registro.js", copia)
    antes = copia.stat().st_size
    assert minificar([copia])
    assert copia.stat().st_size < antes * 0.6
    subprocess.run(["node", "--check", str(copia)], check=True)
    assert "localStorage" in copia.read_text()  # the same script, not an empty one
