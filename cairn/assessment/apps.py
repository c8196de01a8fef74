from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "cairn.assessment"
    label = "assessment"
    verbose_name = "Assessment"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from cairn.records.presenters import CHILD_TABS, Tab

        if not any(tab.slug == "stages" for tab in CHILD_TABS):
            CHILD_TABS.insert(0, Tab("stages", _("Assessments"), "assessment:stage-list"))
