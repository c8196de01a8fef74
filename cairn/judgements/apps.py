from django.apps import AppConfig


class JudgementsConfig(AppConfig):
    name = "cairn.judgements"
    label = "judgements"
    verbose_name = "Judgements"
