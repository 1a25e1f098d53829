"""Rate limits of the public forms, counted in the shared cache.

One function for every form (contact, tracking code, subscription, consultation comments, event
registration). If the cache is unreachable the attempt is allowed and logged: a Redis outage must
not turn a citizen's message into an error page; CSRF, the honeypot, length limits and moderation
still stand. Limits per visitor are keyed on core.red.ip_cliente (the address behind the trusted
proxy, never a header the visitor could forge).
"""

import logging

from django.core.cache import cache

from .red import ip_cliente

logger = logging.getLogger(__name__)


def limite_superado(clave: str, limite: int, segundos: int = 3600) -> bool:
    """Count one more attempt under clave; True once there are more than limite in the window."""
    try:
        cache.add(clave, 0, timeout=segundos)
        try:
            return cache.incr(clave) > limite
        except ValueError:  # expired between add and incr: this is the window's first attempt
            return False
    except Exception:
        logger.warning("Límite %s sin contar: caché no disponible", clave, exc_info=True)
        return False


def clave_visitante(request, nombre: str) -> str:
    """The key of a limit counted per visitor: nombre and the client address."""
    return f"{nombre}:{ip_cliente(request)}"
