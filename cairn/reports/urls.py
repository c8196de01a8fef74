from django.urls import path

from cairn.reports import views

app_name = "reports"

urlpatterns = [
    path("children/<int:child_id>/summary/", views.summary_page, name="summary"),
    path("children/<int:child_id>/summary.pdf", views.summary_pdf, name="summary-pdf"),
]
