from django.contrib import admin

from core.admin import TablaEnLinea

from .models import Canton, Eje, Parroquia, Sector


class ParroquiaInline(TablaEnLinea):
    model = Parroquia


@admin.register(Canton)
class CantonAdmin(admin.ModelAdmin):
    list_display = ["codigo", "nombre", "cabecera", "poblacion", "poblacion_anio"]
    search_fields = ["nombre", "codigo"]
    inlines = [ParroquiaInline]


@admin.register(Eje)
class EjeAdmin(admin.ModelAdmin):
    list_display = ["codigo", "nombre"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["nombre", "eje", "orden", "activo"]
    list_filter = ["eje", "activo"]
    prepopulated_fields = {"slug": ["nombre"]}
    filter_horizontal = ["cantones"]
