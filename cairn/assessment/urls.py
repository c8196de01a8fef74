from django.urls import path

from cairn.assessment import views

app_name = "assessment"

urlpatterns = [
    path("children/<int:child_id>/stages/", views.stage_list, name="stage-list"),
    path("children/<int:child_id>/stages/new/", views.stage_start, name="stage-start"),
    path("stages/<int:stage_id>/", views.stage_detail, name="stage-detail"),
    path("stages/<int:stage_id>/left/", views.left, name="left"),
    path("stages/<int:stage_id>/changes/", views.changes, name="changes"),
    path("stages/<int:stage_id>/complete/", views.complete, name="complete"),
    path("stages/<int:stage_id>/deepen/", views.deepen, name="deepen"),
    path("stages/<int:stage_id>/end/", views.end, name="end"),
    path("stages/<int:stage_id>/reopen/", views.reopen, name="reopen"),
    path("stages/<int:stage_id>/cancel/", views.cancel, name="cancel"),
    path("stages/<int:stage_id>/review/", views.review_page, name="review"),
    path("stages/<int:stage_id>/sections/<slug:section>/", views.section, name="section"),
    path(
        "stages/<int:stage_id>/sections/<slug:section>/confirm/",
        views.confirm_section,
        name="confirm-section",
    ),
    path("stages/<int:stage_id>/answers/<str:key>/", views.autosave, name="autosave"),
    path("stages/<int:stage_id>/answers/<str:key>/confirm/", views.confirm, name="confirm"),
    path(
        "stages/<int:stage_id>/answers/<str:key>/history/",
        views.answer_history,
        name="answer-history",
    ),
    path(
        "accounts/organisations/<int:organisation_id>/timescales/",
        views.timescales,
        name="timescales",
    ),
]
