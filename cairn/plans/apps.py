from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "cairn.plans"
    label = "plans"
    verbose_name = "Plans"
