from django.urls import path  # noqa: F401

app_name = "pactos"

urlpatterns: list = []
