"""Admin of mesas: where Coordinación assigns facilitators and members to the 13 tables."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import TablaEnLinea

from .models import Acuerdo, Asistencia, AvisoConvocatoria, Invitacion, Mesa, PuntoAgenda, Sesion


@admin.register(Mesa)
class MesaAdmin(admin.ModelAdmin):
    list_display = ["nombre", "tipo", "canton", "sector", "estado", "orden"]
    list_filter = ["tipo", "estado"]
    search_fields = ["nombre"]
    filter_horizontal = ["facilitadores"]
    autocomplete_fields = ["miembros"]
    prepopulated_fields = {"slug": ["nombre"]}


class PuntoAgendaInline(TablaEnLinea):
    model = PuntoAgenda


@admin.register(Sesion)
class SesionAdmin(admin.ModelAdmin):
    list_display = ["mesa", "numero", "inicio", "modalidad", "estado"]
    list_filter = ["estado", "modalidad", "mesa"]
    search_fields = ["mesa__nombre", "lugar"]
    readonly_fields = [
        "version",
        "acta_version",
        "cerrada_en",
        "cerrada_por",
        "publicada_en",
        "publicada_por",
    ]
    inlines = [PuntoAgendaInline]


@admin.register(Acuerdo)
class AcuerdoAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "sesion", "plazo"]
    list_filter = ["sesion__mesa"]
    search_fields = ["texto"]
    autocomplete_fields = ["responsables"]


@admin.register(Asistencia)
class AsistenciaAdmin(admin.ModelAdmin):
    list_display = ["actor", "organizacion", "sesion", "es_miembro"]
    list_filter = ["sesion__mesa"]
    autocomplete_fields = ["actor", "organizacion"]


class AvisoConvocatoriaInline(admin.TabularInline):
    """What was sent after the invitation: sent again, updates, the cancellation."""

    model = AvisoConvocatoria
    fields = ["tipo", "creado", "creado_por", "enviado_en", "secuencia", "antes"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Invitacion)
class InvitacionAdmin(admin.ModelAdmin):
    list_display = ["actor", "sesion", "respuesta", "enviada_en", "recordatorio_en"]
    list_filter = ["respuesta", "sesion__mesa"]
    autocomplete_fields = ["actor"]
    inlines = [AvisoConvocatoriaInline]
