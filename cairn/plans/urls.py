from django.urls import path

from cairn.plans import views

app_name = "plans"

urlpatterns = [
    path("stages/<int:stage_id>/plan/", views.plan, name="plan"),
    path("stages/<int:stage_id>/plan/risk/", views.risk, name="risk"),
    path("stages/<int:stage_id>/plan/risk.pdf", views.risk_pdf, name="risk-pdf"),
    path("stages/<int:stage_id>/plan/targets/new/", views.target_add, name="target-add"),
    path(
        "stages/<int:stage_id>/plan/targets/<int:target_id>/",
        views.target_change,
        name="target-change",
    ),
    path(
        "stages/<int:stage_id>/plan/targets/<int:target_id>/actions/new/",
        views.action_add,
        name="action-add",
    ),
    path(
        "stages/<int:stage_id>/plan/targets/<int:target_id>/actions/<int:action_id>/",
        views.action_change,
        name="action-change",
    ),
    path(
        "stages/<int:stage_id>/plan/targets/<int:target_id>/progress/new/",
        views.progress_add,
        name="progress-add",
    ),
]
