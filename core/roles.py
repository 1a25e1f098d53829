"""The portal's roles: Django groups, created by a data migration on every install."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    COORDINACION = "Coordinación", _("Coordinación")
    FACILITACION = "Facilitación", _("Facilitación")
    COMUNICACION = "Comunicación", _("Comunicación")
    ANALISIS = "Análisis SIE", _("Análisis SIE")
    ADMINISTRACION = "Administración", _("Administración")


def roles_de(user) -> set[str]:
    """Names of the roles a user holds, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_roles_cache", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached.add(Rol.ADMINISTRACION)
        user._roles_cache = cached
    return cached
