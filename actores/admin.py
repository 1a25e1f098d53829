from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import TablaEnLinea

from .models import Actor, AsignacionTerritorial, CambioPosicion, Importacion, Membresia, Relacion


class MembresiaInline(TablaEnLinea):
    model = Membresia
    fk_name = "persona"
    autocomplete_fields = ["organizacion"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = [
        "nombre",
        "naturaleza",
        "tipo",
        "ambito",
        "canton",
        "influencia",
        "interes",
        "posicion",
        "activo",
    ]
    list_filter = [
        "naturaleza",
        "tipo",
        "ambito",
        "canton",
        "posicion",
        "visible_publico",
        "activo",
    ]
    search_fields = ["nombre", "siglas", "email", "identificacion"]
    list_select_related = ["canton"]
    filter_horizontal = ["ejes", "sectores"]
    inlines = [MembresiaInline]
    readonly_fields = ["creado", "actualizado", "creado_por"]


@admin.register(Relacion)
class RelacionAdmin(SimpleHistoryAdmin):
    list_display = ["origen", "tipo", "destino", "nota"]
    list_filter = ["tipo"]
    autocomplete_fields = ["origen", "destino"]


@admin.register(CambioPosicion)
class CambioPosicionAdmin(admin.ModelAdmin):
    list_display = ["actor", "fecha", "influencia", "interes", "posicion", "registrado_por"]
    autocomplete_fields = ["actor"]


@admin.register(AsignacionTerritorial)
class AsignacionTerritorialAdmin(admin.ModelAdmin):
    list_display = ["usuario", "canton", "sector"]
    list_filter = ["canton", "sector"]


@admin.register(Importacion)
class ImportacionAdmin(admin.ModelAdmin):
    list_display = [
        "nombre_archivo",
        "estado",
        "filas",
        "creadas",
        "actualizadas",
        "errores",
        "subido_por",
        "creado",
    ]
    list_filter = ["estado"]
