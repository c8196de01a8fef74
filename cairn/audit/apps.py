from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cairn.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app says how its own events read (audit.presenters.describe_as) in an
        # `audit_text` module, found here as the admin finds `admin` modules: the audit log
        # depends on no app, and no app's configuration has to remember to load it.
        autodiscover_modules("audit_text")
