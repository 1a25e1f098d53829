"""Writes of core: the team's accounts (invite, roles, deactivate), each change recorded, and the
work queue's daily digest."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from .cola import cola_de, total_de
from .correo import correo_enviar
from .enlaces import url_absoluta, url_de
from .models import CambioPersona, PreferenciasPanel
from .roles import Rol, roles_de


class GeneradorInvitacion(PasswordResetTokenGenerator):
    """Django's password-reset tokens with their own salt and lifetime: an invitation's link is
    valid PORTAL_INVITACION_DIAS days and stops working once a password is set."""

    key_salt = "core.services.GeneradorInvitacion"

    def check_token(self, user, token) -> bool:
        # Django's own check reads PASSWORD_RESET_TIMEOUT; an invitation has its own lifetime.
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secreto), token)
            for secreto in [self.secret, *self.secret_fallbacks]
        ):
            return False
        vida = settings.PORTAL_INVITACION_DIAS * 24 * 60 * 60
        return self._num_seconds(self._now()) - ts <= vida


generador_invitacion = GeneradorInvitacion()


def roles_asignables(*, usuario: AbstractBaseUser) -> list[str]:
    """The roles this person may give or take away: Administración only by Administración."""
    roles = roles_de(usuario)
    if Rol.ADMINISTRACION in roles:
        return list(Rol.values)
    if Rol.COORDINACION in roles:
        return [r for r in Rol.values if r != Rol.ADMINISTRACION]
    return []


def _etiquetas(roles) -> str:
    return ", ".join(str(Rol(r).label) for r in Rol.values if r in roles) or _("sin roles")


def persona_cambio_registrar(
    *, persona: AbstractBaseUser, usuario: AbstractBaseUser | None, accion: str, detalle: str = ""
) -> CambioPersona:
    """Record one change to a person's account (other apps call it for their assignments)."""
    return CambioPersona.objects.create(
        persona=persona, autor=usuario, accion=accion, detalle=detalle[:500]
    )


def _exigir_roles_permitidos(*, antes: set[str], despues: set[str], usuario) -> None:
    permitidos = set(roles_asignables(usuario=usuario))
    fuera = (antes ^ despues) - permitidos
    if fuera:
        raise ValidationError(
            {
                "roles": _("Usted no puede dar ni quitar estos roles: %(roles)s.")
                % {"roles": _etiquetas(fuera)}
            }
        )


def _roles_guardar(persona, roles: set[str]) -> None:
    persona.groups.set(Group.objects.filter(name__in=roles))
    persona.__dict__.pop("_roles_cache", None)


def invitacion_enviar(*, persona: AbstractBaseUser) -> None:
    """E-mail the link to choose a password (valid PORTAL_INVITACION_DIAS days)."""
    enlace = url_de(
        "cuentas:invitacion",
        uidb64=urlsafe_base64_encode(force_bytes(persona.pk)),
        token=generador_invitacion.make_token(persona),
    )
    correo_enviar(
        para=persona.email,
        plantilla="core/correo/invitacion",
        contexto={
            "persona": persona,
            "enlace": enlace,
            "dias": settings.PORTAL_INVITACION_DIAS,
            "roles": _etiquetas(roles_de(persona)),
            "url_ingresar": url_de("cuentas:login"),
        },
    )


@transaction.atomic
def persona_invitar(
    *,
    correo: str,
    nombre: str,
    apellido: str,
    roles: list[str],
    usuario: AbstractBaseUser,
) -> AbstractBaseUser:
    """Create the account of a new member of the team with their roles and e-mail them the link
    to choose a password. The account has no password until they choose one."""
    correo = correo.strip().lower()
    Usuario = get_user_model()
    if Usuario.objects.filter(email__iexact=correo).exists() or (
        Usuario.objects.filter(username__iexact=correo).exists()
    ):
        raise ValidationError({"correo": _("Ya hay una cuenta con este correo.")})
    _exigir_roles_permitidos(antes=set(), despues=set(roles), usuario=usuario)
    persona = Usuario(
        username=correo, email=correo, first_name=nombre.strip(), last_name=apellido.strip()
    )
    persona.set_unusable_password()
    persona.full_clean(exclude=["password"])
    persona.save()
    _roles_guardar(persona, set(roles))
    persona_cambio_registrar(
        persona=persona,
        usuario=usuario,
        accion=CambioPersona.Accion.INVITADA,
        detalle=_("Roles: %(roles)s") % {"roles": _etiquetas(set(roles))},
    )
    transaction.on_commit(lambda: invitacion_enviar(persona=persona))
    return persona


