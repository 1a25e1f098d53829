"""The processes a benchmark runs: manage.py commands, a bench module in a child process,
gunicorn with production settings, and the wait until it answers."""

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def manage(*argumentos: str, env: dict) -> None:
    """`manage.py <argumentos>` quietly, in the checkout, with this environment."""
    subprocess.run(
        [sys.executable, "manage.py", *argumentos, "-v", "0"], cwd=RAIZ, env=env, check=True
    )


def salida_json(modulo: str, *argumentos: str, env: dict) -> dict:
    """`python -m <modulo> <argumentos>`: what its last line of output says, as JSON."""
    salida = subprocess.run(
        [sys.executable, "-m", modulo, *argumentos],
        cwd=RAIZ,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(salida.strip().splitlines()[-1])


def gunicorn(env: dict, *, puerto: int, workers: int, opciones: tuple[str, ...] = ()):
    """gunicorn serving the portal on 127.0.0.1:puerto, in its own process group (stop it with
    os.killpg)."""
    comando = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        "--workers",
        str(workers),
        *opciones,
        "--bind",
        f"127.0.0.1:{puerto}",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(comando, cwd=RAIZ, env=env, start_new_session=True)


def esperar(base: str, *, intentos: int = 100) -> bool:
    """Whether the portal at `base` answers /ping/ within `intentos` tries, 0.2 s apart."""
    for _ in range(intentos):
        try:
            urllib.request.urlopen(base + "/ping/", timeout=1)
            return True
        except OSError:
            time.sleep(0.2)
    return False
