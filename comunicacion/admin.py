from django.contrib import admin

from core.admin import TablaEnLinea

from .models import (
    AccionComunicacion,
    Comentario,
    Consulta,
    Mensaje,
    NotaMensaje,
    Noticia,
    RespuestaOficial,
    Suscripcion,
)


@admin.register(Noticia)
class NoticiaAdmin(admin.ModelAdmin):
    list_display = ["titulo", "estado", "publicada_en", "autor"]
    list_filter = ["estado", "ejes", "cantones"]
    search_fields = ["titulo", "resumen"]
    readonly_fields = ["slug", "creada", "actualizada"]
    raw_id_fields = ["mesa", "pacto", "evento", "autor"]


class NotaMensajeInline(TablaEnLinea):
    model = NotaMensaje
    readonly_fields = ["autor", "texto", "creada"]
    can_delete = False


@admin.register(Mensaje)
class MensajeAdmin(admin.ModelAdmin):
    list_display = ["asunto", "nombre", "tipo", "canton", "estado", "asignado_a", "recibido"]
    list_filter = ["estado", "tipo", "tema", "canton"]
    inlines = [NotaMensajeInline]
    search_fields = ["asunto", "nombre", "email"]
    readonly_fields = ["recibido", "respondido_en", "respuesta_enviada_en", "cerrado_en"]


@admin.register(Suscripcion)
class SuscripcionAdmin(admin.ModelAdmin):
    list_display = ["email", "tipo", "canton", "eje", "pacto", "mesa", "confirmada_en", "baja_en"]
    list_filter = ["tipo", "canton", "eje", "mesa"]
    search_fields = ["email"]
    readonly_fields = ["creada", "confirmacion_enviada_en", "confirmada_en", "baja_en"]
    raw_id_fields = ["pacto"]


@admin.register(AccionComunicacion)
class AccionComunicacionAdmin(admin.ModelAdmin):
    list_display = ["fecha", "titulo", "audiencia", "canal", "responsable", "estado"]
    list_filter = ["estado", "canal", "audiencia"]
    search_fields = ["titulo"]
    raw_id_fields = ["mesa", "pacto", "evento", "noticia", "responsable"]


# --- Public consultation: comments are hidden with a reason, never deleted -------------------


@admin.register(Consulta)
class ConsultaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version", "abre", "cierra", "estado"]
    list_filter = ["estado"]
    raw_id_fields = ["version", "abierta_por", "cerrada_por"]


@admin.register(Comentario)
class ComentarioAdmin(admin.ModelAdmin):
    list_display = ["__str__", "consulta", "destino", "tipo", "estado", "canton", "creado"]
    list_filter = ["estado", "tipo", "destino", "canton"]
    search_fields = ["texto", "nombre", "email"]
    raw_id_fields = ["consulta", "compromiso", "usuario", "oculto_por", "respuesta"]
    readonly_fields = ["creado", "publicado_en", "oculto_en", "respuesta_enviada_en"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RespuestaOficial)
class RespuestaOficialAdmin(admin.ModelAdmin):
    list_display = ["__str__", "consulta", "decision", "autor", "creada"]
    list_filter = ["decision"]
    raw_id_fields = ["consulta", "autor"]

    def has_delete_permission(self, request, obj=None):
        return False
