from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "cairn.records"
    label = "records"
    verbose_name = "Core Record"
