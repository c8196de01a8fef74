from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "cairn.quality"
    label = "quality"
    verbose_name = "Quality"

    def ready(self) -> None:
        from cairn.assessment import extensions
        from cairn.quality import notices, operations, progress
        from cairn.records.notices import CASELOAD_NOTICES, Notice

        if progress.stage_items not in extensions.STAGE_EXTENSIONS:
            extensions.STAGE_EXTENSIONS.append(progress.stage_items)
        if operations.frozen_reason not in extensions.FREEZE_CHECKS:
            extensions.FREEZE_CHECKS.append(operations.frozen_reason)
        if operations.withdraw_on_edit not in extensions.ON_STAGE_EDITED:
            extensions.ON_STAGE_EDITED.append(operations.withdraw_on_edit)
        if operations.lift_on_reopen not in extensions.ON_STAGE_REOPENED:
            extensions.ON_STAGE_REOPENED.append(operations.lift_on_reopen)
        if progress.answer_notes not in extensions.ANSWER_NOTES:
            extensions.ANSWER_NOTES.append(progress.answer_notes)
        if not any(notice.slug == "signoff" for notice in CASELOAD_NOTICES):
            CASELOAD_NOTICES.append(
                Notice("signoff", "quality/_caseload_notice.html", notices.caseload_notice)
            )
