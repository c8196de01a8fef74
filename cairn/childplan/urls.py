from django.urls import path

from cairn.childplan import views

app_name = "childplan"

urlpatterns = [
    path("stages/<int:stage_id>/child-plan/", views.plan, name="plan"),
    path("stages/<int:stage_id>/child-plan/change/", views.change, name="change"),
    path("stages/<int:stage_id>/child-plan/response/", views.respond, name="respond"),
    path("stages/<int:stage_id>/child-plan/print/", views.print_view, name="print"),
    path("stages/<int:stage_id>/child-plan.pdf", views.pdf, name="pdf"),
]
