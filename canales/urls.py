from django.urls import path

from . import views

app_name = "canales"

urlpatterns = [
    path("", views.MensajesView.as_view(), name="mensajes"),
    path("kannel/entrante/", views.kannel_entrante, name="kannel_entrante"),
    path("kannel/entrega/", views.kannel_entrega, name="kannel_entrega"),
    path("whatsapp/webhook/", views.whatsapp_webhook, name="whatsapp_webhook"),
]
