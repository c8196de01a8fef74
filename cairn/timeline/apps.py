from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "cairn.timeline"
    label = "timeline"
    verbose_name = "Timeline"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from cairn.records.presenters import CHILD_TABS, OVERVIEW_PANELS, Panel, Tab
        from cairn.timeline.presenters import overview_panel

        if not any(tab.slug == "timeline" for tab in CHILD_TABS):
            CHILD_TABS.append(Tab("timeline", _("Timeline"), "timeline:child-timeline"))
        if not any(panel.slug == "timeline" for panel in OVERVIEW_PANELS):
            OVERVIEW_PANELS.append(Panel("timeline", "timeline/_panel.html", overview_panel))
