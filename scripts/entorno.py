"""The environment of the portal's production-like processes (scripts/stack.py, and the
collectstatic that tests/produccion starts early): nothing of a test runner's or a developer's
settings, DEBUG off, a fresh secret key, this checkout's code."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def entorno_de_produccion(url: str) -> dict[str, str]:
    """This process's environment without its Django, test and mail settings, with production
    settings answering at `url`."""
    entorno = {
        k: v
        for k, v in os.environ.items()
        # Nothing of a test runner's or a developer's settings leaks into the production processes.
        if not k.startswith(("DJANGO_", "PACTOS_", "EMAIL_", "CELERY_", "PYTEST"))
        and k not in {"PORTAL_URL", "DEMO_PASSWORD", "REQUIRE_SERVICES"}
    }
    entorno.update(
        {
            "PYTHONPATH": str(RAIZ),  # this checkout's code, whatever the virtualenv points at
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "PORTAL_URL": url,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
    )
    return entorno
