"""Reads of core: the team's accounts for the people page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db.models import Prefetch, Q, QuerySet

from .models import CambioPersona, PreferenciasPanel
from .roles import Rol


def personas(*, rol: str = "", q: str = "", estado: str = "") -> QuerySet:
    """Accounts with their roles (one prefetch), filtered by role, name or e-mail, and state."""
    qs = (
        get_user_model()
        .objects.prefetch_related(Prefetch("groups", queryset=Group.objects.only("name")))
        .order_by("-is_active", "first_name", "last_name", "username")
    )
    if rol in Rol.values:
        qs = qs.filter(groups__name=rol)
    elif rol == "sin_rol":
        qs = qs.filter(groups__isnull=True, is_superuser=False)
    if q:
        qs = qs.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
            | Q(username__icontains=q)
        )
    if estado == "activas":
        qs = qs.filter(is_active=True)
    elif estado == "inactivas":
        qs = qs.filter(is_active=False)
    return qs


def persona(*, pk: int) -> AbstractBaseUser:
    return personas().get(pk=pk)


def cambios_de_persona(*, persona: AbstractBaseUser) -> QuerySet[CambioPersona]:
    return persona.cambios_de_cuenta.select_related("autor").order_by("-fecha", "-pk")


def invitaciones_sin_aceptar() -> QuerySet:
    """Active accounts still without a password: invited, not yet in."""
    return (
        get_user_model()
        .objects.filter(is_active=True, password__startswith="!", last_login__isnull=True)
        .order_by("-date_joined")
    )


def recibe_resumen(*, usuario: AbstractBaseUser) -> bool:
    return PreferenciasPanel.objects.filter(usuario=usuario, resumen_diario=True).exists()
