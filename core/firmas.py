"""Signed links: a token that names one object by its id and its secret key, for one purpose.

The token is signed with SECRET_KEY and salted with the purpose (`sal`), so a link to confirm a
subscription cannot be used to cancel it; it carries the object's random key (`campo`), so
changing the key revokes every link sent before; and it never carries personal data, since links
end up in logs and forwarded mail.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db import models


class EnlaceInvalido(Exception):
    """The link was altered, names no object, or was revoked."""


class EnlaceCaducado(EnlaceInvalido):
    """The link was genuine but is older than it may be."""


def token_firmado(obj: models.Model, *, sal: str, campo: str = "clave") -> str:
    return signing.dumps([obj.pk, str(getattr(obj, campo))], salt=sal, compress=True)


def datos_de_token(token: str, *, sal: str, max_age: int | timedelta | None = None):
    """What the token carries, checked: EnlaceCaducado if too old, EnlaceInvalido if altered."""
    try:
        return signing.loads(token, salt=sal, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise EnlaceCaducado from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise EnlaceInvalido from exc


def objeto_de_token(
    token: str,
    *,
    sal: str,
    queryset: models.QuerySet | type[models.Model],
    campo: str = "clave",
    max_age: int | timedelta | None = None,
) -> models.Model:
    """The object a token of token_firmado() names, if its key is still the one signed."""
    datos = datos_de_token(token, sal=sal, max_age=max_age)
    if not (isinstance(datos, list) and len(datos) == 2) or not datos[1]:
        raise EnlaceInvalido
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    pk, clave = datos
    try:
        obj = queryset.filter(pk=pk).first()
    except (ValueError, TypeError) as exc:
        raise EnlaceInvalido from exc
    if obj is None or str(getattr(obj, campo)) != clave:
        raise EnlaceInvalido
    return obj
