from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import TablaEnLinea
from pactos.models import pactos as modelos


class FirmanteInline(TablaEnLinea):
    model = modelos.Firmante
    autocomplete_fields = ["organizacion"]


@admin.register(modelos.Pacto)
class PactoAdmin(SimpleHistoryAdmin):
    """Read mostly: pactos change through the portal's services (states, versions)."""

    list_display = ["titulo", "eje", "alcance", "estado", "version", "fecha_firma"]
    list_filter = ["eje", "estado", "alcance"]
    search_fields = ["titulo"]
    readonly_fields = ["estado", "version", "publicado_en", "creado", "actualizado", "creado_por"]
    inlines = [FirmanteInline]


class OrigenInline(TablaEnLinea):
    model = modelos.OrigenCompromiso
    raw_id_fields = ["acuerdo"]
    readonly_fields = ["vinculado", "vinculado_por"]


class HitoInline(TablaEnLinea):
    model = modelos.Hito


@admin.register(modelos.Compromiso)
class CompromisoAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "pacto", "lider", "estado", "avance", "plazo"]
    list_filter = ["pacto", "estado"]
    search_fields = ["titulo", "texto"]
    autocomplete_fields = ["lider", "socios"]
    inlines = [OrigenInline, HitoInline]


@admin.register(modelos.ContactoResponsable)
class ContactoResponsableAdmin(admin.ModelAdmin):
    """Who reports progress for an organisation responsible for commitments."""

    list_display = ["usuario", "actor"]
    search_fields = ["usuario__username", "usuario__email", "actor__nombre"]
    autocomplete_fields = ["usuario", "actor"]


@admin.register(modelos.AcuerdoDescartado)
class AcuerdoDescartadoAdmin(SimpleHistoryAdmin):
    list_display = ["acuerdo", "pacto", "motivo", "descartado_por", "descartado"]
    list_filter = ["pacto"]


@admin.register(modelos.VersionPacto)
class VersionPactoAdmin(admin.ModelAdmin):
    list_display = ["pacto", "numero", "nota", "autor", "creada"]
    list_filter = ["pacto"]
    readonly_fields = [f.name for f in modelos.VersionPacto._meta.fields]


@admin.register(modelos.RecordatorioCompromiso)
class RecordatorioCompromisoAdmin(admin.ModelAdmin):
    list_display = ["compromiso", "periodo", "motivo", "destinatarios", "enviado"]
    list_filter = ["periodo", "motivo"]
