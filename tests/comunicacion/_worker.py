"""What the tests that run a real Celery worker share."""

import time


def esperar(condicion, segundos=30) -> bool:
    """Poll condicion() until it holds (True) or the time runs out (False)."""
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if condicion():
            return True
        time.sleep(0.2)
    return False