@transaction.atomic
def persona_invitacion_reenviar(
    *, persona: AbstractBaseUser, usuario: AbstractBaseUser
) -> AbstractBaseUser:
    if persona.has_usable_password():
        raise ValidationError(_("Esta persona ya eligió su contraseña: no necesita invitación."))
    if not persona.is_active:
        raise ValidationError(_("La cuenta está desactivada: reactívela antes de invitar."))
    persona_cambio_registrar(
        persona=persona, usuario=usuario, accion=CambioPersona.Accion.INVITADA, detalle=""
    )
    transaction.on_commit(lambda: invitacion_enviar(persona=persona))
    return persona


@transaction.atomic
def persona_roles_asignar(
    *, persona: AbstractBaseUser, roles: list[str], usuario: AbstractBaseUser
) -> AbstractBaseUser:
    antes = set(persona.groups.values_list("name", flat=True))
    despues = set(roles)
    if antes == despues:
        return persona
    _exigir_roles_permitidos(antes=antes, despues=despues, usuario=usuario)
    if persona.pk == usuario.pk and Rol.ADMINISTRACION in antes - despues:
        raise ValidationError({"roles": _("No puede quitarse a sí mismo la Administración.")})
    _roles_guardar(persona, despues)
    persona_cambio_registrar(
        persona=persona,
        usuario=usuario,
        accion=CambioPersona.Accion.ROLES,
        detalle=f"{_etiquetas(antes)} → {_etiquetas(despues)}",
    )
    return persona


@transaction.atomic
def persona_desactivar(*, persona: AbstractBaseUser, usuario: AbstractBaseUser) -> AbstractBaseUser:
    """The account can no longer log in; it is never deleted, so what they did keeps its author."""
    if persona.pk == usuario.pk:
        raise ValidationError(_("No puede desactivar su propia cuenta."))
    if persona.is_superuser and not usuario.is_superuser:
        raise ValidationError(_("Solo un superusuario puede desactivar a otro."))
    if not persona.is_active:
        return persona
    persona.is_active = False
    persona.save(update_fields=["is_active"])
    persona_cambio_registrar(
        persona=persona, usuario=usuario, accion=CambioPersona.Accion.DESACTIVADA
    )
    return persona


@transaction.atomic
def persona_activar(*, persona: AbstractBaseUser, usuario: AbstractBaseUser) -> AbstractBaseUser:
    if persona.is_active:
        return persona
    persona.is_active = True
    persona.save(update_fields=["is_active"])
    persona_cambio_registrar(persona=persona, usuario=usuario, accion=CambioPersona.Accion.ACTIVADA)
    return persona


def preferencias_resumen_cambiar(*, usuario: AbstractBaseUser, activo: bool) -> PreferenciasPanel:
    preferencias, _creadas = PreferenciasPanel.objects.get_or_create(usuario=usuario)
    if preferencias.resumen_diario != activo:
        preferencias.resumen_diario = activo
        preferencias.save(update_fields=["resumen_diario"])
    return preferencias


def _resumen_enviar(usuario: AbstractBaseUser, hoy: date) -> bool:
    cola = cola_de(usuario)
    total = total_de(cola)
    if not total:
        return False
    correo_enviar(
        para=usuario.email,
        plantilla="core/correo/resumen_diario",
        contexto={
            "persona": usuario,
            "hoy": hoy,
            "total": total,
            "cola": [
                {
                    "titulo": entrada["tarea"].titulo,
                    "total": entrada["pendientes"].total,
                    "url": url_absoluta(entrada["pendientes"].url),
                    "elementos": [
                        {"texto": e.texto, "detalle": e.detalle, "url": url_absoluta(e.url)}
                        for e in entrada["pendientes"].elementos
                    ],
                }
                for entrada in cola
                if entrada["pendientes"].total
            ],
            "url_panel": url_de("core:panel"),
        },
    )
    return True


def resumenes_diarios_enviar(*, hoy: date | None = None) -> int:
    """E-mail their queue to each active person who opted in, once a day (nothing when the queue
    is empty). Each row is locked while its e-mail leaves, so two runs never send it twice."""
    hoy = hoy or timezone.localdate()
    enviados = 0
    pendientes = PreferenciasPanel.objects.filter(
        resumen_diario=True, usuario__is_active=True
    ).exclude(resumen_enviado_el=hoy)
    for pk in list(pendientes.values_list("pk", flat=True)):
        with transaction.atomic():
            fila = (
                pendientes.select_for_update(skip_locked=True, of=("self",))
                .select_related("usuario")
                .filter(pk=pk)
                .first()
            )
            if fila is None or not fila.usuario.email:
                continue
            if _resumen_enviar(fila.usuario, hoy):
                enviados += 1
            fila.resumen_enviado_el = hoy
            fila.save(update_fields=["resumen_enviado_el"])
    return enviados
