"""Admin of canales: the messages read-only (they are a record of what left and arrived), and
the opt-outs, which only an administrator may lift (at the person's written request)."""

from django.contrib import admin

from .models import BajaCanal, MensajeCanal


@admin.register(MensajeCanal)
class MensajeCanalAdmin(admin.ModelAdmin):
    list_display = ["creado_en", "canal", "direccion", "numero", "proposito", "estado"]
    list_filter = ["canal", "direccion", "estado", "proposito"]
    search_fields = ["numero", "texto"]
    date_hierarchy = "creado_en"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(BajaCanal)
class BajaCanalAdmin(admin.ModelAdmin):
    list_display = ["numero", "canal", "creada_en", "texto"]
    search_fields = ["numero"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
