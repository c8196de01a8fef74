from django.urls import path

from cairn.accounts import admin_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/set-up/", views.two_factor_set_up, name="two-factor-set-up"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("signed-out/", views.signed_out, name="signed-out"),
    path("keep-alive/", views.keep_alive, name="keep-alive"),
    path("organisation/", views.switch_organisation, name="switch-organisation"),
    path("me/", views.account, name="account"),
    path("me/tokens/<int:token_id>/revoke/", views.revoke_token, name="token-revoke"),
    path("organisations/", admin_views.organisation_list, name="organisation-list"),
    path("organisations/new/", admin_views.organisation_create, name="organisation-create"),
    path(
        "organisations/<int:organisation_id>/",
        admin_views.organisation_detail,
        name="organisation-detail",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        admin_views.organisation_edit,
        name="organisation-edit",
    ),
    path(
        "organisations/<int:organisation_id>/teams/new/",
        admin_views.team_create,
        name="team-create",
    ),
    path(
        "organisations/<int:organisation_id>/teams/<int:team_id>/edit/",
        admin_views.team_edit,
        name="team-edit",
    ),
    path("users/", admin_views.user_list, name="user-list"),
    path("users/new/", admin_views.user_create, name="user-create"),
    path("users/<int:user_id>/", admin_views.user_detail, name="user-detail"),
    path("users/<int:user_id>/edit/", admin_views.user_edit, name="user-edit"),
    path(
        "users/<int:user_id>/memberships/new/",
        admin_views.membership_create,
        name="membership-create",
    ),
    path(
        "users/<int:user_id>/memberships/<int:membership_id>/end/",
        admin_views.membership_end,
        name="membership-end",
    ),
    path(
        "users/<int:user_id>/two-factor/reset/",
        admin_views.two_factor_reset,
        name="two-factor-reset",
    ),
    path("users/<int:user_id>/unlock/", admin_views.user_unlock, name="user-unlock"),
]
