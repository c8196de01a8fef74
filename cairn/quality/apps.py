from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "cairn.quality"
    label = "quality"
    verbose_name = "Quality"
