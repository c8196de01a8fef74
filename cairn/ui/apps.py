from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "cairn.ui"
    label = "ui"
    verbose_name = "Interface"
