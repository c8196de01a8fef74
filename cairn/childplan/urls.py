from django.urls import URLPattern

app_name = "childplan"

urlpatterns: list[URLPattern] = []
