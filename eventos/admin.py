from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import TablaEnLinea

from . import models


class MiembroEnLinea(TablaEnLinea):
    model = models.MiembroEquipo
    autocomplete_fields = ["actor"]


class SesionEnLinea(TablaEnLinea):
    model = models.Sesion
    filter_horizontal = ["ponentes", "moderadores"]


@admin.register(models.Evento)
class EventoAdmin(SimpleHistoryAdmin):
    list_display = ["titulo", "tipo", "inicio", "estado", "acceso", "publicado"]
    list_filter = ["tipo", "estado", "acceso", "publicado"]
    search_fields = ["titulo"]
    readonly_fields = ["slug", "version_programa", "creado_por", "creado", "actualizado"]
    autocomplete_fields = ["aliados"]
    inlines = [MiembroEnLinea, SesionEnLinea]


@admin.register(models.Ponente)
class PonenteAdmin(admin.ModelAdmin):
    list_display = ["nombre", "cargo", "organizacion", "evento"]
    search_fields = ["nombre", "organizacion"]
    list_filter = ["evento"]


@admin.register(models.Invitado)
class InvitadoAdmin(admin.ModelAdmin):
    list_display = ["nombre", "evento", "estado", "origen", "asistio"]
    list_filter = ["evento", "estado", "origen", "asistio"]
    search_fields = ["nombre", "organizacion", "email"]
    readonly_fields = ["invitado_en", "respondido_en", "espera_desde", "asistencia_en"]
    raw_id_fields = ["actor"]


@admin.register(models.TareaLogistica)
class TareaLogisticaAdmin(SimpleHistoryAdmin):
    list_display = ["titulo", "evento", "categoria", "responsable", "fecha_limite", "estado"]
    list_filter = ["evento", "categoria", "estado"]


@admin.register(models.Sistematizacion)
class SistematizacionAdmin(SimpleHistoryAdmin):
    list_display = ["evento", "version", "actualizado"]
