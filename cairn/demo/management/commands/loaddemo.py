"""Load Cairn's fictional demo: organisations, staff, children and their assessments
(idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cairn.demo import load


class Command(BaseCommand):
    help = (
        "Create the demo organisations, users, fictional children and their assessment "
        "history. Safe to run again. Only in demo mode (CAIRN_DEMO=1)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo's accounts share a published password: never on a real service.
        if not settings.CAIRN_DEMO:
            raise CommandError(
                "The demo loads only in demo mode (CAIRN_DEMO=1): its accounts have a public "
                "password."
            )
        summary = load.load_demo()
        self.stdout.write(self.style.SUCCESS(summary))
