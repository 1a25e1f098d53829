"""The rows the data migrations create (roles' groups, Pichincha's territory, the 13 tables), put
back when an earlier transactional test flushed them: one place for every test that needs them."""

import importlib

from django.apps import apps


def reponer_datos_de_referencia(*, mesas: bool = False) -> None:
    from django.contrib.auth.models import Group

    from core.roles import Rol
    from sie.models import Canton

    if Group.objects.filter(name__in=Rol.values).count() < len(Rol.values):
        importlib.import_module("core.migrations.0001_grupos").crear_grupos(apps, None)
    if not Canton.objects.exists():
        importlib.import_module("sie.migrations.0002_datos_referencia").cargar(apps, None)
        importlib.import_module("sie.migrations.0006_parroquias_urbanas").cargar(apps, None)
    if mesas:
        from mesas.models import Mesa

        if not Mesa.objects.exists():
            modulo = importlib.import_module("mesas.migrations.0002_mesas_del_programa")
            modulo.crear_mesas(apps, None)
