"""Grant or remove the service-wide administrator role: only here, never from a page."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cairn.accounts import operations
from cairn.accounts.models import User
from cairn.audit.operations import Actor


class Command(BaseCommand):
    help = (
        "Make a user a service administrator (adds organisations, sets up anyone's roles), "
        "or with --remove take the role away. An organisation's administrators cannot do this."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--remove", action="store_true", help="Take the role away")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user is called {options['username']!r}")
        on = not options["remove"]
        operations.set_service_administrator(by=Actor.system(), user=user, on=on)
        state = "is now" if on else "is no longer"
        self.stdout.write(f"{user.username} {state} a service administrator")
