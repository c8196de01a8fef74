from django.urls import path

from cairn.ui import views

app_name = "ui"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/<str:code>/", views.language, name="language"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
]
