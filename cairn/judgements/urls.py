from django.urls import path

from cairn.judgements import views

app_name = "judgements"

urlpatterns = [
    path("stages/<int:stage_id>/judgements/<slug:kind>/", views.judgement, name="judgement"),
    path(
        "stages/<int:stage_id>/judgements/<slug:kind>/reconfirm/",
        views.reconfirm,
        name="reconfirm",
    ),
    path(
        "stages/<int:stage_id>/judgements/<slug:kind>/concerns/new/",
        views.concern_add,
        name="concern-add",
    ),
    path(
        "stages/<int:stage_id>/concerns/<int:concern_id>/",
        views.concern_change,
        name="concern-change",
    ),
    path(
        "stages/<int:stage_id>/concerns/<int:concern_id>/remove/",
        views.concern_remove,
        name="concern-remove",
    ),
    path("accounts/scoring-model/", views.scoring_model, name="scoring-model"),
]
