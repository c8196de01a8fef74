from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "cairn.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from cairn.assessment.extensions import ON_STAGE_START, STAGE_EXTENSIONS
        from cairn.plans import operations, progress

        if progress.stage_items not in STAGE_EXTENSIONS:
            STAGE_EXTENSIONS.append(progress.stage_items)
        if operations.carry_forward not in ON_STAGE_START:
            ON_STAGE_START.append(operations.carry_forward)
