from django.urls import path

from cairn.records import views

app_name = "records"

urlpatterns = [
    path("caseload/", views.my_caseload, name="my-caseload"),
    path("caseload/team/", views.team_caseload, name="team-caseload"),
    path("shared/", views.shared_with_us, name="shared-with-us"),
    path("children/new/", views.child_create, name="child-create"),
    path("children/<int:child_id>/", views.child_overview, name="child-overview"),
    path("children/<int:child_id>/access-log/", views.access_log, name="access-log"),
    path("children/<int:child_id>/restriction/", views.restriction, name="restriction"),
    path(
        "children/<int:child_id>/restriction/lift/",
        views.restriction_lift,
        name="restriction-lift",
    ),
    path("children/<int:child_id>/<slug:part>/edit/", views.part_edit, name="part-edit"),
    path("children/<int:child_id>/<slug:part>/new/", views.item_add, name="item-add"),
    path(
        "children/<int:child_id>/<slug:part>/<int:item_id>/edit/", views.item_edit, name="item-edit"
    ),
    path(
        "children/<int:child_id>/<slug:part>/<int:item_id>/remove/",
        views.item_remove,
        name="item-remove",
    ),
    path("children/<int:child_id>/<slug:section>/", views.child_section, name="child-section"),
]
