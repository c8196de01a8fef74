from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cairn.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from cairn.accounts import checks  # noqa: F401  (registers the deployment checks)
