from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "cairn.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from cairn.records.access import Access
        from cairn.records.presenters import CHILD_TABS, OVERVIEW_PANELS, Panel, Tab
        from cairn.reports.presenters import overview_panel

        # A summary grant holder reaches the summary too (the record's header shows tabs only
        # to those who may read the record, so the overview also links to it: see the panel).
        if not any(tab.slug == "summary" for tab in CHILD_TABS):
            CHILD_TABS.append(Tab("summary", _("Summary"), "reports:summary", needs=Access.SUMMARY))
        if not any(panel.slug == "summary" for panel in OVERVIEW_PANELS):
            OVERVIEW_PANELS.append(Panel("summary", "reports/_panel.html", overview_panel))
