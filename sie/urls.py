from django.urls import path

from . import views

app_name = "sie"

urlpatterns = [
    path("cantones/", views.CantonListView.as_view(), name="cantones"),
    path("cantones/<str:codigo>/", views.CantonDetailView.as_view(), name="canton"),
]
