"""collectstatic for the production-like stack of tests/produccion, from the start of the run.

With DJANGO_DEBUG=0 collectstatic hashes, minifies and compresses every static file (some 45 s of
CPU on this machine even when nothing changed). scripts/stack.py ran it while migrating and
loading the demo, the three sharing two cores, at the very end of the run. When the run has tests
of tests/produccion it now starts at collection, at the lowest priority (nice 19: it takes the
idle core, never time from the tests), with the environment the stack gives its processes; the
stack fixture waits for it and tells the stack it is done (STACK_ESTATICOS_HECHOS). If it failed,
the stack runs its own, as before, and reports the error.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from scripts.entorno import entorno_de_produccion

RAIZ = Path(__file__).resolve().parents[1]

_proceso: subprocess.Popen | None = None


def _entorno() -> dict[str, str]:
    """As scripts/stack.py's: nothing of the test run's settings, DEBUG off."""
    return entorno_de_produccion("https://127.0.0.1")


def empezar() -> None:
    global _proceso
    if _proceso is not None:
        return
    prioridad = ["nice", "-n", "19"] if shutil.which("nice") else []
    _proceso = subprocess.Popen(
        [
            *prioridad,
            sys.executable,
            str(RAIZ / "manage.py"),
            "collectstatic",
            "--noinput",
            "-v",
            "0",
        ],
        env=_entorno(),
        cwd=RAIZ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def hechos() -> bool:
    """Wait for the background collectstatic: True if it ran and succeeded."""
    if _proceso is None:
        return False
    return _proceso.wait() == 0


def parar() -> None:
    if _proceso is not None and _proceso.poll() is None:
        _proceso.terminate()
        _proceso.wait()
