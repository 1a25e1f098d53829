from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Núcleo")

    def ready(self):
        from django.db.models import fields

        from . import extensiones
        from .busqueda import conectar_sqlite
        from .cache import conectar_invalidacion

        conectar_invalidacion()
        conectar_sqlite()
        extensiones.registrar()
        # The empty choice of every optional select built from a model field: Django 6.1's own
        # "- Select an option -" has no Spanish translation; Django documents replacing it here.
        fields.BLANK_CHOICE_LABEL = _("— Elija una opción —")
