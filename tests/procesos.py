"""Commands run as the project's scripts are run: this Python, in the project's root."""

import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]


def python(*argumentos: str, entorno: dict, timeout: float) -> str:
    """The output of `python argumentos` with the environment `entorno`; it must end well (the
    failure shows both outputs)."""
    resultado = subprocess.run(
        [sys.executable, *argumentos],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return resultado.stdout
