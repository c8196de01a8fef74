from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cairn.audit"
    label = "audit"
    verbose_name = "Audit"
