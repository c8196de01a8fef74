from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "cairn.framework"
    label = "framework"
    verbose_name = "AssetPlus framework"

    def ready(self) -> None:
        from cairn.framework import checks  # noqa: F401  (registers the catalogue check)
