"""The client's address, as every rate limit and lockout must see it.

Behind a reverse proxy REMOTE_ADDR is the proxy's address, so the whole public would share one
allowance. The visitor's address is then read from the header the proxy sets, but only when the
deployment says which header that is and how many proxies it trusts
(``PROXY_IP_HEADER``/``PROXY_CONTADOR`` from ``DJANGO_PROXY_IP_HEADER`` and
``DJANGO_PROXY_CONTADOR``). Without them the header is ignored: a visitor who talks to gunicorn
directly cannot choose their own address by sending one.
"""

from ipaddress import ip_address

from django.conf import settings


def _valida(direccion: str) -> str:
    direccion = direccion.strip()
    if direccion.startswith("[") and "]" in direccion:  # "[2001:db8::1]:443"
        direccion = direccion[1 : direccion.index("]")]
    elif direccion.count(":") == 1:  # "203.0.113.7:5123"
        direccion = direccion.split(":", 1)[0]
    try:
        return str(ip_address(direccion))
    except ValueError:
        return ""


def ip_cliente(request) -> str:
    """The visitor's IP address: REMOTE_ADDR, or the trusted proxy header when one is configured.

    With ``X-Forwarded-For`` and ``PROXY_CONTADOR = n``, each of the n trusted proxies appended
    the address it received the request from; the client is the n-th entry from the right. The
    entries left of it were written by the client and are never believed. A header with fewer
    entries than trusted proxies, or an unreadable entry, falls back to REMOTE_ADDR.
    """
    remota = request.META.get("REMOTE_ADDR", "")
    cabecera = getattr(settings, "PROXY_IP_HEADER", "")
    if not cabecera:
        return remota
    valor = request.META.get(cabecera, "")
    if not valor:
        return remota
    contador = max(int(getattr(settings, "PROXY_CONTADOR", 1) or 1), 1)
    entradas = [e for e in (p.strip() for p in valor.split(",")) if e]
    if len(entradas) < contador:
        return remota
    return _valida(entradas[-contador]) or remota
