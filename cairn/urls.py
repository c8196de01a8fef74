"""URL wiring. Each app owns its own paths; the API lives under /api/v1/."""

from django.urls import include, path

from cairn.api.api import api
from cairn.ui import views as ui_views

urlpatterns = [
    path("healthz", ui_views.healthz, name="healthz"),
    path("accounts/", include("cairn.accounts.urls")),
    path("", include("cairn.assessment.urls")),
    path("", include("cairn.judgements.urls")),
    path("", include("cairn.timeline.urls")),
    path("", include("cairn.plans.urls")),
    path("", include("cairn.childplan.urls")),
    path("", include("cairn.quality.urls")),
    path("", include("cairn.reports.urls")),
    path("", include("cairn.records.urls")),
    path("api/v1/", api.urls),
    path("", include("cairn.ui.urls")),
]

handler400 = "cairn.ui.views.bad_request"
handler403 = "cairn.ui.views.permission_denied"
handler404 = "cairn.ui.views.page_not_found"
handler500 = "cairn.ui.views.server_error"
