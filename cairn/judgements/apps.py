from django.apps import AppConfig


class JudgementsConfig(AppConfig):
    name = "cairn.judgements"
    label = "judgements"
    verbose_name = "Judgements"

    def ready(self) -> None:
        from cairn.assessment.extensions import ON_STAGE_START, STAGE_EXTENSIONS
        from cairn.judgements import checks, operations, progress

        del checks  # registers the system check
        if progress.stage_items not in STAGE_EXTENSIONS:
            STAGE_EXTENSIONS.append(progress.stage_items)
        if operations.carry_forward not in ON_STAGE_START:
            ON_STAGE_START.append(operations.carry_forward)
