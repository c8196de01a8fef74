from django.urls import path

from cairn.timeline import views

app_name = "timeline"

urlpatterns = [
    path("children/<int:child_id>/timeline/", views.child_timeline, name="child-timeline"),
]
