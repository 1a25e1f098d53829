from django.contrib import admin

from .models import AccionComunicacion, Mensaje, Noticia


@admin.register(Noticia)
class NoticiaAdmin(admin.ModelAdmin):
    list_display = ["titulo", "estado", "publicada_en", "autor"]
    list_filter = ["estado", "ejes", "cantones"]
    search_fields = ["titulo", "resumen"]
    readonly_fields = ["slug", "creada", "actualizada"]
    raw_id_fields = ["mesa", "pacto", "evento", "autor"]


@admin.register(Mensaje)
class MensajeAdmin(admin.ModelAdmin):
    list_display = ["asunto", "nombre", "canton", "estado", "recibido"]
    list_filter = ["estado", "canton"]
    search_fields = ["asunto", "nombre", "email"]
    readonly_fields = ["recibido", "respondido_en", "respuesta_enviada_en"]


@admin.register(AccionComunicacion)
class AccionComunicacionAdmin(admin.ModelAdmin):
    list_display = ["fecha", "titulo", "audiencia", "canal", "responsable", "estado"]
    list_filter = ["estado", "canal", "audiencia"]
    search_fields = ["titulo"]
    raw_id_fields = ["mesa", "pacto", "evento", "noticia", "responsable"]
