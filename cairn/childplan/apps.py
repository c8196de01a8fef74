from django.apps import AppConfig


class ChildPlanConfig(AppConfig):
    name = "cairn.childplan"
    label = "childplan"
    verbose_name = "The child's plan"
