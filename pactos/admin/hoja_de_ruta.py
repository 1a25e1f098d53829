from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pactos.models import Actividad, InformeProgreso, ProductoPrograma


@admin.register(ProductoPrograma)
class ProductoProgramaAdmin(admin.ModelAdmin):
    list_display = ["numero", "nombre", "codigo"]


@admin.register(Actividad)
class ActividadAdmin(SimpleHistoryAdmin):
    list_display = ["nombre", "bloque", "estado", "salud", "avance", "responsable", "fin_previsto"]
    list_filter = ["bloque", "estado", "salud", "productos"]
    search_fields = ["nombre", "institucion", "notas"]
    filter_horizontal = ["productos", "dependencias"]
    autocomplete_fields = ["responsable"]


@admin.register(InformeProgreso)
class InformeProgresoAdmin(admin.ModelAdmin):
    list_display = ["numero", "desde", "hasta", "mensual", "solicitado_por", "creado"]
    list_filter = ["mensual"]
    readonly_fields = ["creado"]
