from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_espanol import traducir_axes
from .documentos import documentos_reintentar
from .models import Documento

traducir_axes()


class TablaEnLinea(admin.TabularInline):
    """The rows of a related model as a table inside its parent's page, with no blank rows
    offered: one is added with the button when needed."""

    extra = 0


@admin.register(Documento)
class DocumentoAdmin(admin.ModelAdmin):
    list_display = ["tipo", "object_id", "version", "estado", "intentos", "creado", "generado"]
    list_filter = ["estado", "tipo"]
    search_fields = ["object_id", "uuid", "checksum"]
    readonly_fields = [f.name for f in Documento._meta.fields]
    actions = ["reencolar"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Volver a generar los documentos seleccionados"))
    def reencolar(self, request, queryset):
        enviados = documentos_reintentar(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, _("%(n)d documentos enviados a generar.") % {"n": enviados})
