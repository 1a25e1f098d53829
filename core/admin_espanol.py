"""The Django admin in the portal's language where a third-party app ships no Spanish: django-axes'
app and models get Spanish names (msgids in Spanish, English in the portal's catalog), set once
when the admin loads (core.admin). Only the names the admin shows: Meta.original_attrs, which
migrations read, stays as axes wrote it, so no migration of axes follows. Its fields' column heads
stay English (changing a field's verbose_name would ask for one)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

NOMBRES_AXES = {
    "AccessAttempt": (_("intento de acceso"), _("intentos de acceso")),
    "AccessFailureLog": (_("acceso fallido"), _("accesos fallidos")),
    "AccessLog": (_("registro de acceso"), _("registros de acceso")),
    "AccessAttemptExpiration": (_("vencimiento de un intento"), _("vencimientos de intentos")),
}


def traducir_axes() -> None:
    if not apps.is_installed("axes"):
        return
    config = apps.get_app_config("axes")
    config.verbose_name = _("Intentos de ingreso")
    for modelo in config.get_models():
        nombres = NOMBRES_AXES.get(modelo.__name__)
        if nombres:
            modelo._meta.verbose_name, modelo._meta.verbose_name_plural = nombres
