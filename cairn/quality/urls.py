from django.urls import path

from cairn.quality import views

app_name = "quality"

urlpatterns = [
    path("stages/<int:stage_id>/signoff/", views.stage_signoff, name="stage-signoff"),
    path("stages/<int:stage_id>/signoff/withdraw/", views.withdraw, name="stage-signoff-withdraw"),
    path("signoff-requests/", views.queue, name="queue"),
    path("signoff-requests/<int:request_id>/", views.request_detail, name="request"),
    path("signoff-requests/<int:request_id>/decision/", views.decision, name="decision"),
    path("signoff-requests/<int:request_id>/comments/", views.comment_add, name="comment-add"),
    path(
        "signoff-comments/<int:comment_id>/resolve/",
        views.comment_resolve,
        name="comment-resolve",
    ),
    path("signoff-policy/", views.policy_page, name="policy"),
    path("deadlines/", views.deadlines_page, name="deadlines"),
]
